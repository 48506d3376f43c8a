package com.agenthub.agent.web;

import com.agenthub.agent.AgentFormChoices;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentTool;
import com.agenthub.agent.AgentView;
import com.agenthub.agent.Behavior;
import com.agenthub.agent.LanguageStyle;
import com.agenthub.agent.MemoryMode;
import com.agenthub.agent.Tone;
import com.agenthub.organization.Actor;
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

/** Creating and editing an agent through the grouped form. */
@Controller
class AgentFormController {

    private final AgentService agents;
    private final AgentFormChoices choices;

    AgentFormController(AgentService agents, AgentFormChoices choices) {
        this.agents = agents;
        this.choices = choices;
    }

    @GetMapping("/agents/new")
    String newForm(Actor actor, Model model) {
        return form(actor, model, AgentForm.blank(), null);
    }

    @PostMapping("/agents")
    String create(Actor actor, @ModelAttribute("form") AgentForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return refused(actor, model, form, binding, null);
        }
        try {
            AgentView created = agents.create(actor, form.toSettings());
            redirect.addFlashAttribute("success", "Agent '" + created.name() + "' created.");
            return "redirect:/agents/" + created.id();
        } catch (ValidationFailedException e) {
            reject(binding, e);
            return form(actor, model, form, null);
        }
    }

    @GetMapping("/agents/{id}/edit")
    String editForm(Actor actor, @PathVariable UUID id, Model model) {
        AgentView agent = agents.get(actor, id);
        return form(actor, model, AgentForm.of(agent.settings()), agent);
    }

    @PostMapping("/agents/{id}")
    String update(Actor actor, @PathVariable UUID id, @ModelAttribute("form") AgentForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        AgentView agent = agents.get(actor, id);
        if (binding.hasErrors()) {
            return refused(actor, model, form, binding, agent);
        }
        try {
            agents.update(actor, id, form.toSettings());
            redirect.addFlashAttribute("success", "Agent saved.");
            return "redirect:/agents/" + id;
        } catch (ValidationFailedException e) {
            reject(binding, e);
            return form(actor, model, form, agent);
        }
    }

    /** The form again with what did not convert shown as typed, each next to its error (see {@link TypedValues}). */
    private String refused(Actor actor, Model model, AgentForm form, BindingResult binding, AgentView agent) {
        String view = form(actor, model, form, agent); // replacing "form" in the model drops its binding result
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", TypedValues.of(form, binding));
        return view;
    }

    private String form(Actor actor, Model model, AgentForm form, AgentView agent) {
        model.addAttribute("form", form);
        model.addAttribute("agent", agent);
        var offered = agent == null ? choices.forCreating(actor) : choices.forEditing(actor);
        model.addAttribute("models", offered.models());
        model.addAttribute("choices", offered);
        model.addAttribute("tools", AgentTool.values());
        model.addAttribute("tones", Tone.values());
        model.addAttribute("behaviors", Behavior.values());
        model.addAttribute("styles", LanguageStyle.values());
        model.addAttribute("memoryModes", MemoryMode.values());
        return "agents/form";
    }

    private static void reject(BindingResult binding, ValidationFailedException e) {
        for (var problem : e.problems()) {
            String field = AgentForm.FIELDS.get(problem.field().replaceAll("\\[\\d+]", ""));
            if (field == null) {
                binding.reject("invalid", problem.message());
            } else if (!binding.hasFieldErrors(field)) {
                binding.rejectValue(field, "invalid", problem.message());
            }
        }
    }
}
