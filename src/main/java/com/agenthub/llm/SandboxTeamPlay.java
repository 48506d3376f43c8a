package com.agenthub.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the sandbox model plays its part in a team without any key: a valid plan naming the members it is shown,
 * and a vote for another member's proposal with a reason, chosen deterministically from the task, so that every
 * coordination pattern works offline and the same task always plays out the same way.
 */
final class SandboxTeamPlay {

    private static final Pattern MEMBER = Pattern.compile("(?m)^- (.+) \\(([^()]+)\\)$");
    private static final Pattern PROPOSAL = Pattern.compile("(?m)^### Proposal (\\d+) by (.+) \\(([^()]+)\\)$");
    private static final Pattern OWN = Pattern.compile("Proposal (\\d+) is yours");

    private SandboxTeamPlay() {
    }

    /** The JSON the request asks for, or null when it is not a request the sandbox knows how to play. */
    static String structured(String self, String task, String request) {
        if (request.contains("\"delegations\"") && request.contains("Team members:")) {
            return plan(task, request);
        }
        if (request.contains("\"proposal\"") && OWN.matcher(request).find()) {
            return vote(self, task, request);
        }
        return null;
    }

    private static String plan(String task, String request) {
        String roster = request.substring(request.indexOf("Team members:"));
        Matcher m = MEMBER.matcher(roster);
        List<String> delegations = new ArrayList<>();
        String goal = flat(task, 120);
        while (m.find()) {
            String member = m.group(1);
            String role = m.group(2);
            delegations.add("{\"member\": " + quote(member) + ", \"subtask\": " + quote("As the " + role + ", work out the "
                    + role.toLowerCase(java.util.Locale.ROOT) + "'s part of: " + goal) + ", \"expected_output\": "
                    + quote("A short list of findings from the " + role + ", with the reasoning behind each.") + "}");
        }
        return "{\"delegations\": [" + String.join(", ", delegations) + "]}";
    }

    private static String vote(String self, String task, String request) {
        Matcher own = OWN.matcher(request);
        own.find();
        int mine = Integer.parseInt(own.group(1));
        Matcher p = PROPOSAL.matcher(request);
        List<Integer> others = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        while (p.find()) {
            int n = Integer.parseInt(p.group(1));
            if (n != mine) {
                others.add(n);
                authors.add(p.group(2));
            }
        }
        if (others.isEmpty()) {
            return null;
        }
        int pick = Math.floorMod((task + "|" + self).hashCode(), others.size());
        return "{\"proposal\": " + others.get(pick) + ", \"reason\": " + quote("Simulated vote: " + authors.get(pick)
                + "'s proposal covers the task most completely.") + "}";
    }

    private static String flat(String value, int max) {
        String text = value.replaceAll("\\s+", " ").strip();
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
