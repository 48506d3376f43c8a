package com.agenthub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AgentHubTest
class AgentJourneyBrowserTest extends BrowserTest {

    @Autowired OrganizationMother mother;




    @Test
    void anAdminBuildsFindsEditsPausesAndDeletesAnAgent() {
        var org = mother.organization(Tier.GROWTH);
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            signIn(page, org.owner().email(), OrganizationMother.PASSWORD);

            page.navigate(url("/agents"));
            assertThat(page.getByTestId("agents-empty")).isVisible();
            page.getByTestId("create-agent").click();
            page.getByLabel("Name").fill("Renewals Bot");
            page.getByLabel("Description").fill("Chases contract renewals");
            page.getByLabel("Temperature").fill("3");
            page.getByLabel("Traits").fill("polite, persistent");
            page.getByLabel("What the agent should do").fill("Remind customers of renewals kindly.");
            page.getByLabel("Calculator").check();
            button(page, "Create agent").click();

            assertThat(page.locator("#temperature-error")).hasText("Temperature is from 0 to 2.");
            assertThat(page.getByLabel("Name")).hasValue("Renewals Bot");
            page.getByLabel("Temperature").fill("0.4");
            button(page, "Create agent").click();

            assertThat(page.getByTestId("agent-name")).hasText("Renewals Bot");
            assertThat(page.getByTestId("system-prompt")).containsText("You are polite, persistent.");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/agent.png")).setFullPage(true));

            page.navigate(url("/agents"));
            page.navigate(url("/agents/new"));
            page.getByLabel("Name").fill("Other Bot");
            button(page, "Create agent").click();
            page.navigate(url("/agents"));
            assertThat(page.getByTestId("agents-table").locator("tbody tr")).hasCount(2);
            page.getByTestId("agent-search").fill("renew");
            assertThat(page.getByTestId("agents-table").locator("tbody tr")).hasCount(1);
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=renew.*"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Renewals Bot")).click();

            page.getByTestId("edit-agent").click();
            page.getByLabel("Description").fill("Chases renewals and upsells");
            button(page, "Save changes").click();
            assertThat(page.locator(".alert-success")).hasText("Agent saved.");
            assertThat(page.getByText("Chases renewals and upsells").first()).isVisible();

            page.getByTestId("toggle-online").click();
            assertThat(page.getByTestId("status-badge")).hasText("Offline");
            page.navigate(url("/agents"));
            page.getByLabel("Status").selectOption("OFFLINE");
            assertThat(page.getByTestId("agents-table").locator("tbody tr")).hasCount(1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Renewals Bot")).click();

            page.getByTestId("delete-agent").click();
            assertThat(page.locator(".alert-success")).hasText("Agent deleted.");
            assertThat(page.getByTestId("agents-table").locator("tbody tr")).hasCount(1);
            assertThat(page.getByTestId("agents-table")).not().containsText("Renewals Bot");
        }
    }



}
