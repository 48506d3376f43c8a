package com.agenthub.agent.web;

import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentStatus;
import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.Provider;
import com.agenthub.llm.ProviderKeys;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The agent dashboard (cards, filters, list) and an agent's page. */
@Controller
class AgentsController {

    static final int PAGE_SIZE = 20;

    private final AgentService agents;
    private final ModelCatalog catalog;
    private final AccessPolicy access;
    private final ProviderKeys providerKeys;

    private final com.agenthub.llm.RunnableModels runnable;

    AgentsController(AgentService agents, ModelCatalog catalog, AccessPolicy access, ProviderKeys providerKeys,
                     com.agenthub.llm.RunnableModels runnable) {
        this.runnable = runnable;
        this.agents = agents;
        this.catalog = catalog;
        this.access = access;
        this.providerKeys = providerKeys;
    }

    @GetMapping("/agents")
    String dashboard(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String provider, @RequestParam(required = false) String sort,
                     @RequestParam(defaultValue = "0") String offset, Model model) {
        list(actor, q, status, provider, sort, offset, model);
        model.addAttribute("totals", agents.totals(actor));
        model.addAttribute("statuses", AgentStatus.values());
        model.addAttribute("providers", Provider.values());
        // The organization's own keys are looked up only when no platform key would already answer.
        model.addAttribute("sandboxOnly", !catalog.anyRealProviderConfigured()
                && !catalog.anyRealProviderUsable(providerKeys.usableOwnKeys(actor.orgId(), actor.tier())));
        model.addAttribute("canManageKeys", access.allows(actor, Action.MANAGE_PROVIDER_KEYS));
        return "agents/index";
    }

    /** Live search and filters: only the list is re-rendered. */
    @HxRequest
    @GetMapping("/agents")
    String filter(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String provider, @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "0") String offset, Model model) {
        list(actor, q, status, provider, sort, offset, model);
        return "agents/partials/list :: list";
    }

    @GetMapping("/agents/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        var agent = agents.get(actor, id);
        model.addAttribute("agent", agent);
        model.addAttribute("modelProblem", runnable.refusal(actor.orgId(), actor.tier(),
                agent.settings().modelConfig().provider(), agent.settings().modelConfig().model()).orElse(null));
        model.addAttribute("canManage", access.allows(actor, Action.UPDATE_AGENT));
        model.addAttribute("canRun", access.allows(actor, Action.RUN_AGENT));
        return "agents/show";
    }

    /** A bad filter in a hand-typed URL is left out and explained next to its field, not a 400 page. */
    private void list(Actor actor, String q, String status, String provider, String sort, String offset, Model model) {
        List<FieldProblem> problems = new ArrayList<>();
        var filters = new AgentFilters(q, QueryParameters.oneOf(AgentStatus.class, status, "status", problems), provider,
                sort, QueryParameters.wholeNumber(offset, "offset", 0, Integer.MAX_VALUE, problems));
        model.addAttribute("filters", filters);
        model.addAttribute("filterProblems", QueryParameters.byField(problems));
        model.addAttribute("page", agents.list(actor, filters.query(PAGE_SIZE)));
        model.addAttribute("runsWaiting", agents.anyRunWaiting(actor));
        model.addAttribute("canManage", access.allows(actor, Action.CREATE_AGENT));
    }
}
