package com.agenthub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AgentHubTest
class AgentApiTest {

    static final String SALES = """
            {"name": "Sales Assistant", "description": "Helps with sales inquiries",
             "model_config": {"provider": "openai", "model": "gpt-4o-mini", "temperature": 0.7, "max_tokens": 2000, "top_p": 1.0,
                              "fallback_provider": "groq", "fallback_model": "llama-3.3-70b-versatile"},
             "personality": {"traits": ["friendly", "professional"], "tone": "professional", "behavior": "helpful", "language_style": "concise"},
             "instructions": "You are a sales assistant...", "tools": ["calculator"],
             "memory": {"mode": "per_agent", "max_messages": 10, "token_budget": 4000}}""";

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired ApiTokenService tokens;

    OrganizationMother.TestOrg org;
    Api admin;

    @BeforeEach
    void anOrganizationWithAnAdminToken() {
        org = mother.organization(Tier.GROWTH);
        admin = api(org, Role.ADMIN);
    }

    @Test
    void createsTheDocumentedExampleAndAnswersWithTheFullAgent() {
        var created = admin.post("/api/v1/agents", SALES);

        assertThat(created.status()).isEqualTo(201);
        JsonNode agent = created.json();
        assertThat(agent.get("id").asString()).isNotBlank();
        assertThat(agent.get("status").asString()).isEqualTo("idle");
        assertThat(agent.at("/model_config/fallback_model").asString()).isEqualTo("llama-3.3-70b-versatile");
        assertThat(agent.at("/model_config/max_tokens").asInt()).isEqualTo(2000);
        assertThat(agent.at("/personality/language_style").asString()).isEqualTo("concise");
        assertThat(agent.at("/memory/mode").asString()).isEqualTo("per_agent");
        assertThat(agent.has("cache_enabled")).as("the response cache is not offered until it works").isFalse();
        assertThat(agent.at("/metrics/runs").asInt()).isZero();
        assertThat(agent.has("created_at")).isTrue();
        assertThat(agent.has("updated_at")).isTrue();
        assertThat(agent.get("system_prompt").asString()).contains("You are Sales Assistant.");

        var fetched = admin.get("/api/v1/agents/" + agent.get("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("name").asString()).isEqualTo("Sales Assistant");
    }

    @Test
    void onlyNameAndModelAreRequired() {
        var created = admin.post("/api/v1/agents", "{\"name\": \"Minimal\", \"model_config\": {\"model\": \"gpt-4o-mini\"}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/model_config/provider").asString()).isEqualTo("openai");
        assertThat(created.json().at("/model_config/temperature").asDouble()).isEqualTo(0.7);
        assertThat(created.json().at("/personality/tone").asString()).isEqualTo("professional");
    }

    @Test
    void patchChangesOnlyTheFieldsSent() {
        String id = admin.post("/api/v1/agents", SALES).json().get("id").asString();

        var patched = admin.patch("/api/v1/agents/" + id,
                "{\"description\": \"Now for renewals\", \"model_config\": {\"temperature\": 0.2}}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("description").asString()).isEqualTo("Now for renewals");
        assertThat(patched.json().at("/model_config/temperature").asDouble()).isEqualTo(0.2);
        assertThat(patched.json().at("/model_config/model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(patched.json().at("/personality/traits/1").asString()).isEqualTo("professional");
    }

    @Test
    void listsWithFiltersSortAndPages() {
        admin.post("/api/v1/agents", "{\"name\": \"Alpha helper\", \"model_config\": {\"model\": \"sandbox\"}}");
        admin.post("/api/v1/agents", "{\"name\": \"Beta helper\", \"model_config\": {\"model\": \"gpt-4o-mini\"}}");
        admin.post("/api/v1/agents", "{\"name\": \"Gamma\", \"description\": \"a helper too\", \"model_config\": {\"model\": \"sandbox\"}}");

        var page = admin.get("/api/v1/agents?search=helper&sort_by=name&sort_order=desc&limit=2&offset=0").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("agents").valueStream().map(a -> a.get("name").asString()).toList())
                .containsExactly("Gamma", "Beta helper");
        var byProvider = admin.get("/api/v1/agents?provider=openai").json();
        assertThat(byProvider.get("total").asInt()).isEqualTo(1);
        var offline = admin.get("/api/v1/agents?status=offline").json();
        assertThat(offline.get("total").asInt()).isZero();
    }

    @Test
    void deleteAnswersNoContentAndTheAgentIsGone() {
        String id = admin.post("/api/v1/agents", SALES).json().get("id").asString();
        assertThat(admin.delete("/api/v1/agents/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/agents").json().get("total").asInt()).isZero();
    }

    @Test
    void badInputIsA400WithEveryFieldNamedAndNothingIsStored() {
        var wrongType = admin.post("/api/v1/agents", SALES.replace("\"temperature\": 0.7", "\"temperature\": \"warm\""));
        var outOfRange = admin.post("/api/v1/agents", SALES.replace("\"temperature\": 0.7", "\"temperature\": 2.5"));
        var hugeName = admin.post("/api/v1/agents", SALES.replace("Sales Assistant", "x".repeat(100_000)));
        var unknownProvider = admin.post("/api/v1/agents", SALES.replace("\"provider\": \"openai\"", "\"provider\": \"skynet\""));
        var badTone = admin.post("/api/v1/agents", SALES.replace("\"tone\": \"professional\"", "\"tone\": \"grumpy\""));
        var malformed = admin.post("/api/v1/agents", "{\"name\": \"Broken\", ");
        var noModel = admin.post("/api/v1/agents", "{\"name\": \"No model\"}");
        var cached = admin.post("/api/v1/agents", SALES.replace("\"instructions\"", "\"cache_enabled\": true, \"instructions\""));
        var badQuery = admin.get("/api/v1/agents?limit=0&sort_by=price&sort_order=sideways");

        assertThat(fieldsOf(wrongType)).containsExactly("model_config.temperature");
        assertThat(fieldsOf(outOfRange)).containsExactly("model_config.temperature");
        assertThat(fieldsOf(hugeName)).containsExactly("name");
        assertThat(fieldsOf(unknownProvider)).containsExactly("model_config.provider");
        assertThat(fieldsOf(badTone)).containsExactly("personality.tone");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");
        assertThat(fieldsOf(noModel)).containsExactly("model_config.model");
        assertThat(fieldsOf(cached)).as("the response cache is refused until it works").containsExactly("cache_enabled");
        assertThat(fieldsOf(badQuery)).containsExactlyInAnyOrder("limit", "sort_by", "sort_order");
        assertThat(admin.get("/api/v1/agents").json().get("total").asInt()).isZero();
    }

    @Test
    void anotherOrganizationsAgentIsNotFound() {
        String id = admin.post("/api/v1/agents", SALES).json().get("id").asString();
        var other = api(mother.organization(Tier.GROWTH), Role.OWNER);

        assertThat(other.get("/api/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/api/v1/agents/" + id, "{\"name\": \"Stolen\"}").status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/agents/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/agents/" + id).json().get("name").asString()).isEqualTo("Sales Assistant");
    }

    @Test
    void aMemberCannotCreateAgents() {
        var member = api(org, Role.MEMBER);
        var refused = member.post("/api/v1/agents", SALES);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("Admin role");
    }

    private static java.util.List<String> fieldsOf(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private Api api(OrganizationMother.TestOrg target, Role role) {
        var user = role == Role.OWNER ? target.owner() : mother.member(target, role);
        String secret = TenantContext.callAs(target.id(), () -> tokens.create(mother.actor(user, target.id()), "t")).secret();
        return new Api(port, secret);
    }
}
