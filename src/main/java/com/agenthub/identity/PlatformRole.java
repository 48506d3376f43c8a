package com.agenthub.identity;

public enum PlatformRole {
    SUPER_ADMIN
}
