package com.agenthub.shared.web;

import java.util.List;

/** Several fields at once are wrong; field paths are the API's snake_case JSON paths. */
public class ValidationFailedException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public ValidationFailedException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "The request has invalid fields."
                : problems.size() == 1 ? problems.get(0).message() : "The request has " + problems.size() + " invalid fields.");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
