package com.agenthub.admin.web;

import com.agenthub.organization.Actor;
import com.agenthub.organization.OrganizationAdministration;
import com.agenthub.organization.Tier;
import com.agenthub.shared.web.InvalidRequestException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import com.agenthub.shared.web.QueryParameters;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AdminOrganizationsController {

    static final int PAGE_SIZE = 25;

    private final OrganizationAdministration administration;

    AdminOrganizationsController(OrganizationAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/admin")
    String home() {
        return "redirect:/admin/organizations";
    }

    @GetMapping("/admin/organizations")
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String offset,
                Model model) {
        addList(actor, q, QueryParameters.pageOffset(offset, model), model);
        return "admin/organizations";
    }

    /** Live search: only the results table is re-rendered. */
    @HxRequest
    @GetMapping("/admin/organizations")
    String search(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String offset,
                  Model model) {
        addList(actor, q, QueryParameters.pageOffset(offset, model), model);
        return "admin/partials/organizations-table :: table";
    }

    @GetMapping("/admin/organizations/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("org", administration.get(actor, id));
        model.addAttribute("tiers", Tier.values());
        return "admin/organization";
    }

    @PostMapping("/admin/organizations/{id}/tier")
    String changeTier(Actor actor, @PathVariable UUID id, @RequestParam Tier tier, RedirectAttributes redirect) {
        administration.changeTier(actor, id, tier);
        redirect.addFlashAttribute("success", "Tier changed to " + tier.label() + ".");
        return "redirect:/admin/organizations/" + id;
    }

    @PostMapping("/admin/organizations/{id}/suspend")
    String suspend(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                   RedirectAttributes redirect) {
        try {
            administration.suspend(actor, id, reason);
            redirect.addFlashAttribute("success", "Organization suspended.");
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/organizations/" + id;
    }

    @PostMapping("/admin/organizations/{id}/reinstate")
    String reinstate(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        administration.reinstate(actor, id);
        redirect.addFlashAttribute("success", "Organization reinstated.");
        return "redirect:/admin/organizations/" + id;
    }

    private void addList(Actor actor, String q, int offset, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("orgs", administration.list(actor, q, PAGE_SIZE, Math.max(0, offset)));
    }
}
