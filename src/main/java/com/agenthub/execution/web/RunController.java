package com.agenthub.execution.web;

import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentStatus;
import com.agenthub.agent.AgentView;
import com.agenthub.execution.ExecutionService;
import com.agenthub.execution.SubmitRun;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.Role;
import com.agenthub.shared.web.ValidationFailedException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The run form and an agent's recent executions, shown on the agent's page. */
@Controller
class RunController {

    static final int RECENT = 10;

    private final AgentService agents;
    private final ExecutionService executions;
    private final AccessPolicy access;

    RunController(AgentService agents, ExecutionService executions, AccessPolicy access) {
        this.agents = agents;
        this.executions = executions;
        this.access = access;
    }

    record RunForm(String task, String context) {
    }

    /** Loaded into the agent page by htmx. */
    @GetMapping("/agents/{id}/run-panel")
    String panel(Actor actor, @PathVariable UUID id, Model model) {
        prepare(actor, agents.get(actor, id), new RunForm("", ""), model);
        return "executions/partials/run-panel :: panel";
    }

    /** The same panel as a page of its own, for browsers without JavaScript and after a refused submit. */
    @GetMapping("/agents/{id}/run")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        AgentView agent = agents.get(actor, id); // another organization's agent stays a 404
        access.require(actor, Action.RUN_AGENT); // refused before a task is typed, with the role it needs
        prepare(actor, agent, new RunForm("", ""), model);
        return "executions/run";
    }

    @PostMapping("/agents/{id}/run")
    String run(Actor actor, @PathVariable UUID id, @ModelAttribute("form") RunForm form, BindingResult binding,
               Model model, RedirectAttributes redirect) {
        try {
            var execution = executions.submit(actor, id, new SubmitRun(form.task(), form.context(), null));
            return "redirect:/executions/" + execution.id();
        } catch (ValidationFailedException e) {
            e.problems().forEach(p -> binding.rejectValue(p.field().equals("context") ? "context" : "task", "invalid",
                    p.message()));
            prepare(actor, agents.get(actor, id), form, model);
            return "executions/run";
        }
    }

    @PostMapping("/agents/{id}/memory/clear")
    String clearMemory(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        int removed = executions.clearMemory(actor, id);
        redirect.addFlashAttribute("success", "Memory cleared (" + removed + " messages).");
        return "redirect:/agents/" + id;
    }

    private void prepare(Actor actor, AgentView agent, RunForm form, Model model) {
        model.addAttribute("agent", agent);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        Role needed = Action.RUN_AGENT.minimumRole();
        model.addAttribute("canRun", access.allows(actor, Action.RUN_AGENT) && agent.status() != AgentStatus.OFFLINE);
        model.addAttribute("runNeeds", actor.hasOrganization() && !actor.hasRole(needed) ? needed.label() : null);
        model.addAttribute("offline", agent.status() == AgentStatus.OFFLINE);
        model.addAttribute("canClearMemory", access.allows(actor, Action.CLEAR_AGENT_MEMORY));
        model.addAttribute("recent", executions.forAgent(actor, agent.id(), null, RECENT, 0));
    }
}
