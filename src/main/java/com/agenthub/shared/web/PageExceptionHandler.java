package com.agenthub.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Domain failures in page controllers become error pages in the layout, with the reason shown. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return page(response, 404, "error/404", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noSuchPage(Exception e, HttpServletResponse response) {
        return page(response, 404, "error/404", "There is no such page.");
    }

    /** A bad id in the path is a page that does not exist; a bad form or query value is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return noSuchPage(e, response);
        }
        return page(response, 400, "error/400", "'" + e.getName() + "' has an invalid value.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse response) {
        return page(response, 400, "error/400", "The form was sent without '" + e.getParameterName() + "'.");
    }

    @ExceptionHandler({BindException.class, HandlerMethodValidationException.class,
            HttpMessageNotReadableException.class, ServletRequestBindingException.class})
    ModelAndView badForm(Exception e, HttpServletResponse response) {
        return page(response, 400, "error/400", "The form was sent with missing or invalid fields.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletResponse response) {
        return page(response, 403, "error/403", e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e, HttpServletResponse response) {
        return page(response, 400, "error/400", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflictingState(ConflictException e, HttpServletResponse response) {
        return page(response, 409, "error/400", e.getMessage());
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ModelAndView conflict(Exception e, HttpServletResponse response) {
        return page(response, 409, "error/400", "Someone else changed this at the same time. Load it again and retry.");
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ModelAndView tooMany(TooManyRequestsException e, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return page(response, 429, "error/400", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security turns these into a sign-in redirect or its 403
        }
        if (StorableText.isUnstorableText(e)) {
            return page(response, 400, "error/400", StorableText.REFUSAL);
        }
        log.error("Unexpected error rendering a page", e);
        return page(response, 500, "error/500", null);
    }

    private static ModelAndView page(HttpServletResponse response, int status, String view, String message) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView(view);
        mav.addObject("message", message);
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return mav;
    }
}
