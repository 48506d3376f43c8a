package com.agenthub.team;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an editor sets on a team. {@code costCap} (USD) may be null for none; {@code timeoutSeconds} is capped by
 * the plan's maximum run time.
 */
public record TeamSettings(String name, String description, TeamPattern pattern, List<TeamMemberSpec> members,
                           int maxRounds, int maxDelegations, BigDecimal costCap, int timeoutSeconds) {

    public static final int DEFAULT_MAX_ROUNDS = 2;
    public static final int DEFAULT_MAX_DELEGATIONS = 6;
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    public static final int MIN_MEMBERS = 2;
    public static final int MAX_MEMBERS = 8;
}
