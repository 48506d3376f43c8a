package com.agenthub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad requests to the API answer 4xx problem details naming what is wrong, wherever they are refused. */
@AgentHubTest
class ApiErrorShapesTest {

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired ApiTokenService tokens;

    Api owner;
    String secret;

    @BeforeEach
    void anOwnerWithAToken() {
        var org = mother.organization(Tier.GROWTH);
        secret = TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "t")).secret();
        owner = new Api(port, secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=500", "limit=ten", "offset=-1", "offset=99999999999"})
    void membersPagingOutOfRangeIsABadRequestSayingTheAllowedRange(String query) {
        var response = owner.get("/api/v1/members?" + query);

        assertProblem(response, 400);
        String field = query.substring(0, query.indexOf('='));
        assertThat(response.json().get("detail").asString()).contains(field).contains("from");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo(field);
    }

    @Test
    void membersPagingWithinRangeStillWorks() {
        var response = owner.get("/api/v1/members?limit=200&offset=0");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("limit").asInt()).isEqualTo(200);
    }

    @Test
    void anUnknownPropertyInABodyIsRefusedByName() {
        var response = owner.post("/api/v1/tokens", "{\"name\": \"ci\", \"expires\": \"never\"}");

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("expires");
        assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("expires");
    }

    @Test
    void anUnknownNestedPropertyInAnAgentIsRefusedByItsPathAndNothingIsCreated() {
        var response = owner.post("/api/v1/agents", """
                {"name": "Typo", "model_config": {"provider": "sandbox", "model": "sandbox", "temprature": 0.2}}""");

        assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("model_config.temprature");
        assertThat(owner.get("/api/v1/agents").json().get("total").asInt()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        assertProblem(owner.post("/api/v1/tokens", "{not json"), 400);
        assertProblem(owner.post("/api/v1/tokens", ""), 400);
    }

    @Test
    void aBadTokenAndAMalformedAuthorizationHeaderAreProblemDetails() throws Exception {
        assertProblem(new Api(port, "ah_not-a-real-token").get("/api/v1/me"), 401);
        for (String header : new String[] {"Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer a b c", "Token xyz"}) {
            assertProblem(raw("/api/v1/me", header, "application/json"), 401);
        }
    }

    @Test
    void theErrorPathRequestedDirectlyIsNotAServerError() throws Exception {
        var json = raw("/error", null, "application/json");
        assertThat(json.status()).isEqualTo(404);
        var html = raw("/error", null, "text/html");
        assertThat(html.status()).isEqualTo(404);
        assertThat(html.body()).contains("Not found").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"search=%ZZ", "search=%C3%28", "search=%FF", "search=a%00b", "se%00arch=x", "search=%"})
    void aQueryStringThatIsNotValidUtf8OrHasANulIsABadRequestBeforeAnyController(String query) throws Exception {
        String response = RawHttp.get(port, "/api/v1/agents?" + query, "Authorization: Bearer " + secret);
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"detail\"")
                .doesNotContain("timestamp").doesNotContain("Exception");
    }

    @Test
    void anUnknownApiPathIsANotFoundProblemDetail() {
        assertProblem(owner.get("/api/v1/no-such-thing"), 404);
    }

    private Api.Response raw(String path, String authorization, String accept) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        var response = HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("timestamp");
    }
}
