package com.agenthub.organization;

import java.time.Instant;
import java.util.UUID;

public record MemberView(UUID userId, String email, String displayName, Role role, Instant joinedAt) {
}
