package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import com.agenthub.team.TeamMother;
import com.agenthub.team.TeamPattern;
import com.agenthub.team.TeamView;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Team runs over the API: submitted like an agent's run, read back with their steps and ballot. */
@AgentHubTest
class TeamRunApiTest {

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired TeamMother teams;
    @Autowired ApiTokenService tokens;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void aDemocraticRunShowsItsStepsVotesAndWinnerAndCostsTheSumOfItsSteps() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        TeamView team = teams.team(org, TeamPattern.DEMOCRATIC, null, false, "Chair", "Bee", "Cee");
        Api api = new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(mother.owner(org), "t")).secret());

        var queued = api.post("/api/v1/teams/" + team.id() + "/execute", "{\"task\": \"Pick a slogan\"}");

        assertThat(queued.status()).isEqualTo(202);
        String id = queued.json().get("id").asString();
        JsonNode run = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/executions/" + id).json(), j -> !j.get("duration_ms").isNull());
        assertThat(run.get("status").asString()).isEqualTo("succeeded");
        assertThat(run.get("team_id").asString()).isEqualTo(team.id().toString());
        assertThat(run.get("pattern").asString()).isEqualTo("democratic");
        assertThat(run.get("agent_id").isNull()).isTrue();
        assertThat(run.get("steps")).hasSize(6);
        assertThat(run.get("votes")).hasSize(3);
        String winner = run.get("winner_step_id").asString();
        assertThat(run.get("steps").valueStream().map(s -> s.get("id").asString())).contains(winner);
        BigDecimal sum = run.get("steps").valueStream().map(s -> s.get("cost").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(run.get("cost").decimalValue()).isEqualByComparingTo(sum);
        assertThat(run.get("steps").get(0).get("role").isString()).isTrue();
        // the run's page shows the steps and the ballot, the winner marked
        var session = com.agenthub.support.Browser.signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        String page = mvc.perform(MockMvcRequestBuilders.get("/executions/" + id)
                .with(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"team-steps\"").contains("data-testid=\"ballot\"").contains("(winner)")
                .contains(team.name() + " (team)");
        // an agent's run carries none of the team fields
        assertThat(api.get("/api/v1/executions/" + run.get("steps").get(0).get("id").asString()).json().has("steps")).isFalse();
    }

    @Test
    void teamRunsNeedTheGrowthPlanAndTheMemberRole() {
        var growth = mother.organization(Tier.GROWTH);
        TeamView team = teams.team(growth, TeamPattern.PIPELINE, null, false, "One", "Two");
        var viewer = mother.member(growth, Role.VIEWER);
        Api asViewer = new Api(port, TenantContext.callAs(growth.id(), () -> tokens.create(mother.actor(viewer, growth.id()), "v")).secret());

        var refused = asViewer.post("/api/v1/teams/" + team.id() + "/execute", "{\"task\": \"Go\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("Member");
        var other = mother.organization(Tier.GROWTH);
        Api stranger = new Api(port, TenantContext.callAs(other.id(), () -> tokens.create(mother.owner(other), "s")).secret());
        assertThat(stranger.post("/api/v1/teams/" + team.id() + "/execute", "{\"task\": \"Go\"}").status()).isEqualTo(404);
    }
}
