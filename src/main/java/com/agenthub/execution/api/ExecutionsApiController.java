package com.agenthub.execution.api;

import com.agenthub.execution.ExecutionService;
import com.agenthub.execution.ExecutionStatus;
import com.agenthub.execution.ExecutionStreams;
import com.agenthub.execution.ExecutionView;
import com.agenthub.execution.SubmitRun;
import com.agenthub.execution.TeamVoteView;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.agenthub.organization.Actor;
import com.agenthub.shared.web.ApiController;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApiController("/api/v1")
class ExecutionsApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutionService executions;
    private final ExecutionStreams streams;

    ExecutionsApiController(ExecutionService executions, ExecutionStreams streams) {
        this.executions = executions;
        this.streams = streams;
    }

    record ExecuteRequest(String task, JsonNode context, Integer maxTokens) {
    }

    /**
     * An execution; a team run (agent_id null) adds team_id, pattern and its steps, and a democratic one its votes
     * and winner_step_id. A team run's tokens and cost are the sums of its steps'.
     */
    record ExecutionJson(UUID id, UUID agentId, String status, String task, JsonNode context, String output, String error,
                         String provider, String model, Integer inputTokens, Integer outputTokens, BigDecimal cost,
                         Long durationMs, int attempts, boolean cacheHit, Instant createdAt, Instant startedAt,
                         Instant finishedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) UUID teamId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String pattern,
                         @JsonInclude(JsonInclude.Include.NON_NULL) UUID parentId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<StepJson> steps,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<VoteJson> votes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) UUID winnerStepId) {

        static ExecutionJson of(ExecutionView e) {
            return of(e, null, null);
        }

        static ExecutionJson of(ExecutionView e, List<ExecutionView> steps, List<TeamVoteView> votes) {
            return new ExecutionJson(e.id(), e.agentId(), e.status().id(), e.task(),
                    e.context() == null ? null : JSON.readTree(e.context()), e.output(), e.error(), e.provider(),
                    e.model(), e.inputTokens(), e.outputTokens(), e.cost(), e.durationMs(), e.attempts(), e.cacheHit(),
                    e.createdAt(), e.startedAt(), e.finishedAt(), e.teamId(),
                    e.teamPattern() == null ? null : e.teamPattern().toLowerCase(Locale.ROOT), e.parentId(),
                    steps == null ? null : steps.stream().map(StepJson::of).toList(),
                    votes == null ? null : votes.stream().map(v -> new VoteJson(v.voterAgentId(), v.proposalStepId(),
                            v.reason())).toList(),
                    e.winnerStepId());
        }
    }

    /** One member call of a team run. */
    record StepJson(UUID id, UUID agentId, String agentName, String role, Integer round, String status, String output,
                    String error, Integer inputTokens, Integer outputTokens, BigDecimal cost) {

        static StepJson of(ExecutionView s) {
            return new StepJson(s.id(), s.agentId(), s.agentName(), s.stepRole(), s.stepRound(), s.status().id(), s.output(),
                    s.error(), s.inputTokens(), s.outputTokens(), s.cost());
        }
    }

    /** A ballot of a democratic team run; proposal_step_id is null for an abstention. */
    record VoteJson(UUID voterAgentId, UUID proposalStepId, String reason) {
    }

    record ExecutionList(List<ExecutionJson> executions, long total, int limit, int offset) {
    }

    @Operation(summary = "Run an agent", description = "Answers 202 with the queued execution and its Location; "
            + "follow it, or its /stream, for the result.")
    @PostMapping("/agents/{id}/execute")
    ResponseEntity<ExecutionJson> execute(Actor actor, @PathVariable UUID id, @RequestBody ExecuteRequest body) {
        if (body.context() != null && !body.context().isNull() && !body.context().isObject()) {
            throw new ValidationFailedException(List.of(new FieldProblem("context", "The context must be a JSON object.")));
        }
        String context = body.context() == null || body.context().isNull() ? null : JSON.writeValueAsString(body.context());
        ExecutionView queued = executions.submit(actor, id, new SubmitRun(body.task(), context, body.maxTokens()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/executions/" + queued.id()))
                .body(ExecutionJson.of(queued));
    }

    @Operation(summary = "An execution, with its output, tokens and cost once finished; a team run with its steps "
            + "(and, for a democratic team, the votes and the winning proposal's step)")
    @GetMapping("/executions/{id}")
    ExecutionJson get(Actor actor, @PathVariable UUID id) {
        ExecutionView execution = executions.get(actor, id);
        if (!execution.teamRun()) {
            return ExecutionJson.of(execution);
        }
        return ExecutionJson.of(execution, executions.steps(actor, id),
                "DEMOCRATIC".equals(execution.teamPattern()) ? executions.votes(actor, id) : null);
    }

    @Operation(summary = "Run a team", description = "Answers 202 with the queued team run and its Location. It counts "
            + "as one execution toward the month and the concurrency; each member call is one of its steps.")
    @PostMapping("/teams/{id}/execute")
    ResponseEntity<ExecutionJson> executeTeam(Actor actor, @PathVariable UUID id, @RequestBody ExecuteRequest body) {
        if (body.maxTokens() != null) {
            throw new ValidationFailedException(List.of(new FieldProblem("max_tokens",
                    "A team run uses each member's own max tokens; leave max_tokens out.")));
        }
        ExecutionView queued = executions.submitTeam(actor, id, new SubmitRun(body.task(), context(body), null));
        return ResponseEntity.accepted().location(URI.create("/api/v1/executions/" + queued.id()))
                .body(ExecutionJson.of(queued, List.of(), null));
    }

    private static String context(ExecuteRequest body) {
        if (body.context() != null && !body.context().isNull() && !body.context().isObject()) {
            throw new ValidationFailedException(List.of(new FieldProblem("context", "The context must be a JSON object.")));
        }
        return body.context() == null || body.context().isNull() ? null : JSON.writeValueAsString(body.context());
    }

    @Operation(summary = "Cancel a queued or running execution", description = "202 with the execution; 409 when it "
            + "has already ended. A running execution's provider stream is closed and its partial output kept.")
    @PostMapping("/executions/{id}/cancel")
    ResponseEntity<ExecutionJson> cancel(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(ExecutionJson.of(executions.cancel(actor, id)));
    }

    @Operation(summary = "An agent's executions, newest first")
    @GetMapping("/agents/{id}/executions")
    ExecutionList forAgent(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "20") String limit, @RequestParam(defaultValue = "0") String offset) {
        List<FieldProblem> problems = new ArrayList<>();
        ExecutionStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = ExecutionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "Use one of: queued, running, succeeded, failed, cancelled, timed_out."));
            }
        }
        int limitValue = QueryParameters.wholeNumber(limit, "limit", 1, 100, problems);
        int offsetValue = QueryParameters.wholeNumber(offset, "offset", 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        var page = executions.forAgent(actor, id, filter, limitValue, offsetValue);
        return new ExecutionList(page.items().stream().map(ExecutionJson::of).toList(), page.total(), limitValue, offsetValue);
    }

    @Operation(summary = "Server-Sent Events: 'chunk' events as the output is generated, 'reset' when the run was started again (discard the text so far), then 'done' with the recorded status")
    @GetMapping(path = "/executions/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Actor actor, @PathVariable UUID id) {
        return streams.open(actor, id);
    }

}
