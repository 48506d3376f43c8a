package com.agenthub.organization.web;

import com.agenthub.organization.Action;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Actor;
import com.agenthub.organization.OrganizationService;
import com.agenthub.shared.web.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class OrganizationSettingsController {

    private final OrganizationService organizations;
    private final AccessPolicy access;

    OrganizationSettingsController(OrganizationService organizations, AccessPolicy access) {
        this.organizations = organizations;
        this.access = access;
    }

    record RenameForm(@NotBlank(message = "Give the organization a name.")
                      @Size(max = 80, message = "Up to 80 characters.") String name) {
    }

    @GetMapping("/settings")
    String settings() {
        return "redirect:/settings/organization";
    }

    @GetMapping("/settings/organization")
    String show(Actor actor, Model model) {
        var overview = organizations.overview(actor);
        model.addAttribute("org", overview);
        model.addAttribute("form", new RenameForm(overview.name()));
        model.addAttribute("canRename", access.allows(actor, Action.RENAME_ORGANIZATION));
        return "settings/organization";
    }

    @PostMapping("/settings/organization")
    String rename(Actor actor, @Valid @ModelAttribute("form") RenameForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                organizations.rename(actor, form.name());
                redirect.addFlashAttribute("success", "Organization renamed.");
                return "redirect:/settings/organization";
            } catch (InvalidRequestException e) {
                binding.rejectValue("name", "invalid", e.getMessage());
            }
        }
        model.addAttribute("org", organizations.overview(actor));
        model.addAttribute("canRename", true);
        return "settings/organization";
    }
}
