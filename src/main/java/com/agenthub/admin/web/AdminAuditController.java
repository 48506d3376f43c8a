package com.agenthub.admin.web;

import com.agenthub.audit.AuditFilter;
import com.agenthub.audit.AuditTrail;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import com.agenthub.shared.web.QueryParameters;
import com.agenthub.shared.web.ValidationFailedException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log across organizations; its filters live in the query string so a filtered view can be shared. */
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
    String list(Actor actor, @RequestParam(required = false) String org, @RequestParam(required = false) String who,
                @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") String offset, Model model) {
        access.require(actor, Action.VIEW_AUDIT_LOG);
        List<FieldProblem> problems = new ArrayList<>();
        var filter = new AuditFilter(org, who, action, QueryParameters.date(from, "from", problems),
                QueryParameters.date(to, "to", problems));
        model.addAttribute("filter", filter);
        model.addAttribute("filterProblems", QueryParameters.byField(problems));
        model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("org", java.util.Optional.ofNullable(filter.organization()))
                .queryParamIfPresent("who", java.util.Optional.ofNullable(filter.actor()))
                .queryParamIfPresent("action", java.util.Optional.ofNullable(filter.action()))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(filter.from()))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(filter.to()))
                .encode().build().toUriString());
        model.addAttribute("events", audit.platformEvents(filter, PAGE_SIZE, QueryParameters.pageOffset(offset, model)));
        return "admin/audit";
    }
}
