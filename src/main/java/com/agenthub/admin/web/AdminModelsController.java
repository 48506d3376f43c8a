package com.agenthub.admin.web;

import com.agenthub.llm.ModelCatalog;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Tier;
import com.agenthub.shared.web.InvalidRequestException;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Models: the catalog's prices, context windows, tiers and availability. */
@Controller
class AdminModelsController {

    private final ModelCatalog catalog;
    private final AccessPolicy access;

    AdminModelsController(ModelCatalog catalog, AccessPolicy access) {
        this.catalog = catalog;
        this.access = access;
    }

    @GetMapping("/admin/models")
    String list(Actor actor, Model model) {
        access.require(actor, Action.MANAGE_MODEL_CATALOG);
        model.addAttribute("models", catalog.all());
        model.addAttribute("tiers", Tier.values());
        return "admin/models";
    }

    /** Model ids may contain '/', so the key travels in the form rather than the path. */
    @PostMapping("/admin/models")
    String update(Actor actor, @RequestParam String provider, @RequestParam String model,
                  @RequestParam BigDecimal inputPrice, @RequestParam BigDecimal outputPrice,
                  @RequestParam int contextWindow, @RequestParam Tier minTier,
                  @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        try {
            var saved = catalog.reprice(actor, provider, model, inputPrice, outputPrice, contextWindow, minTier, active);
            redirect.addFlashAttribute("success", "Saved " + saved.displayName() + ".");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/models";
    }
}
