package com.agenthub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings and admin pages on a 390 px phone: nothing wider than the screen, row actions inside their tables. */
@AgentHubTest
class NarrowScreenBrowserTest extends BrowserTest {

    @Autowired OrganizationMother mother;

    BrowserContext context;
    Page page;

    @BeforeEach
    void phone() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void settingsPagesFitAPhoneAndKeepRowActionsInsideTheirTables() {
        var org = mother.organization(Tier.GROWTH);
        mother.member(org, Role.MEMBER);
        signIn(page, org.owner().email(), OrganizationMother.PASSWORD);
        page.navigate(url("/settings/members"));
        page.getByLabel("Email").fill(OrganizationMother.uniqueEmail("invitee-with-a-rather-long-address"));
        button(page, "Create invitation").click();
        page.navigate(url("/settings/tokens"));
        page.getByLabel("Name").fill("Phone token");
        button(page, "Create token").click();

        for (String path : List.of("/settings/organization", "/settings/members", "/settings/providers", "/settings/tokens")) {
            assertFitsTheScreen(path);
        }
        page.navigate(url("/settings/members"));
        assertActionsInsideTable(page.getByTestId("members-table"), "Remove");
        assertActionsInsideTable(page.getByTestId("invitations-table"), "Withdraw");
        page.navigate(url("/settings/tokens"));
        assertActionsInsideTable(page.getByTestId("tokens-table"), "Revoke");
    }

    @Test
    void adminPagesFitAPhone() {
        var org = mother.organization(Tier.STARTER);
        signIn(page, mother.superAdmin().email(), OrganizationMother.PASSWORD);
        for (String path : List.of("/admin/organizations", "/admin/organizations/" + org.id(), "/admin/models",
                "/admin/status", "/admin/audit")) {
            assertFitsTheScreen(path);
        }
    }

    private void assertFitsTheScreen(String path) {
        page.navigate(url(path));
        int scrollWidth = (int) page.evaluate("document.scrollingElement.scrollWidth");
        int innerWidth = (int) page.evaluate("window.innerWidth");
        Object wider = page.evaluate("w => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w && !e.closest('.table-wrap, .scroll-x'))"
                + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))", innerWidth);
        assertThat(scrollWidth).as("page width of %s; wider than the screen: %s", path, wider).isLessThanOrEqualTo(innerWidth);
    }

    private void assertActionsInsideTable(Locator table, String buttonName) {
        Locator action = button(page, buttonName).and(table.locator("td.actions button")).first();
        assertThat(action.evaluate("b => getComputedStyle(b.closest('td')).display")).isEqualTo("table-cell");
        BoundingBox tableBox = table.boundingBox();
        BoundingBox button = action.boundingBox();
        assertThat(button.y).as(buttonName + " top").isGreaterThanOrEqualTo(tableBox.y);
        assertThat(button.y + button.height).as(buttonName + " bottom").isLessThanOrEqualTo(tableBox.y + tableBox.height);
    }
}
