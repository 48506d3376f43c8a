package com.agenthub.organization.web;

import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.InvitationService;
import com.agenthub.organization.MemberService;
import com.agenthub.organization.Role;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.PublicUrls;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import com.agenthub.shared.web.QueryParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MembersController {

    static final int PAGE_SIZE = 25;

    private final MemberService members;
    private final InvitationService invitations;
    private final AccessPolicy access;
    private final PublicUrls urls;

    MembersController(MemberService members, InvitationService invitations, AccessPolicy access, PublicUrls urls) {
        this.members = members;
        this.invitations = invitations;
        this.access = access;
        this.urls = urls;
    }

    record InviteForm(@NotBlank(message = "Enter an email address.") String email,
                      @NotNull(message = "Choose a role.") Role role) {
    }

    @GetMapping("/settings/members")
    String list(Actor actor, @RequestParam(defaultValue = "0") String offset, Model model) {
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute("inviteForm", new InviteForm("", Role.MEMBER));
        }
        return page(actor, QueryParameters.pageOffset(offset, model), model);
    }

    @PostMapping("/settings/members/invitations")
    String invite(Actor actor, @Valid @ModelAttribute("inviteForm") InviteForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var created = invitations.invite(actor, form.email(), form.role());
                String link = urls.link("/invitations/{token}", created.token());
                redirect.addFlashAttribute("success", "Invitation created for " + created.email()
                        + ". Send them the link below; it is shown only once and works for 7 days.");
                redirect.addFlashAttribute("inviteLink", link);
                return "redirect:/settings/members";
            } catch (InvalidRequestException e) {
                FormErrors.reject(binding, e);
            }
        }
        return page(actor, 0, model);
    }

    @PostMapping("/settings/members/invitations/{id}/resend")
    String resendInvitation(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        var created = invitations.resend(actor, id);
        redirect.addFlashAttribute("success", "New invitation link for " + created.email()
                + ". The link sent before no longer works; send them this one. It is shown only once and works for 7 days.");
        redirect.addFlashAttribute("inviteLink", urls.link("/invitations/{token}", created.token()));
        return "redirect:/settings/members";
    }

    @PostMapping("/settings/members/invitations/{id}/revoke")
    String revokeInvitation(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        invitations.revoke(actor, id);
        redirect.addFlashAttribute("success", "Invitation withdrawn.");
        return "redirect:/settings/members";
    }

    @HxRequest
    @PostMapping("/settings/members/{userId}/role")
    String changeRoleInline(Actor actor, @PathVariable UUID userId, @RequestParam Role role, Model model) {
        try {
            members.changeRole(actor, userId, role);
            model.addAttribute("rowMessage", "Role changed to " + role.label() + ".");
        } catch (InvalidRequestException e) {
            model.addAttribute("rowError", e.getMessage());
        }
        addTable(actor, 0, model);
        return "settings/partials/members-table :: table";
    }

    @PostMapping("/settings/members/{userId}/role")
    String changeRole(Actor actor, @PathVariable UUID userId, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            members.changeRole(actor, userId, role);
            redirect.addFlashAttribute("success", "Role changed to " + role.label() + ".");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/members";
    }

    @PostMapping("/settings/members/{userId}/remove")
    String remove(Actor actor, @PathVariable UUID userId, RedirectAttributes redirect) {
        try {
            members.remove(actor, userId);
            redirect.addFlashAttribute("success", "Member removed.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/members";
    }

    private String page(Actor actor, int offset, Model model) {
        addTable(actor, offset, model);
        model.addAttribute("invitations", invitations.pending(actor));
        return "settings/members";
    }

    private void addTable(Actor actor, int offset, Model model) {
        model.addAttribute("members", members.list(actor, PAGE_SIZE, offset));
        model.addAttribute("canManage", access.allows(actor, Action.CHANGE_MEMBER_ROLE));
        model.addAttribute("canManageOwners", access.allows(actor, Action.TRANSFER_OWNERSHIP));
        model.addAttribute("roles", Role.values());
    }
}
