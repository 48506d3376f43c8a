package com.agenthub.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.execution.ExecutionService;
import com.agenthub.execution.SubmitRun;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.ForbiddenException;
import com.agenthub.support.AgentHubTest;
import com.agenthub.support.FakeOpenAi;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@AgentHubTest
class ProviderKeysTest {

    @Autowired ProviderKeys keys;
    @Autowired MasterKey masterKey;
    @Autowired OrganizationMother mother;
    @Autowired AgentService agents;
    @Autowired ExecutionService executions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void theDatabaseHoldsNoPlaintextKeyAndShowsOnlyAHint() {
        var org = mother.organization(Tier.STARTER);
        String secret = "sk-live-abcdefghijklmnopqrstuvwxyz123456";
        TenantContext.runAs(org.id(), () -> keys.save(mother.owner(org), Provider.OPENAI, secret));

        var row = TenantContext.callAs(org.id(), () -> transaction.execute(s -> jdbc.queryForMap(
                "SELECT encrypted_key, key_hint FROM provider_keys WHERE org_id = ?", org.id())));
        byte[] stored = (byte[]) row.get("encrypted_key");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret).doesNotContain("abcdefghij");
        assertThat(row.get("key_hint")).isEqualTo("…3456");
        String everything = TenantContext.callAs(org.id(), () -> transaction.execute(s -> jdbc.queryForObject(
                "SELECT string_agg(t::text, ' ') FROM provider_keys t WHERE org_id = ?", String.class, org.id())));
        assertThat(everything).doesNotContain(secret);
        assertThat(TenantContext.callAs(org.id(), () -> keys.statuses(mother.owner(org))))
                .filteredOn(st -> st.provider() == Provider.OPENAI).singleElement()
                .satisfies(st -> assertThat(st.ownKeyHint()).isEqualTo("…3456"));
    }

    @Test
    void aWrongMasterKeyFailsClearlyAndACiphertextOnlyOpensForItsOrganization() {
        byte[] sealed = masterKey.cipher().encrypt("sk-secret-value", "org-a:openai");
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);

        assertThat(masterKey.cipher().decrypt(sealed, "org-a:openai")).isEqualTo("sk-secret-value");
        assertThatThrownBy(() -> new KeyCipher(other).decrypt(sealed, "org-a:openai"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("AGENTHUB_MASTER_KEY is not the key it was saved with");
        assertThatThrownBy(() -> masterKey.cipher().decrypt(sealed, "org-b:openai"))
                .isInstanceOf(ProviderException.class);
    }

    @Test
    void theFreePlanCannotStoreKeysAndIsToldWhichPlanCan() {
        var org = mother.organization(Tier.FREE);
        assertThatThrownBy(() -> TenantContext.runAs(org.id(), () -> keys.save(mother.owner(org), Provider.GROQ, "gsk-12345678")))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Starter plan");
    }

    @Test
    void runsUseTheOrganizationsOwnKeyAndTestConnectionReportsSuccess() {
        var org = mother.organization(Tier.STARTER);
        var owner = mother.owner(org);
        String ownKey = "sk-own-" + org.id();
        TenantContext.runAs(org.id(), () -> keys.save(owner, Provider.OPENAI, ownKey));
        AgentSettings settings = AgentMother.onFakeOpenAi("Own key");
        var agent = TenantContext.callAs(org.id(), () -> agents.create(owner, settings));
        String marker = "[ownkey-" + org.id() + "]";

        TenantContext.runAs(org.id(), () -> executions.submit(owner, agent.id(), new SubmitRun("Hi " + marker, null, null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !FakeOpenAi.shared().authorizationsFor(marker).isEmpty());

        assertThat(FakeOpenAi.shared().authorizationsFor(marker)).containsExactly("Bearer " + ownKey);
        assertThat(TenantContext.callAs(org.id(), () -> keys.testConnection(owner, Provider.OPENAI)))
                .startsWith("Connected: GPT-4o mini answered").endsWith("(your key).");
    }
}
