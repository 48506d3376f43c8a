package com.agenthub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The account journeys a person takes, in a real headless Chromium against the running app. */
@AgentHubTest
class AccountJourneysBrowserTest extends BrowserTest {

    static final String DEMO_PASSWORD = "demo-password";

    @Autowired OrganizationMother mother;

    BrowserContext context;
    Page page;



    @BeforeEach
    void freshContext() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void signUpSeeTheDashboardAndSignOut() {
        String email = OrganizationMother.uniqueEmail("browser");
        page.navigate(url("/signup"));
        page.getByLabel("Your name").fill("Bea Browser");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill("short");
        page.getByLabel("Organization name").fill("Bea's Bakery");
        button(page, "Create account").click();
        assertThat(page.locator("#password-error")).containsText("Use 10 to 200 characters.");

        page.getByLabel("Password").fill("a-long-enough-password");
        button(page, "Create account").click();

        assertThat(page.getByTestId("dashboard-heading")).hasText("Bea's Bakery");
        assertThat(page.getByTestId("tier-badge")).hasText("Free");
        page.getByTestId("sign-out").click();
        assertThat(page.locator(".alert-success")).containsText("You have signed out.");
        page.navigate(url("/dashboard"));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    void theDemoOwnerInvitesSomeoneWhoAcceptsInASecondBrowser() {
        signIn(page, "owner@acme.test", DEMO_PASSWORD);
        assertThat(page.getByTestId("dashboard-heading")).hasText("Acme");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/dashboard.png")).setFullPage(true));

        String invitee = OrganizationMother.uniqueEmail("invitee");
        page.navigate(url("/settings/members"));
        var form = page.getByTestId("invite-form");
        form.getByLabel("Email").fill(invitee);
        form.getByLabel("Role").selectOption("MEMBER");
        button(page, "Create invitation").click();
        String link = page.getByTestId("invite-link").inputValue();
        assertThat(link).contains("/invitations/inv_");

        try (BrowserContext second = newContext()) {
            Page other = second.newPage();
            other.navigate(link);
            assertThat(other.locator("h1")).hasText("Join Acme");
            other.getByLabel("Your name").fill("Ivy Invitee");
            other.getByLabel("Password").fill("another-long-password");
            button(other, "Create account and join").click();
            assertThat(other.getByTestId("dashboard-heading")).hasText("Acme");
            assertThat(other.locator(".main-nav")).isVisible();

            other.navigate(link);
            assertThat(other.getByText("This invitation has already been used.")).isVisible();
        }

        page.navigate(url("/settings/members"));
        assertThat(page.getByTestId("members-table")).containsText(invitee);

        // An htmx request (CSRF header from app.js) swaps only the table.
        page.getByLabel("Role of " + invitee).selectOption("VIEWER");
        assertThat(page.locator("#members-table .alert-success")).hasText("Role changed to Viewer.");
        assertThat(page.locator("#htmx-error")).isHidden();
        page.reload();
        assertThat(page.getByLabel("Role of " + invitee)).hasValue("VIEWER");
    }

    @Test
    void aMemberOfTwoOrganizationsSwitchesBetweenThem() {
        var first = mother.organization(Tier.GROWTH);
        var second = mother.organization(Tier.STARTER);
        var user = mother.member(first, Role.ADMIN);
        mother.addExisting(second, user, Role.MEMBER);

        signIn(page, user.email(), OrganizationMother.PASSWORD);
        assertThat(page.getByTestId("dashboard-heading")).hasText(first.name());
        page.getByLabel("Organization").selectOption(second.id().toString());
        assertThat(page.getByTestId("dashboard-heading")).hasText(second.name());
        assertThat(page.getByTestId("tier-badge")).hasText("Starter");
    }

    @Test
    void aViewerSeesNoManagementButtonsAndIsRefusedWhenPostingTheFormDirectly() {
        signIn(page, "viewer@acme.test", DEMO_PASSWORD);
        page.navigate(url("/settings/members"));
        assertThat(page.getByTestId("members-table")).isVisible();
        assertThat(page.getByTestId("invite-form")).hasCount(0);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Remove"))).hasCount(0);
        assertThat(page.getByTestId("role-select")).hasCount(0);

        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        var response = context.request().post(url("/settings/members/invitations"), RequestOptions.create()
                .setForm(FormData.create().set("email", "sneaky@test.example").set("role", "ADMIN").set("_csrf", csrf))
                .setMaxRedirects(0));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text()).contains("This needs the Admin role or higher; you are Viewer.");
    }



}
