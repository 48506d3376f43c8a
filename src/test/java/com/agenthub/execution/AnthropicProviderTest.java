package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Anthropic client over real HTTP against the fake's Anthropic Messages protocol. */
@AgentHubTest
class AnthropicProviderTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;

    @Test
    void aClaudeRunStreamsItsAnswerAndIsPricedFromTheCatalog() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        AgentSettings settings = AgentMother.withModel(AgentMother.settings("Claude agent"), m -> new AgentSettings.ModelConfig(
                "anthropic", "claude-haiku-4-5", m.temperature(), 1000, m.topP(), null, null));
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, settings));

        var queued = TenantContext.callAs(org.id(), () -> executions.submit(owner, agent.id(),
                new SubmitRun("Summarize the contract [claude]", null, null)));
        ExecutionView[] run = {null};
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            run[0] = TenantContext.callAs(org.id(), () -> executions.get(owner, queued.id()));
            return run[0].status().finished();
        });

        assertThat(run[0].error()).isNull();
        assertThat(run[0].status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run[0].output()).isEqualTo("Fake answer to: Summarize the contract");
        assertThat(run[0].provider()).isEqualTo("anthropic");
        assertThat(run[0].inputTokens()).isEqualTo(1200);
        assertThat(run[0].outputTokens()).isEqualTo(800);
        // Claude Haiku 4.5: $1 and $5 per million input and output tokens.
        assertThat(run[0].cost()).isEqualByComparingTo(new BigDecimal("0.0052"));
    }
}
