package com.agenthub.shared.web;

import static com.agenthub.shared.web.ApiExceptionHandler.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * API requests of the wrong shape (a body that does not read, a parameter that does not convert or validate) as
 * 400 problem details naming each field under {@code errors}. Ahead of {@link ApiExceptionHandler}, whose
 * catch-all would otherwise take these.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return fieldProblem(e.getName(), "'" + e.getName() + "' has an invalid value.");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return withErrors(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", JsonPaths.snakeCase(f.getField()), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", parameterName(result.getMethodParameter()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(fieldProblem(ex.getParameterName(),
                "'" + ex.getParameterName() + "' is required."));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "a parameter" : "'" + ex.getPropertyName() + "'";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, name + " has an invalid value."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            String field = JsonPaths.of(unknown.getPath());
            return ResponseEntity.badRequest().body(fieldProblem(field, "Unknown property '" + field
                    + "'. Known here: " + String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().toList()) + "."));
        }
        if (ex.getCause() instanceof TextDeserializer.NulCharacterException nul) {
            String field = JsonPaths.of(nul.getPath());
            return ResponseEntity.badRequest().body(fieldProblem(field, RequestText.nul(field)));
        }
        if (ex.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            String field = JsonPaths.of(mismatch.getPath());
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "'" + field + "' has the wrong type or value.");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type or value")));
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape."));
    }

    private static ProblemDetail fieldProblem(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** One message names the field; several are summed up, each listed under {@code errors}. */
    private static ProblemDetail withErrors(List<Map<String, String>> errors) {
        String detail = errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : "The request has " + errors.size() + " invalid fields: "
                + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()) + ".";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName() == null ? "parameter" : JsonPaths.snakeCase(parameter.getParameterName());
    }

    private static String lastNode(String path) {
        return JsonPaths.snakeCase(path.substring(path.lastIndexOf('.') + 1));
    }
}
