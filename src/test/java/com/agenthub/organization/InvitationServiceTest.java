package com.agenthub.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.ForbiddenException;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import com.agenthub.support.AgentHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@AgentHubTest
class InvitationServiceTest {

    @Autowired InvitationService invitations;
    @Autowired OrganizationMother mother;
    @Autowired MembershipDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void anExistingUserAcceptsWithTheRoleTheyWereInvitedAs() {
        var org = mother.organization(Tier.GROWTH);
        var user = mother.userWithoutOrganization();
        var created = invite(org, user.email(), Role.ADMIN);

        assertThat(invitations.preview(created.token()).accountExists()).isTrue();
        invitations.accept(created.token(), user);

        assertThat(directory.membershipsOf(user.id())).singleElement().satisfies(m -> {
            assertThat(m.orgId()).isEqualTo(org.id());
            assertThat(m.role()).isEqualTo(Role.ADMIN);
        });
        assertThat(invitations.preview(created.token()).status()).isEqualTo(InvitationService.Status.ACCEPTED);
    }

    @Test
    void anInvitationCannotBeAcceptedBySomeoneElse() {
        var org = mother.organization(Tier.GROWTH);
        var created = invite(org, OrganizationMother.uniqueEmail("intended"), Role.MEMBER);
        var stranger = mother.userWithoutOrganization();

        assertThatThrownBy(() -> invitations.accept(created.token(), stranger))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("This invitation is for");
        assertThat(directory.membershipsOf(stranger.id())).isEmpty();
    }

    @Test
    void withdrawnAndExpiredInvitationsAreRefusedWithTheirReason() {
        var org = mother.organization(Tier.GROWTH);
        var withdrawn = invite(org, OrganizationMother.uniqueEmail("w"), Role.MEMBER);
        var expired = invite(org, OrganizationMother.uniqueEmail("e"), Role.MEMBER);
        TenantContext.runAs(org.id(), () -> {
            invitations.revoke(mother.owner(org), withdrawn.id());
            transaction.executeWithoutResult(s -> jdbc.update(
                    "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = ?", expired.id()));
        });

        assertThatThrownBy(() -> invitations.acceptWithNewAccount(withdrawn.token(), "W", "long-enough-pw"))
                .hasMessageContaining("withdrawn");
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(expired.token(), "E", "long-enough-pw"))
                .hasMessageContaining("expired");
    }

    @Test
    void aForgedLinkIsNotFound() {
        assertThatThrownBy(() -> invitations.preview("inv_forged")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyOwnersMayInviteOwnersAndMembersAreNotInvitedTwice() {
        var org = mother.organization(Tier.GROWTH);
        var admin = mother.member(org, Role.ADMIN);
        var member = mother.member(org, Role.MEMBER);
        Actor adminActor = mother.actor(admin, org.id());

        TenantContext.runAs(org.id(), () -> {
            assertThatThrownBy(() -> invitations.invite(adminActor, "boss@test.example", Role.OWNER))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("Owner role");
            assertThatThrownBy(() -> invitations.invite(adminActor, member.email(), Role.ADMIN))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already a member");
            assertThatThrownBy(() -> invitations.invite(adminActor, "not an email", Role.MEMBER))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("valid email");
        });
    }

    @Test
    void anInvitationToAnAddressWithMarkupOrALookalikeOrNoRealDomainIsRefused() {
        var org = mother.organization(Tier.GROWTH);
        for (String email : new String[] {"<b>x</b>@example.com", "a@b", "\u0430dmin@example.com", "x@\u0430cme.test"}) {
            assertThatThrownBy(() -> invite(org, email, Role.MEMBER)).as(email)
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void anInviteeCannotChooseACommonPassword() {
        var org = mother.organization(Tier.GROWTH);
        var created = invite(org, OrganizationMother.uniqueEmail("invitee"), Role.MEMBER);
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(created.token(), "Ivy", "password123"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("most common");
        assertThat(invitations.preview(created.token()).status()).isEqualTo(InvitationService.Status.PENDING);
    }

    private InvitationService.InvitationCreated invite(OrganizationMother.TestOrg org, String email, Role role) {
        return TenantContext.callAs(org.id(), () -> invitations.invite(mother.owner(org), email, role));
    }
}
