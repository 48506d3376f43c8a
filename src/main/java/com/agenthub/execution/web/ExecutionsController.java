package com.agenthub.execution.web;

import com.agenthub.agent.AgentService;
import com.agenthub.execution.ExecutionCursor;
import com.agenthub.execution.ExecutionFilter;
import com.agenthub.execution.ExecutionService;
import com.agenthub.execution.ExecutionStatus;
import com.agenthub.execution.ExecutionStreams;
import com.agenthub.execution.ExecutionView;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.organization.MemberService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** All runs of the organization, and one run's page with its live output. */
@Controller
class ExecutionsController {

    static final int PAGE_SIZE = 25;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutionService executions;
    private final ExecutionStreams streams;
    private final AgentService agents;
    private final MemberService members;
    private final MarkdownRenderer markdown;
    private final AccessPolicy access;

    ExecutionsController(ExecutionService executions, ExecutionStreams streams, AgentService agents, MemberService members,
                         MarkdownRenderer markdown, AccessPolicy access) {
        this.access = access;
        this.executions = executions;
        this.streams = streams;
        this.agents = agents;
        this.members = members;
        this.markdown = markdown;
    }

    @GetMapping("/executions")
    String list(Actor actor, @RequestParam(required = false) String agent, @RequestParam(required = false) String status,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String by, @RequestParam(required = false) String q,
                @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                Model model) {
        addPage(actor, ExecutionFilterParams.read(agent, status, from, to, by, q), after, before, model);
        model.addAttribute("agents", agents.options(actor, 100));
        model.addAttribute("members", members.list(actor, 200, 0).items());
        model.addAttribute("statuses", ExecutionStatus.values());
        return "executions/index";
    }

    @HxRequest
    @GetMapping("/executions")
    String filter(Actor actor, @RequestParam(required = false) String agent, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String by, @RequestParam(required = false) String q,
                @RequestParam(required = false) String after, @RequestParam(required = false) String before,
                Model model) {
        addPage(actor, ExecutionFilterParams.read(agent, status, from, to, by, q), after, before, model);
        return "executions/partials/table :: table";
    }

    @GetMapping("/executions/{id}")
    String show(Actor actor, @PathVariable UUID id, Model model) {
        ExecutionView execution = executions.get(actor, id);
        model.addAttribute("execution", execution);
        model.addAttribute("events", executions.events(actor, id));
        var steps = execution.teamRun() ? executions.steps(actor, id) : java.util.List.<ExecutionView>of();
        model.addAttribute("steps", steps);
        model.addAttribute("stepHtml", steps.stream().filter(st -> st.output() != null).collect(java.util.stream.Collectors.toMap(
                ExecutionView::id, st -> markdown.toSafeHtml(st.output()))));
        var votes = "DEMOCRATIC".equals(execution.teamPattern()) ? executions.votes(actor, id)
                : java.util.List.<com.agenthub.execution.TeamVoteView>of();
        model.addAttribute("votes", votes);
        model.addAttribute("proposers", steps.stream().collect(java.util.stream.Collectors.toMap(ExecutionView::id,
                ExecutionView::agentName)));
        model.addAttribute("canCancel", !execution.status().finished() && access.allows(actor, Action.RUN_AGENT));
        model.addAttribute("queuePosition", execution.status() == ExecutionStatus.QUEUED ? executions.queuePosition(actor, id) : 0);
        model.addAttribute("outputHtml", markdown.toSafeHtml(execution.output()));
        model.addAttribute("contextPretty", execution.context() == null ? null
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(execution.context())));
        return "executions/show";
    }

    @PostMapping("/executions/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        executions.cancel(actor, id);
        redirect.addFlashAttribute("success", "Cancelled.");
        return "redirect:/executions/" + id;
    }

    @GetMapping(path = "/executions/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(Actor actor, @PathVariable UUID id) {
        return streams.open(actor, id, markdown::toSafeHtml);
    }

    private void addPage(Actor actor, ExecutionFilterParams params, String after, String before, Model model) {
        ExecutionFilter filter = params.filter();
        model.addAttribute("filter", filter);
        model.addAttribute("filterProblems", params.problems());
        ExecutionCursor newerThan = ExecutionCursor.decode(before).orElse(null);
        var page = newerThan != null ? executions.listNewer(actor, filter, newerThan, PAGE_SIZE)
                : executions.list(actor, filter, ExecutionCursor.decode(after).orElse(null), PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("firstPage", page.previous() == null);
    }
}
