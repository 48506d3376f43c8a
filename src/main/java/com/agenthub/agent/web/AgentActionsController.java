package com.agenthub.agent.web;

import com.agenthub.agent.AgentService;
import com.agenthub.organization.Actor;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One-click actions on an agent's page. */
@Controller
class AgentActionsController {

    private final AgentService agents;

    AgentActionsController(AgentService agents) {
        this.agents = agents;
    }

    @PostMapping("/agents/{id}/status")
    String status(Actor actor, @PathVariable UUID id, @RequestParam boolean online, RedirectAttributes redirect) {
        agents.setOnline(actor, id, online);
        redirect.addFlashAttribute("success", online ? "Agent is online." : "Agent is offline: it will not run.");
        return "redirect:/agents/" + id;
    }

    @PostMapping("/agents/{id}/duplicate")
    String duplicate(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        var copy = agents.duplicate(actor, id);
        redirect.addFlashAttribute("success", "Created '" + copy.name() + "'.");
        return "redirect:/agents/" + copy.id();
    }

    @PostMapping("/agents/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        agents.delete(actor, id);
        redirect.addFlashAttribute("success", "Agent deleted.");
        return "redirect:/agents";
    }
}
