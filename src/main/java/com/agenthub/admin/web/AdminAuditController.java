package com.agenthub.admin.web;

import com.agenthub.audit.AuditTrail;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.shared.web.QueryParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AdminAuditController {

    static final int PAGE_SIZE = 50;

    private final AuditTrail audit;
    private final AccessPolicy access;

    AdminAuditController(AuditTrail audit, AccessPolicy access) {
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/admin/audit")
    String list(Actor actor, @RequestParam(defaultValue = "0") String offset, Model model) {
        access.require(actor, Action.VIEW_AUDIT_LOG);
        model.addAttribute("events", audit.platformEvents(PAGE_SIZE, QueryParameters.pageOffset(offset, model)));
        return "admin/audit";
    }
}
