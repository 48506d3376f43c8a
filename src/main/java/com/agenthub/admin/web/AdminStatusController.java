package com.agenthub.admin.web;

import com.agenthub.execution.SystemStatus;
import com.agenthub.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AdminStatusController {

    private final SystemStatus status;

    AdminStatusController(SystemStatus status) {
        this.status = status;
    }

    @GetMapping("/admin/status")
    String show(Actor actor, Model model) {
        model.addAttribute("status", status.snapshot(actor));
        return "admin/status";
    }
}
