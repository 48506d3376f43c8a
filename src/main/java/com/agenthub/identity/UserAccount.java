package com.agenthub.identity;

import java.util.UUID;

/** What other modules know of a user. */
public record UserAccount(UUID id, String email, String displayName, PlatformRole platformRole) {

    public boolean isSuperAdmin() {
        return platformRole == PlatformRole.SUPER_ADMIN;
    }
}
