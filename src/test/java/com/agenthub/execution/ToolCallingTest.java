package com.agenthub.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AgentHubTest
class ToolCallingTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired ChildRuns children;
    @Autowired RunRecorder recorder;

    @Test
    void theModelCallsTheCalculatorAndTheCallIsAnEventOfTheRun() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var s = AgentMother.onFakeOpenAi("Counter");
        var settings = new AgentSettings(s.name(), s.description(), s.modelConfig(), s.personality(), s.instructions(),
                List.of("calculator", "current_time"), s.memory(), false);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, settings));

        ExecutionView run = Runs.toEnd(executions, owner, agent.id(), "What is (2+3)*4? [calc]");

        assertThat(run.error()).isNull();
        assertThat(run.output()).isEqualTo("The calculator says 20");
        var events = TenantContext.callAs(org.id(), () -> executions.events(owner, run.id()));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TOOL_CALLED");
            assertThat(e.message()).isEqualTo("calculator((2+3)*4) → 20");
        });
    }

    @Test
    void anAgentAsksAnotherAgentThroughAChildExecution() {
        var org = mother.organization(Tier.GROWTH);
        var owner = mother.owner(org);
        var base = AgentMother.onFakeOpenAi("Researcher");
        var researcher = TenantContext.callAs(org.id(), () -> agents.create(owner, base));
        var lead = TenantContext.callAs(org.id(), () -> agents.create(owner, new AgentSettings("Lead", base.description(),
                base.modelConfig(), base.personality(), base.instructions(), List.of("ask_agent"), base.memory(), false)));

        ExecutionView run = Runs.toEnd(executions, owner, lead.id(), "Find out the capital [ask]");

        assertThat(run.error()).isNull();
        assertThat(run.output()).isEqualTo("The researcher said: Fake answer to: Capital of France?");
        var child = TenantContext.callAs(org.id(), () -> executions.forAgent(owner, researcher.id(), null, 10, 0)).items();
        assertThat(child).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(c.task()).isEqualTo("Capital of France?");
            assertThat(c.cost()).isEqualByComparingTo(new BigDecimal("0.00066"));
        });
        var events = TenantContext.callAs(org.id(), () -> executions.events(owner, run.id()));
        assertThat(events).anySatisfy(e -> assertThat(e.message()).startsWith("ask_agent(Researcher: Capital of France?)"));
    }

    @Test
    void childRunsStopAtTheDepthLimit() {
        var org = mother.organization(Tier.GROWTH);
        var agent = TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), AgentMother.settings("Deep")));
        var runnable = new com.agenthub.agent.RunnableAgent(agent.id(), agent.name(), agent.status(), agent.settings(),
                agent.systemPrompt());
        var deepest = new RunRecorder.Run(org.id(), java.util.UUID.randomUUID(), runnable, org.owner().id(), "x", null,
                List.of(), ChildRuns.MAX_DEPTH, null);

        assertThat(children.ask(recorder, deepest, "Anyone", "Are you there?"))
                .isEqualTo("Error: agents may ask each other at most 2 levels deep.");
        var shallow = new RunRecorder.Run(org.id(), java.util.UUID.randomUUID(), runnable, org.owner().id(), "x", null,
                List.of(), 0, null);
        assertThat(children.ask(recorder, shallow, "Nobody", "Hello?")).startsWith("Error: there is no agent named 'Nobody'. Agents: Deep");
        assertThat(children.ask(recorder, shallow, "Deep", "Hello?")).isEqualTo("Error: an agent cannot ask itself.");
    }

    @Test
    void theCalculatorIsExactAndRefusesAnythingButArithmetic() {
        assertThat(Arithmetic.evaluate("(1200 * 0.15 + 800 * 0.6) / 1000000")).isEqualByComparingTo(new BigDecimal("0.00066"));
        assertThat(Arithmetic.evaluate("2^10 - -3")).isEqualByComparingTo("1027");
        assertThat(Arithmetic.evaluate("0.1 + 0.2")).isEqualByComparingTo("0.3");
        assertThatThrownBy(() -> Arithmetic.evaluate("1/0")).hasMessage("Division by zero.");
        assertThatThrownBy(() -> Arithmetic.evaluate("Runtime.exec('x')")).hasMessageContaining("Unexpected 'R'");
        assertThatThrownBy(() -> Arithmetic.evaluate("(1+2")).hasMessageContaining("closing parenthesis");
    }
}
