package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Scripts read costs as plain decimals: 0.00066 and 0, never 6.6E-4 or 0E-8. */
@AgentHubTest
class MoneyJsonTest {

    @LocalServerPort int port;
    @Autowired OrganizationMother mother;
    @Autowired ApiTokenService tokens;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;

    @Test
    void aTinyAndAZeroCostAreWrittenAsPlainDecimalsForExecutionsAndAgentMetrics() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var paid = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.onFakeOpenAi("Paid"))).id();
        var free = TenantContext.callAs(org.id(), () -> agents.create(owner, AgentMother.settings("Free"))).id();
        var api = new Api(port, TenantContext.callAs(org.id(), () -> tokens.create(owner, "money")).secret());

        var tiny = Runs.toEnd(executions, owner, paid, "Cost me a little");
        var zero = Runs.toEnd(executions, owner, free, "Cost me nothing");

        assertThat(number(api.get("/api/v1/executions/" + tiny.id()).body(), "cost")).startsWith("0.00066");
        assertThat(number(api.get("/api/v1/agents/" + paid).body(), "avg_cost")).startsWith("0.00066");
        assertThat(number(api.get("/api/v1/executions/" + zero.id()).body(), "cost")).matches("0(\\.0+)?");
        assertThat(number(api.get("/api/v1/agents/" + free).body(), "avg_cost")).matches("0(\\.0+)?");
        assertThat(api.get("/api/v1/agents/" + free + "/executions").body()).doesNotContainPattern(":-?[0-9.]+[eE][-+]?[0-9]");
    }

    /** The number exactly as written in the body, which a parsed node would hide. */
    private static String number(String body, String property) {
        Matcher m = Pattern.compile("\"" + property + "\":([-0-9.eE+]+)").matcher(body);
        assertThat(m.find()).as(property + " in " + body).isTrue();
        return m.group(1);
    }
}
