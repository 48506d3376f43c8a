package com.agenthub.organization.web;

import com.agenthub.organization.Actor;
import com.agenthub.organization.ApiTokenService;
import com.agenthub.shared.web.InvalidRequestException;
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

@Controller
class ApiTokensController {

    private final ApiTokenService tokens;

    ApiTokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record TokenForm(@NotBlank(message = "Name the token, e.g. \"CI pipeline\".")
                     @Size(max = 80, message = "Up to 80 characters.") String name) {
    }

    @GetMapping("/settings/tokens")
    String list(Actor actor, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm(""));
        }
        model.addAttribute("tokens", tokens.list(actor));
        return "settings/tokens";
    }

    @PostMapping("/settings/tokens")
    String create(Actor actor, @Valid @ModelAttribute("form") TokenForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                var created = tokens.create(actor, form.name());
                redirect.addFlashAttribute("success", "Token created. Copy it now: it is not shown again.");
                redirect.addFlashAttribute("newToken", created.secret());
                return "redirect:/settings/tokens";
            } catch (InvalidRequestException e) {
                FormErrors.reject(binding, e);
            }
        }
        model.addAttribute("tokens", tokens.list(actor));
        return "settings/tokens";
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(actor, id);
        redirect.addFlashAttribute("success", "Token revoked. Requests using it are now refused.");
        return "redirect:/settings/tokens";
    }
}
