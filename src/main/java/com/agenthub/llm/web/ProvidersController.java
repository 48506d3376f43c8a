package com.agenthub.llm.web;

import com.agenthub.llm.Provider;
import com.agenthub.llm.ProviderException;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.shared.web.InvalidRequestException;
import com.agenthub.shared.web.NotFoundException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Providers: the organization's own provider keys. */
@Controller
class ProvidersController {

    private final ProviderKeys keys;
    private final AccessPolicy access;

    ProvidersController(ProviderKeys keys, AccessPolicy access) {
        this.keys = keys;
        this.access = access;
    }

    @GetMapping("/settings/providers")
    String show(Actor actor, Model model) {
        model.addAttribute("statuses", keys.statuses(actor));
        model.addAttribute("canManage", access.allows(actor, Action.MANAGE_PROVIDER_KEYS));
        model.addAttribute("whyNot", access.allows(actor, Action.MANAGE_PROVIDER_KEYS) ? null : reason(actor));
        return "settings/providers";
    }

    @PostMapping("/settings/providers/{provider}")
    String save(Actor actor, @PathVariable String provider, @RequestParam(defaultValue = "") String key,
                RedirectAttributes redirect) {
        Provider target = provider(provider);
        try {
            keys.save(actor, target, key);
            redirect.addFlashAttribute("success", target.label() + " key saved. It is stored encrypted and shown only as its last four characters.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/providers";
    }

    @PostMapping("/settings/providers/{provider}/remove")
    String remove(Actor actor, @PathVariable String provider, RedirectAttributes redirect) {
        Provider target = provider(provider);
        keys.remove(actor, target);
        redirect.addFlashAttribute("success", target.label() + " key removed.");
        return "redirect:/settings/providers";
    }

    @HxRequest
    @PostMapping("/settings/providers/{provider}/test")
    String testInline(Actor actor, @PathVariable String provider, Model model) {
        Provider target = provider(provider);
        try {
            model.addAttribute("ok", keys.testConnection(actor, target));
        } catch (ProviderException | InvalidRequestException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return "settings/partials/test-result :: test-result";
    }

    @PostMapping("/settings/providers/{provider}/test")
    String test(Actor actor, @PathVariable String provider, RedirectAttributes redirect) {
        Provider target = provider(provider);
        try {
            redirect.addFlashAttribute("success", keys.testConnection(actor, target));
        } catch (ProviderException | InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/providers";
    }

    private String reason(Actor actor) {
        try {
            access.require(actor, Action.MANAGE_PROVIDER_KEYS);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static Provider provider(String id) {
        return Provider.fromId(id).orElseThrow(() -> new NotFoundException("No such provider."));
    }
}
