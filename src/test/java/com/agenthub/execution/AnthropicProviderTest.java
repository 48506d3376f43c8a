package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.math.BigDecimal;
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

        ExecutionView run = Runs.toEnd(executions, owner, agent.id(), "Summarize the contract [claude]");

        assertThat(run.error()).isNull();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo("Fake answer to: Summarize the contract");
        assertThat(run.provider()).isEqualTo("anthropic");
        assertThat(run.inputTokens()).isEqualTo(1200);
        assertThat(run.outputTokens()).isEqualTo(800);
        // Claude Haiku 4.5: $1 and $5 per million input and output tokens.
        assertThat(run.cost()).isEqualByComparingTo(new BigDecimal("0.0052"));
    }
}
