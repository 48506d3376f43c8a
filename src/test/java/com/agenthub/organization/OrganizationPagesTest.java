package com.agenthub.organization;

import static com.agenthub.support.Browser.freshAddress;
import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import com.agenthub.identity.UserAccounts;
import com.agenthub.support.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class OrganizationPagesTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired UserAccounts users;
    @Autowired MembershipDirectory directory;
    @Autowired InvitationService invitations;

    @Test
    void invitingAnEmailWithAPendingInvitationIsRefusedNextToTheFieldAndTheFirstLinkKeepsWorking() throws Exception {
        var org = mother.organization(Tier.STARTER);
        String email = OrganizationMother.uniqueEmail("twice");
        var first = com.agenthub.shared.tenancy.TenantContext.callAs(org.id(),
                () -> invitations.invite(mother.owner(org), email, Role.MEMBER));
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(post("/settings/members/invitations").with(session).with(csrf())
                        .param("email", email).param("role", "ADMIN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"email-error\"").contains("already has a pending invitation")
                .contains("Use Resend").contains("value=\"" + email + "\"");
        assertThat(invitations.preview(first.token()).status()).isEqualTo(InvitationService.Status.PENDING);
    }

    @Test
    void resendingAnInvitationIssuesANewLinkAndSaysTheOldOneStopsWorking() throws Exception {
        var org = mother.organization(Tier.STARTER);
        var first = com.agenthub.shared.tenancy.TenantContext.callAs(org.id(),
                () -> invitations.invite(mother.owner(org), OrganizationMother.uniqueEmail("resend"), Role.VIEWER));
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        String members = mvc.perform(get("/settings/members").with(session)).andReturn().getResponse().getContentAsString();

        var result = mvc.perform(post("/settings/members/invitations/" + first.id() + "/resend").with(session).with(csrf()))
                .andExpect(redirectedUrl("/settings/members")).andReturn();

        assertThat(members).contains("data-testid=\"resend-invitation\"").contains("the link sent before stops working");
        assertThat((String) result.getFlashMap().get("success")).contains("The link sent before no longer works");
        String newLink = (String) result.getFlashMap().get("inviteLink");
        String newToken = newLink.substring(newLink.lastIndexOf('/') + 1);
        assertThat(invitations.preview(first.token()).status()).isEqualTo(InvitationService.Status.REVOKED);
        assertThat(invitations.preview(newToken).status()).isEqualTo(InvitationService.Status.PENDING);
        assertThat(invitations.preview(newToken).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void signingUpCreatesAFreeOrganizationWithTheUserAsOwnerAndSignsThemIn() throws Exception {
        String email = OrganizationMother.uniqueEmail("new");
        var result = mvc.perform(post("/signup").with(csrf()).with(freshAddress())
                        .param("displayName", "Nora New").param("email", email)
                        .param("password", "long-enough-pw").param("organizationName", "Nora's Co"))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn();

        var user = users.findByEmail(email).orElseThrow();
        assertThat(directory.membershipsOf(user.id())).singleElement()
                .satisfies(m -> {
                    assertThat(m.role()).isEqualTo(Role.OWNER);
                    assertThat(m.tier()).isEqualTo(Tier.FREE);
                    assertThat(m.orgName()).isEqualTo("Nora's Co");
                });
        var cookie = result.getResponse().getCookie("SESSION");
        mvc.perform(get("/dashboard").cookie(cookie))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nora&#39;s Co")));
    }

    @Test
    void invalidSignUpShowsEachProblemAndStoresNothing() throws Exception {
        String email = "not-an-email";
        mvc.perform(post("/signup").with(csrf())
                        .param("displayName", "").param("email", email)
                        .param("password", "short").param("organizationName", "x".repeat(81)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Enter your name."),
                        containsString("Enter a valid email address."),
                        containsString("Use 10 to 200 characters."),
                        containsString("Up to 80 characters."))));
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void signingUpTwiceWithOneEmailIsRefusedClearly() throws Exception {
        var org = mother.organization(Tier.FREE);
        mvc.perform(post("/signup").with(csrf())
                        .param("displayName", "Again").param("email", org.owner().email())
                        .param("password", "long-enough-pw").param("organizationName", "Second"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already exists")));
        assertThat(directory.membershipsOf(org.owner().id())).hasSize(1);
    }

    @Test
    void aViewerSeesNoManagementControlsAndIsRefusedWhenPostingDirectly() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var viewer = mother.member(org, Role.VIEWER);
        var session = signIn(mvc, viewer.email(), OrganizationMother.PASSWORD);

        String page = mvc.perform(get("/settings/members").with(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("data-testid=\"invite-form\"").doesNotContain("Remove</button>")
                .doesNotContain("role-select");

        String refusal = mvc.perform(post("/settings/members/invitations").with(session).with(csrf())
                        .param("email", "someone@test.example").param("role", "ADMIN"))
                .andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(refusal).contains("This needs the Admin role or higher; you are Viewer.");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRejected() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(post("/settings/tokens").with(session).param("name", "no csrf"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminChangesARoleWithAnHtmxPartialThatReplacesOnlyTheTable() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var member = mother.member(org, Role.MEMBER);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);

        String partial = mvc.perform(post("/settings/members/" + member.id() + "/role").with(session).with(csrf())
                        .header("HX-Request", "true").param("role", "ADMIN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(partial).startsWith("<div id=\"members-table\">").doesNotContain("<html")
                .contains("Role changed to Admin.");
        assertThat(directory.membershipsOf(member.id())).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void anAdminCannotMakeSomeoneOwner() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        var admin = mother.member(org, Role.ADMIN);
        var member = mother.member(org, Role.MEMBER);
        var session = signIn(mvc, admin.email(), OrganizationMother.PASSWORD);

        mvc.perform(post("/settings/members/" + member.id() + "/role").with(session).with(csrf()).param("role", "OWNER"))
                .andExpect(status().isForbidden());
        assertThat(directory.membershipsOf(member.id())).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(Role.MEMBER));
    }

    @Test
    void aUserInTwoOrganizationsSwitchesBetweenThem() throws Exception {
        var first = mother.organization(Tier.GROWTH);
        var second = mother.organization(Tier.STARTER);
        var both = mother.member(first, Role.MEMBER);
        var session = signIn(mvc, both.email(), OrganizationMother.PASSWORD);
        mother.addExisting(second, both, Role.VIEWER);

        mvc.perform(post("/orgs/switch").with(session).with(csrf()).param("orgId", second.id().toString()))
                .andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/dashboard").with(session))
                .andExpect(content().string(containsString(second.name())));
    }

    @Test
    void switchingToAnOrganizationYouDoNotBelongToIsNotFound() throws Exception {
        var mine = mother.organization(Tier.FREE);
        var theirs = mother.organization(Tier.FREE);
        var session = signIn(mvc, mine.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(post("/orgs/switch").with(session).with(csrf()).param("orgId", theirs.id().toString()))
                .andExpect(status().isNotFound());
    }

    @Test
    void sectionsNotBuiltYetSaySoHonestly() throws Exception {
        var org = mother.organization(Tier.FREE);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/teams").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Teams are not yet available")));
    }

    @Test
    void anUnknownPageIsANotFoundPageInTheLayoutWithoutInternals() throws Exception {
        var org = mother.organization(Tier.FREE);
        String cookie = Browser.sessionCookie(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/no/such/page")).header("Cookie", "SESSION=" + cookie).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not found").contains("Dashboard")
                .doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void signInIsThrottledPerEmailWithAClearMessage() throws Exception {
        var org = mother.organization(Tier.FREE);
        var address = freshAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(address).with(csrf())
                            .param("username", org.owner().email()).param("password", "wrong-password"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        String location = mvc.perform(post("/login").with(address).with(csrf())
                        .param("username", org.owner().email()).param("password", OrganizationMother.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/login?throttled=");
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too many sign-in attempts")));
    }
}
