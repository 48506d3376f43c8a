package com.agenthub.execution.web;

import com.agenthub.execution.ExecutionFilter;
import com.agenthub.execution.ExecutionStatus;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The executions page's filters as the URL sends them. A bookmarked or hand-typed URL with a bad value still
 * shows the page: the bad filter is left out and explained next to its field.
 */
record ExecutionFilterParams(ExecutionFilter filter, Map<String, String> problems) {

    static ExecutionFilterParams read(String agent, String status, String from, String to, String by, String q) {
        List<FieldProblem> problems = new ArrayList<>();
        var filter = new ExecutionFilter(QueryParameters.id(agent, "agent", "agent", problems),
                QueryParameters.oneOf(ExecutionStatus.class, status, "status", problems),
                QueryParameters.date(from, "from", problems), QueryParameters.date(to, "to", problems),
                QueryParameters.id(by, "by", "member", problems), q == null || q.length() <= 200 ? q : q.substring(0, 200));
        return new ExecutionFilterParams(filter, QueryParameters.byField(problems));
    }
}
