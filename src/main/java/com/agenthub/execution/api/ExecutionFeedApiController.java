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

    /**
     * {@code next_cursor} (older runs, as {@code after}) is null on the last page; {@code previous_cursor} (newer
     * runs, as {@code before}) is null on the newest.
     */
    record ExecutionFeed(List<ExecutionsApiController.ExecutionJson> executions, int limit, String nextCursor,
                         String previousCursor) {
    }

    @Operation(summary = "The organization's executions, newest first",
            description = "Filters: agent_id, status, from and to (ISO dates, inclusive, UTC), requested_by (a user id) "
                    + "and q (the task contains it, ignoring case). Follow next_cursor with ?after= for older runs and "
                    + "previous_cursor with ?before= for newer ones.")
    @GetMapping("/executions")
    ExecutionFeed list(Actor actor, @RequestParam(name = "agent_id", required = false) String agentId,
                       @RequestParam(required = false) String status, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(name = "requested_by", required = false) String requestedBy,
                       @RequestParam(required = false) String q, @RequestParam(required = false) String after,
                       @RequestParam(required = false) String before,
                       @RequestParam(defaultValue = "20") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        var filter = new ExecutionFilter(QueryParameters.id(agentId, "agent_id", "agent", problems),
                QueryParameters.oneOf(ExecutionStatus.class, status, "status", problems),
                QueryParameters.date(from, "from", problems), QueryParameters.date(to, "to", problems),
                QueryParameters.id(requestedBy, "requested_by", "user", problems), q);
        if (filter.task() != null && filter.task().length() > 200) {
            problems.add(new FieldProblem("q", "Search for at most 200 characters."));
        }
        ExecutionCursor cursor = cursor(after, "after", "Pass the next_cursor of a page.", problems);
        ExecutionCursor newerThan = cursor(before, "before", "Pass the previous_cursor of a page.", problems);
        if (cursor != null && newerThan != null) {
            problems.add(new FieldProblem("before", "Pass after or before, not both."));
        }
        int limitValue = QueryParameters.wholeNumber(limit, "limit", 1, 100, problems);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        var page = newerThan != null ? executions.listNewer(actor, filter, newerThan, limitValue)
                : executions.list(actor, filter, cursor, limitValue);
        return new ExecutionFeed(page.items().stream().map(ExecutionsApiController.ExecutionJson::of).toList(), limitValue,
                page.next() == null ? null : page.next().encode(), page.previous() == null ? null : page.previous().encode());
    }

    private static ExecutionCursor cursor(String value, String field, String hint, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        ExecutionCursor cursor = ExecutionCursor.decode(value).orElse(null);
        if (cursor == null) {
            problems.add(new FieldProblem(field, hint));
        }
        return cursor;
    }
}
