package com.agenthub.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not valid UTF-8 and any parameter with a NUL character in one place, before
 * security, controllers or the database see it: PostgreSQL rejects NUL in text, which surfaced as a 500.
 * Runs right after the character-encoding filter, so form bodies are already decoded as UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = RequestText.problemInQuery(request.getQueryString());
        if (problem.isEmpty()) {
            try {
                problem = RequestText.problemInParameters(request.getParameterMap());
            } catch (IllegalStateException | IllegalArgumentException e) {
                problem = Optional.of("The form body could not be read as UTF-8 parameters.");
            }
        }
        if (problem.isPresent()) {
            ErrorPages.refuse(request, response, HttpStatus.BAD_REQUEST, problem.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
