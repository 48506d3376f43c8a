package com.agenthub.shared.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import tools.jackson.databind.DatabindException;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as an RFC 9457 problem detail with a clear {@code detail}; never a stack trace. */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(ValidationFailedException.class)
    ProblemDetail validationFailed(ValidationFailedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflictingState(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ProblemDetail conflict(Exception e) {
        return problem(HttpStatus.CONFLICT, "Someone else changed this at the same time. Load it again and retry.");
    }

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


    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (StorableText.isUnstorableText(e)) {
            // text the checks in front let through, refused by PostgreSQL: the transaction is rolled back
            return problem(HttpStatus.BAD_REQUEST, StorableText.REFUSAL);
        }
        log.error("Unexpected error in API call", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. It has been logged.");
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

    static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
