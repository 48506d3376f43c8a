package com.agenthub.execution.api;

import com.agenthub.execution.ExecutionCursor;
import com.agenthub.execution.ExecutionFilter;
import com.agenthub.execution.ExecutionService;
import com.agenthub.execution.ExecutionStatus;
import com.agenthub.organization.Actor;
import com.agenthub.shared.web.ApiController;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organization's executions through the API, with the executions page's filters and keyset paging. */
@ApiController("/api/v1")
class ExecutionFeedApiController {

    private final ExecutionService executions;

    ExecutionFeedApiController(ExecutionService executions) {
        this.executions = executions;
    }

    /** {@code next_cursor} is null on the last page; pass it as {@code after} for the next one. */
    record ExecutionFeed(List<ExecutionsApiController.ExecutionJson> executions, int limit, String nextCursor) {
    }

    @Operation(summary = "The organization's executions, newest first",
            description = "Filters: agent_id, status, from and to (ISO dates, inclusive, UTC), requested_by (a user id) "
                    + "and q (the task contains it, ignoring case). Follow next_cursor with ?after= for older ones.")
    @GetMapping("/executions")
    ExecutionFeed list(Actor actor, @RequestParam(name = "agent_id", required = false) String agentId,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(name = "requested_by", required = false) String requestedBy,
                       @RequestParam(required = false) String q, @RequestParam(required = false) String after,
                       @RequestParam(defaultValue = "20") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        var filter = new ExecutionFilter(QueryParameters.id(agentId, "agent_id", "agent", problems),
                QueryParameters.oneOf(ExecutionStatus.class, status, "status", problems),
                QueryParameters.date(from, "from", problems), QueryParameters.date(to, "to", problems),
                QueryParameters.id(requestedBy, "requested_by", "user", problems), q);
        if (filter.task() != null && filter.task().length() > 200) {
            problems.add(new FieldProblem("q", "Search for at most 200 characters."));
        }
        ExecutionCursor cursor = null;
        if (after != null && !after.isBlank()) {
            cursor = ExecutionCursor.decode(after).orElse(null);
            if (cursor == null) {
                problems.add(new FieldProblem("after", "Pass the next_cursor of the previous page."));
            }
        }
        int limitValue = QueryParameters.wholeNumber(limit, "limit", 1, 100, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        var page = executions.list(actor, filter, cursor, limitValue);
        return new ExecutionFeed(page.items().stream().map(ExecutionsApiController.ExecutionJson::of).toList(), limitValue,
                page.next() == null ? null : page.next().encode());
    }
}
