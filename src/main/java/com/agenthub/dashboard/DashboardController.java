package com.agenthub.dashboard;

import com.agenthub.organization.Actor;
import com.agenthub.organization.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final OrganizationService organizations;

    DashboardController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/dashboard";
    }

    @GetMapping("/dashboard")
    String dashboard(Actor actor, Model model) {
        if (actor.hasOrganization()) {
            model.addAttribute("org", organizations.overview(actor));
        }
        return "dashboard/index";
    }
}
