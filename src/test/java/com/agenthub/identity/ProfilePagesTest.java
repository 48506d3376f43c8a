package com.agenthub.identity;

import static com.agenthub.support.Browser.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@AgentHubTest
class ProfilePagesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;

    @Test
    void aUserRenamesThemselvesAndATooLongNameIsRefusedKeepingTheInput() throws Exception {
        var org = mother.organization(Tier.FREE);
        var session = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        String tooLong = "N".repeat(81);

        mvc.perform(post("/settings/profile/name").with(session).with(csrf()).param("displayName", "Renée Renamed"))
                .andExpect(redirectedUrl("/settings/profile"));
        String page = mvc.perform(get("/settings/profile").with(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String refused = mvc.perform(post("/settings/profile/name").with(session).with(csrf()).param("displayName", tooLong))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-testid=\"profile-link\"").contains("Renée Renamed");
        assertThat(refused).contains("id=\"displayName-error\"").contains("Up to 80 characters.").contains("value=\"" + tooLong + "\"");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndTheSignUpRules() throws Exception {
        var user = mother.userWithoutOrganization();
        var session = signIn(mvc, user.email(), OrganizationMother.PASSWORD);

        String wrongCurrent = change(session, "not-my-password", "a-fresh-long-passphrase", "a-fresh-long-passphrase");
        String common = change(session, OrganizationMother.PASSWORD, "password123", "password123");
        String mismatch = change(session, OrganizationMother.PASSWORD, "a-fresh-long-passphrase", "another-passphrase");
        mvc.perform(post("/settings/profile/password").with(session).with(csrf())
                        .param("currentPassword", OrganizationMother.PASSWORD)
                        .param("newPassword", "a-fresh-long-passphrase").param("confirmPassword", "a-fresh-long-passphrase"))
                .andExpect(redirectedUrl("/settings/profile"));

        assertThat(wrongCurrent).contains("id=\"currentPassword-error\"").contains("That is not your current password.");
        assertThat(common).contains("id=\"newPassword-error\"").contains("one of the most common ones");
        assertThat(mismatch).contains("id=\"confirmPassword-error\"").contains("The two new passwords differ.");
        signIn(mvc, user.email(), "a-fresh-long-passphrase");
        assertThatThrownBy(() -> signIn(mvc, user.email(), OrganizationMother.PASSWORD)).isInstanceOf(AssertionError.class);
    }

    @Test
    void changingThePasswordSignsOutTheUsersOtherSessionsButNotThisOne() throws Exception {
        var org = mother.organization(Tier.FREE);
        var here = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        var elsewhere = signIn(mvc, org.owner().email(), OrganizationMother.PASSWORD);
        var someoneElse = signIn(mvc, mother.member(org, Role.MEMBER).email(), OrganizationMother.PASSWORD);
        mvc.perform(get("/dashboard").with(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/settings/profile/password").with(here).with(csrf())
                        .param("currentPassword", OrganizationMother.PASSWORD)
                        .param("newPassword", "a-fresh-long-passphrase").param("confirmPassword", "a-fresh-long-passphrase"))
                .andExpect(redirectedUrl("/settings/profile"));

        // as a browser asks for a page: a signed-out browser is sent to sign in
        mvc.perform(get("/dashboard").with(elsewhere).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/dashboard").with(here)).andExpect(status().isOk());
        mvc.perform(get("/dashboard").with(someoneElse)).andExpect(status().isOk());
    }

    private String change(org.springframework.test.web.servlet.request.RequestPostProcessor session, String current,
                          String next, String confirm) throws Exception {
        return mvc.perform(post("/settings/profile/password").with(session).with(csrf()).param("currentPassword", current)
                        .param("newPassword", next).param("confirmPassword", confirm))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
