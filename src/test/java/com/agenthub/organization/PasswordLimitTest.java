package com.agenthub.organization;

import static com.agenthub.support.Browser.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.agenthub.identity.UserAccounts;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** BCrypt reads only 72 bytes of a password; a longer one is refused at the form, not by a 500. */
@AgentHubTest
class PasswordLimitTest {

    /** 40 characters, 80 bytes in UTF-8: within the character limit, over BCrypt's. */
    static final String TOO_LONG = "é".repeat(40);

    @Autowired MockMvc mvc;
    @Autowired OrganizationMother mother;
    @Autowired UserAccounts users;
    @Autowired InvitationService invitations;

    @Test
    void signUpWithAPasswordOverSeventyTwoBytesShowsAFieldErrorAndCreatesNoAccount() throws Exception {
        String email = OrganizationMother.uniqueEmail("long");
        mvc.perform(post("/signup").with(csrf()).with(freshAddress())
                        .param("displayName", "Long Password").param("email", email)
                        .param("password", TOO_LONG).param("organizationName", "Long Co"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 72 bytes")));
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void acceptingAnInvitationWithAPasswordOverSeventyTwoBytesShowsAFieldErrorAndCreatesNoAccount() throws Exception {
        var org = mother.organization(Tier.GROWTH);
        String email = OrganizationMother.uniqueEmail("invited");
        var invitation = TenantContext.callAs(org.id(), () -> invitations.invite(mother.owner(org), email, Role.MEMBER));

        mvc.perform(post("/invitations/" + invitation.token() + "/register").with(csrf())
                        .param("displayName", "Invited").param("password", "x".repeat(73)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("at most 72 bytes")));
        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(invitations.preview(invitation.token()).status()).isEqualTo(InvitationService.Status.PENDING);
    }
}
