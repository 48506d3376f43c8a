package com.agenthub.agent.web;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The binding result of a form whose values did not all convert ({@code temperature=abc}, an unknown tone),
 * shaped so the page shows each such value as typed next to its error.
 * <p>
 * Spring binds a record through its constructor; when an argument fails to convert, the binding result it
 * leaves has no target, so re-rendering the form dropped it with its errors. This one has the form (the failed
 * fields empty) as its target. And Thymeleaf fills {@code type="number"} inputs from the raw field value, not
 * from the rejected one, so that answers with what was typed wherever conversion failed.
 */
final class TypedValues extends BeanPropertyBindingResult {

    private TypedValues(Object form, String name) {
        super(form, name);
    }

    static BindingResult of(Object form, BindingResult failed) {
        var kept = new TypedValues(form, failed.getObjectName());
        kept.addAllErrors(failed);
        return kept;
    }

    @Override
    public Object getRawFieldValue(String field) {
        FieldError error = getFieldError(field);
        return error != null && error.isBindingFailure() ? error.getRejectedValue() : super.getRawFieldValue(field);
    }
}
