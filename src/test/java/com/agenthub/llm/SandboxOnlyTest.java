package com.agenthub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether an organization is left with only the sandbox model: platform keys and its own both count. */
class SandboxOnlyTest {

    private static LlmProperties platformKeys(String openAi) {
        return new LlmProperties(openAi, "", "", "", "https://api.openai.com/v1", "https://api.groq.com/openai/v1",
                "https://api.anthropic.com", Duration.ofMinutes(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 10);
    }

    @Test
    void anOrganizationsOwnKeyIsARealProviderWhenThePlatformHasNone() {
        var catalog = new ModelCatalog(null, platformKeys(""), null, null);

        assertThat(catalog.anyRealProviderUsable(Set.of())).isFalse();
        assertThat(catalog.anyRealProviderUsable(Set.of(Provider.GROQ))).isTrue();
    }

    @Test
    void aPlatformKeyIsARealProviderForEveryOrganization() {
        var catalog = new ModelCatalog(null, platformKeys("sk-platform"), null, null);

        assertThat(catalog.anyRealProviderUsable(Set.of())).isTrue();
    }
}
