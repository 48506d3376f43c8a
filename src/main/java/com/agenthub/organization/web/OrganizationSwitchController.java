package com.agenthub.organization.web;

import com.agenthub.organization.Actor;
import com.agenthub.organization.CurrentOrganization;
import com.agenthub.organization.OrganizationMembership;
import com.agenthub.organization.SignupService;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Switching between the user's organizations, and starting a new one. */
@Controller
class OrganizationSwitchController {

    private final SignupService signups;

    OrganizationSwitchController(SignupService signups) {
        this.signups = signups;
    }

    record NewOrganizationForm(@NotBlank(message = "Name your organization.")
                               @Size(max = 80, message = "Up to 80 characters.") String name) {
    }

    @PostMapping("/orgs/switch")
    String switchTo(Actor actor, @RequestParam UUID orgId, HttpSession session, RedirectAttributes redirect) {
        OrganizationMembership target = actor.memberships().stream()
                .filter(m -> m.orgId().equals(orgId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("You are not a member of that organization."));
        session.setAttribute(CurrentOrganization.SESSION_ATTRIBUTE, target.orgId());
        redirect.addFlashAttribute("success", "Switched to " + target.orgName() + ".");
        return "redirect:/dashboard";
    }

    @GetMapping("/orgs/new")
    String newForm(Model model) {
        model.addAttribute("form", new NewOrganizationForm(""));
        return "org/new";
    }

    @PostMapping("/orgs/new")
    String create(Actor actor, @Valid @ModelAttribute("form") NewOrganizationForm form, BindingResult binding,
                  HttpSession session, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return "org/new";
        }
        try {
            UUID orgId = signups.createOrganization(actor.user(), form.name());
            session.setAttribute(CurrentOrganization.SESSION_ATTRIBUTE, orgId);
        } catch (InvalidRequestException e) {
            FormErrors.reject(binding, e);
            return "org/new";
        }
        redirect.addFlashAttribute("success", "Created " + form.name().strip() + " on the Free plan.");
        return "redirect:/dashboard";
    }

    @GetMapping("/suspended")
    String suspended(Actor actor, Model model) {
        if (actor.current() == null || !actor.current().suspended()) {
            return "redirect:/dashboard";
        }
        return "org/suspended";
    }
}
