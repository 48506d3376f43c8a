package com.agenthub.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that never reached a controller (filters, Tomcat, unknown paths) in the shapes the rest of the app
 * uses: a problem detail under /api/ or for JSON callers, an error page in the layout otherwise. Replaces
 * Boot's error controller, whose JSON is not RFC 9457 and which answered a direct GET /error with a 500.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    /** A refusal's reason, set by whoever refused before any controller ran. */
    static final String DETAIL = ErrorPages.class.getName() + ".detail";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> PAGES = Set.of(400, 403, 404, 500);

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    Object html(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            return problem(request);
        }
        HttpStatus status = status(request);
        response.setStatus(status.value());
        int code = status.is5xxServerError() ? 500 : status.value();
        ModelAndView page = new ModelAndView(PAGES.contains(code) ? "error/" + code : "error", status);
        page.addObject("message", status.is5xxServerError() ? null : detail(request, status));
        return page;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ApiExceptionHandler.problem(status, detail(request, status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** For filters: answers at once under /api/, otherwise lets the error page render the reason. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ProblemDetail problem = ApiExceptionHandler.problem(status, detail);
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.getWriter().write(JSON.writeValueAsString(problem));
            return;
        }
        request.setAttribute(DETAIL, detail);
        response.sendError(status.value());
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    /** Requested directly, /error is just a path with nothing behind it. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = HttpStatus.resolve(value);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpServletRequest request, HttpStatus status) {
        if (request.getAttribute(DETAIL) instanceof String detail) {
            return detail;
        }
        return switch (status.value()) {
            case 400 -> "The request is malformed: check its URL, query string, headers and body.";
            case 401 -> "Send an API token as 'Authorization: Bearer <token>'.";
            case 403 -> "This is not allowed.";
            case 404 -> "There is no such page or resource.";
            case 405 -> "This method is not allowed here.";
            case 413, 414, 431 -> "The request is too large.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. It has been logged."
                    : status.getReasonPhrase() + ".";
        };
    }
}
