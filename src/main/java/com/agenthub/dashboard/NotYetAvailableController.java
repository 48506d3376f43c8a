package com.agenthub.dashboard;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Sections the navigation already names but this release does not have yet say so plainly. */
@Controller
class NotYetAvailableController {

    private static final Map<String, String> SECTIONS = Map.of(
            "teams", "Teams",
            "templates", "Templates",
            "usage", "Usage");

    @GetMapping("/{section:teams|templates|usage}")
    String section(@PathVariable String section, Model model) {
        model.addAttribute("section", SECTIONS.get(section));
        return "dashboard/not-yet-available";
    }
}
