package com.agenthub.security;

import com.agenthub.organization.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page layout needs on every page: who is signed in, where, and the current path for the nav. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModelAdvice {

    @ModelAttribute("actor")
    Actor actor(HttpServletRequest request) {
        return (Actor) request.getAttribute(Actor.class.getName());
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
