package com.agenthub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AgentHubTest
class RunJourneyBrowserTest extends BrowserTest {

    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired com.agenthub.execution.ExecutionService executions;

    @Test
    void aMemberRunsAnAgentFromItsPageAndWatchesTheAnswerArriveBeforeTheRunEnds() {
        var org = mother.organization(Tier.GROWTH);
        UUID agentId = fakeOpenAiAgent(org, "Weekly Planner");
        var member = mother.member(org, Role.MEMBER);
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, member.email(), OrganizationMother.PASSWORD);
            page.navigate(url("/agents/" + agentId));
            page.getByLabel("Task").fill("Plan my week [slow]");
            page.getByLabel("Context").fill("{not json");
            page.getByTestId("run-agent").click();
            assertThat(page.locator("#context-error")).containsText("not valid JSON");
            page.getByLabel("Context").fill("{\"team\": \"sales\"}");
            page.getByTestId("run-agent").click();

            assertThat(page.getByTestId("live-output")).containsText("part-02");
            page.evaluate("() => { window.__samePage = true; }");
            assertThat(page.getByTestId("run-status")).hasText("Running"); // the state follows the run
            assertThat(page.getByTestId("live-markdown").locator("p")).containsText("part-0"); // rendered as it streams
            assertThat(page.getByTestId("live-markdown")).containsText("part-20");
            assertThat(page.getByTestId("run-status")).hasText("Succeeded");
            assertThat(page.getByTestId("cost")).hasText("$0.000660");
            assertThat(page.getByTestId("timeline")).containsText("FINISHED");
            assertThat(page.evaluate("() => window.__samePage === true")).isEqualTo(true); // never reloaded

            page.navigate(url("/executions"));
            assertThat(page.getByTestId("executions-table")).containsText("Plan my week");
            page.getByLabel("Agent").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Weekly Planner"));
            page.waitForURL(java.util.regex.Pattern.compile(".*agent=" + agentId + ".*"));
            assertThat(page.getByTestId("executions-table")).containsText("Plan my week");
        }
    }

    @Test
    void hostileMarkupInTheModelsAnswerRendersInert() {
        var org = mother.organization(Tier.GROWTH);
        UUID agentId = fakeOpenAiAgent(org, "Echo");
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            List<String> dialogs = new ArrayList<>();
            page.onDialog(dialog -> {
                dialogs.add(dialog.message());
                dialog.dismiss();
            });
            signIn(page, org.owner().email(), OrganizationMother.PASSWORD);
            page.navigate(url("/agents/" + agentId));
            page.getByLabel("Task").fill("Say hello [xss]");
            page.getByTestId("run-agent").click();

            var output = page.getByTestId("live-markdown");
            assertThat(output).containsText("Hello");
            assertThat(output).containsText("<script>window.__xss = 1</script>"); // shown as text
            assertThat(output.locator("script")).hasCount(0);
            assertThat(output.locator("img")).hasCount(0);
            assertThat(output.locator("[onerror]")).hasCount(0);
            var link = output.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("click me"));
            String href = link.count() == 0 ? "" : String.valueOf(link.getAttribute("href"));
            assertThat(href).doesNotStartWith("javascript");
            if (link.count() > 0) {
                link.click();
            }
            assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            assertThat(dialogs).isEmpty();
        }
    }

    @Test
    void theExecutionsListAndTheAgentListFollowARunWithoutAReload() {
        var org = mother.organization(Tier.GROWTH);
        UUID agentId = fakeOpenAiAgent(org, "Slow Planner");
        try (BrowserContext context = newContext()) {
            Page agentsPage = context.newPage();
            signIn(agentsPage, org.owner().email(), OrganizationMother.PASSWORD);
            Page executionsPage = context.newPage();
            // About ten seconds of streaming: long enough for both pages to see the run in progress.
            TenantContext.runAs(org.id(), () -> executions.submit(mother.owner(org), agentId,
                    new com.agenthub.execution.SubmitRun("Think slowly [veryslow]", null, null)));
            agentsPage.navigate(url("/agents"));
            executionsPage.navigate(url("/executions"));

            // Under a loaded suite the job may start a few seconds late; the run then streams for ten more.
            var later = new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000);
            assertThat(agentsPage.getByTestId("status-badge")).hasText("Busy", later);
            assertThat(executionsPage.getByTestId("run-status").first()).hasText(java.util.regex.Pattern.compile("Queued|Running"));
            assertThat(executionsPage.getByTestId("run-status").first()).hasText("Succeeded", later);
            assertThat(agentsPage.getByTestId("status-badge")).hasText("Idle", later);
        }
    }

    private UUID fakeOpenAiAgent(OrganizationMother.TestOrg org, String name) {
        AgentSettings settings = AgentMother.withModel(AgentMother.settings(name), m -> new AgentSettings.ModelConfig(
                "openai", "gpt-4o-mini", m.temperature(), 2000, m.topP(), null, null));
        return TenantContext.callAs(org.id(), () -> agents.create(mother.owner(org), settings)).id();
    }
}
