package com.agenthub.agent.api;

import com.agenthub.agent.AgentQuery;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentStatus;
import com.agenthub.organization.Actor;
import com.agenthub.shared.web.ApiController;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController("/api/v1/agents")
class AgentsApiController {

    private final AgentService agents;
    private final AgentRequestMapper mapper;

    AgentsApiController(AgentService agents, AgentRequestMapper mapper) {
        this.agents = agents;
        this.mapper = mapper;
    }

    @Operation(summary = "List agents", description = "Filters: status (idle, busy, offline, error), provider, search "
            + "(name or description); sort_by name, created_at, updated_at or runs; sort_order asc or desc.")
    @GetMapping
    AgentJson.AgentList list(Actor actor, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String provider,
                             @RequestParam(required = false) String search,
                             @RequestParam(defaultValue = "20") String limit,
                             @RequestParam(defaultValue = "0") String offset,
                             @RequestParam(name = "sort_by", defaultValue = "updated_at") String sortBy,
                             @RequestParam(name = "sort_order", defaultValue = "desc") String sortOrder) {
        AgentQuery query = query(status, provider, search, limit, offset, sortBy, sortOrder);
        var page = agents.list(actor, query);
        return new AgentJson.AgentList(page.items().stream().map(AgentJson::of).toList(), page.total(), page.limit(),
                page.offset());
    }

    @Operation(summary = "Create an agent", description = "Only name and model_config.model are required.")
    @PostMapping
    ResponseEntity<AgentJson.AgentResponse> create(Actor actor, @RequestBody AgentJson.AgentRequest body) {
        var created = agents.create(actor, mapper.forCreate(body));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + created.id())).body(AgentJson.of(created));
    }

    @Operation(summary = "Get an agent")
    @GetMapping("/{id}")
    AgentJson.AgentResponse get(Actor actor, @PathVariable UUID id) {
        return AgentJson.of(agents.get(actor, id));
    }

    @Operation(summary = "Change some of an agent's settings", description = "Fields left out keep their value.")
    @PatchMapping("/{id}")
    AgentJson.AgentResponse update(Actor actor, @PathVariable UUID id, @RequestBody AgentJson.AgentRequest body) {
        var current = agents.get(actor, id);
        return AgentJson.of(agents.update(actor, id, mapper.merge(current.settings(), body)));
    }

    @Operation(summary = "Delete an agent", description = "A soft delete: the agent disappears, its history stays.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        agents.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    private static AgentQuery query(String status, String provider, String search, String limit, String offset,
                                    String sortBy, String sortOrder) {
        List<FieldProblem> problems = new ArrayList<>();
        AgentStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = AgentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "Use one of: idle, busy, offline, error."));
            }
        }
        int limitValue = QueryParameters.wholeNumber(limit, "limit", 1, 100, problems);
        int offsetValue = QueryParameters.wholeNumber(offset, "offset", 0, Integer.MAX_VALUE, problems);
        AgentQuery.Sort sort = switch (sortBy) {
            case "name" -> AgentQuery.Sort.NAME;
            case "created_at" -> AgentQuery.Sort.CREATED;
            case "updated_at" -> AgentQuery.Sort.UPDATED;
            case "runs" -> AgentQuery.Sort.RUNS;
            default -> {
                problems.add(new FieldProblem("sort_by", "Use one of: name, created_at, updated_at, runs."));
                yield AgentQuery.Sort.UPDATED;
            }
        };
        if (!sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            problems.add(new FieldProblem("sort_order", "Use asc or desc."));
        }
        if (search != null && search.length() > 200) {
            problems.add(new FieldProblem("search", "Search terms are up to 200 characters."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        return new AgentQuery(statusFilter, provider, search, sort, sortOrder.equals("desc"), limitValue, offsetValue);
    }

}
