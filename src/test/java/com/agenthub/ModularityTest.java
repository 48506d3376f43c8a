package com.agenthub;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature modules reach each other only through their root packages (and the open {@code shared}). */
class ModularityTest {

    @Test
    void modulesDependOnlyOnEachOthersPublicApi() {
        ApplicationModules.of(AgentHubApplication.class).verify();
    }
}
