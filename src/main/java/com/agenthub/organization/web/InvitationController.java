package com.agenthub.organization.web;

import com.agenthub.identity.SessionSignIn;
import com.agenthub.organization.Actor;
import com.agenthub.organization.CurrentOrganization;
import com.agenthub.organization.InvitationService;
import com.agenthub.shared.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page behind an invitation link: accept as the signed-in user, or create an account to accept. */
@Controller
class InvitationController {

    private final InvitationService invitations;
    private final SessionSignIn signIn;

    InvitationController(InvitationService invitations, SessionSignIn signIn) {
        this.invitations = invitations;
        this.signIn = signIn;
    }

    record AccountForm(@NotBlank(message = "Enter your name.") @Size(max = 80, message = "Up to 80 characters.") String displayName,
                       @NotBlank(message = "Choose a password.") @Size(min = 10, max = 200, message = "Use 10 to 200 characters.") String password) {
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletRequest request) {
        model.addAttribute("invitation", invitations.preview(token));
        model.addAttribute("token", token);
        model.addAttribute("signedInActor", request.getAttribute(Actor.class.getName()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountForm("", ""));
        }
        return "invitations/show";
    }

    /** Requires sign-in, so an existing user comes back here right after signing in. */
    @GetMapping("/invitations/{token}/signin")
    String signInThenReturn(@PathVariable String token) {
        return "redirect:/invitations/" + token;
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, Actor actor, HttpSession session, RedirectAttributes redirect) {
        try {
            UUID orgId = invitations.accept(token, actor.user());
            session.setAttribute(CurrentOrganization.SESSION_ATTRIBUTE, orgId);
            redirect.addFlashAttribute("success", "You have joined the organization.");
            return "redirect:/dashboard";
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/invitations/" + token;
        }
    }

    @PostMapping("/invitations/{token}/register")
    String register(@PathVariable String token, @Valid @ModelAttribute("form") AccountForm form, BindingResult binding,
                    Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        // Signing the new account in would silently replace whoever is signed in here; the page asks them
        // to sign out first, and so does this.
        if (request.getAttribute(Actor.class.getName()) instanceof Actor signedIn) {
            redirect.addFlashAttribute("error", "You are signed in as " + signedIn.user().email()
                    + ". Sign out first to create an account for this invitation.");
            return "redirect:/invitations/" + token;
        }
        if (!binding.hasErrors()) {
            try {
                var user = invitations.acceptWithNewAccount(token, form.displayName(), form.password());
                signIn.signIn(user, request, response);
                redirect.addFlashAttribute("success", "Welcome! You have joined the organization.");
                return "redirect:/dashboard";
            } catch (InvalidRequestException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("invitation", invitations.preview(token));
        model.addAttribute("token", token);
        return "invitations/show";
    }
}
