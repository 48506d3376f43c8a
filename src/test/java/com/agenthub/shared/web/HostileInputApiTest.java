package com.agenthub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation the OpenAPI description lists, called as a signed-in owner with hostile input: NUL in every
 * string body field and query parameter, query strings that are not UTF-8, missing and unknown fields. None may
 * answer 5xx, and none may change anything.
 */
@AgentHubTest
class HostileInputApiTest {

    static final String NUL = "a\u0000b";
    static final List<String> BAD_QUERY_VALUES = List.of("a%00b", "%C3%28", "%FF", "%E2%82", "");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired ApiTokenService tokens;
    @Autowired AgentService agents;

    @Test
    void noOperationAnswersAServerErrorToHostileInput() {
        var org = mother.organization(Tier.ENTERPRISE);
        var owner = mother.owner(org);
        UUID agentId = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Target"))).id();
        Api api = new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(owner, "hostile")).secret());

        JsonNode docs = api.get("/v3/api-docs").json();
        List<String> calls = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        for (var path : docs.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (method.equals("DELETE") || path.getKey().endsWith("/stream")) {
                    continue; // deleting the target or holding a stream open tells nothing about input handling
                }
                String url = path.getKey().replaceAll("\\{[^}]+}", path.getKey().startsWith("/api/v1/agents/") ? agentId.toString()
                        : UUID.randomUUID().toString());
                for (String request : requests(docs, operation.getValue(), url)) {
                    String[] parts = request.split(" ", 2);
                    var response = api.send(method, parts[0], parts.length > 1 ? parts[1] : null);
                    calls.add(method + " " + request);
                    softly.assertThat(response.status()).as(method + " " + request + " -> " + response.body())
                            .isLessThan(500);
                    if (response.status() >= 400) {
                        softly.assertThat(response.contentType()).as(method + " " + request).startsWith("application/problem+json");
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(calls).hasSizeGreaterThan(30);

        var target = api.get("/api/v1/agents/" + agentId).json();
        assertThat(target.get("name").asString()).isEqualTo("Target");
        assertThat(target.at("/metrics/runs").asInt()).isZero();
        assertThat(api.get("/api/v1/tokens").json().get("tokens")).hasSize(1);
        assertThat(api.get("/api/v1/agents").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aNulInABodyFieldIsRefusedByNameAndStoresNothing() {
        var org = mother.organization(Tier.ENTERPRISE);
        var owner = mother.owner(org);
        UUID agentId = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Target"))).id();
        Api api = new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(owner, "nul")).secret());

        var response = api.patch("/api/v1/agents/" + agentId, "{\"instructions\": \"be \\u0000 nice\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("instructions").contains("NUL");

        var run = api.post("/api/v1/agents/" + agentId + "/execute", "{\"task\": \"go\", \"context\": {\"k\": \"\\u0000\"}}");
        assertThat(run.status()).isEqualTo(400);
        assertThat(run.json().get("detail").asString()).contains("NUL");

        assertThat(api.get("/api/v1/agents/" + agentId).json().get("instructions").asString()).isEqualTo("Answer briefly.");
        assertThat(api.get("/api/v1/agents/" + agentId + "/executions").json().get("total").asInt()).isZero();
    }

    /** "url body" lines: each query parameter with each bad value, then NUL-filled, empty and unknown-field bodies. */
    private static List<String> requests(JsonNode docs, JsonNode operation, String url) {
        List<String> requests = new ArrayList<>();
        requests.add(url + "?%FF=1");
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asString().equals("query")) {
                for (String value : BAD_QUERY_VALUES) {
                    requests.add(url + "?" + parameter.get("name").asString() + "=" + value);
                }
            }
        }
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        if (!schema.isMissingNode()) {
            requests.add(url + " " + JSON.writeValueAsString(hostile(docs, schema, 0)));
            requests.add(url + " {}");
            requests.add(url + " {\"no_such_property\": 1}");
            requests.add(url + " null");
            requests.add(url + " [\"" + "\\u0000" + "\"]");
        }
        return requests;
    }

    /** A value for the schema with NUL in every string, nested objects and arrays included. */
    private static JsonNode hostile(JsonNode docs, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return hostile(docs, docs.at("/components/schemas/" + name), depth);
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "string" -> JSON.getNodeFactory().stringNode(NUL);
            case "integer" -> JSON.getNodeFactory().numberNode(1);
            case "number" -> JSON.getNodeFactory().numberNode(0.5);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.getNodeFactory().arrayNode().add(hostile(docs, schema.path("items"), depth + 1));
            default -> {
                ObjectNode object = JSON.createObjectNode();
                if (!schema.has("properties") || depth > 3) {
                    object.put("key", NUL);
                } else {
                    for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                        object.set(property.getKey(), hostile(docs, property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
        };
    }
}
