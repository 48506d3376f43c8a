package com.agenthub.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.organization.Actor;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.organization.Role;
import com.agenthub.organization.Tier;
import com.agenthub.shared.tenancy.TenantContext;
import com.agenthub.shared.web.ForbiddenException;
import com.agenthub.shared.web.NotFoundException;
import com.agenthub.shared.web.ValidationFailedException;
import com.agenthub.support.AgentHubTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@AgentHubTest
class AgentServiceTest {

    @Autowired AgentService agents;
    @Autowired OrganizationMother mother;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void rejectsValuesOutOfRangeAllAtOnceAndStoresNothing() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        AgentSettings bad = AgentMother.withModel(AgentMother.settings("Out of range"), m -> new AgentSettings.ModelConfig(
                m.provider(), m.model(), new BigDecimal("2.5"), 0, new BigDecimal("1.5"), null, null));

        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, bad)))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.problems())
                        .extracting(ValidationFailedException.FieldProblem::field)
                        .contains("model_config.temperature", "model_config.max_tokens", "model_config.top_p"));
        assertThat(count(owner)).isZero();
    }

    @Test
    void namesAreUniqueWithinAnOrganizationButNotAcrossThem() {
        var acme = mother.organization(Tier.GROWTH);
        var globex = mother.organization(Tier.GROWTH);
        Actor acmeOwner = mother.owner(acme);
        Actor globexOwner = mother.owner(globex);

        as(acmeOwner, () -> agents.create(acmeOwner, AgentMother.settings("Sales Assistant")));
        as(globexOwner, () -> agents.create(globexOwner, AgentMother.settings("Sales Assistant")));

        assertThatThrownBy(() -> as(acmeOwner, () -> agents.create(acmeOwner, AgentMother.settings("sales assistant"))))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("already exists");
        assertThat(count(acmeOwner)).isEqualTo(1);
        assertThat(count(globexOwner)).isEqualTo(1);
    }

    @Test
    void theFreePlanStopsAtTwoAgentsAndNamesTheTierThatAllowsMore() {
        var org = mother.organization(Tier.FREE);
        Actor owner = mother.owner(org);
        as(owner, () -> agents.create(owner, AgentMother.settings("One")));
        as(owner, () -> agents.create(owner, AgentMother.settings("Two")));

        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, AgentMother.settings("Three"))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Your Free plan allows 2 agents. The Starter plan allows more.");
        assertThatThrownBy(() -> as(owner, () -> agents.duplicate(owner, agents.list(owner, AgentQuery.firstPage())
                .items().get(0).id()))).isInstanceOf(ForbiddenException.class);
        assertThat(count(owner)).isEqualTo(2);
    }

    @Test
    void aModelAboveTheTierOrWithoutAKeyIsRefusedWithTheReason() {
        var org = mother.organization(Tier.FREE);
        Actor owner = mother.owner(org);
        var premium = AgentMother.withModel(AgentMother.settings("Premium"), m -> new AgentSettings.ModelConfig(
                "openai", "gpt-4o", m.temperature(), m.maxTokens(), m.topP(), null, null));
        var noKey = AgentMother.withModel(AgentMother.settings("No key"), m -> new AgentSettings.ModelConfig(
                "openai_compatible", "llama3.1", m.temperature(), m.maxTokens(), m.topP(), null, null));

        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, premium)))
                .hasMessageContaining("GPT-4o needs the Starter plan or higher.");
        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, noKey)))
                .hasMessageContaining("No OpenAI-compatible server is configured");
    }

    @Test
    void fallbackAndToolsMustComeFromTheCatalog() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        var halfFallback = AgentMother.withModel(AgentMother.settings("Half"), m -> new AgentSettings.ModelConfig(
                m.provider(), m.model(), m.temperature(), m.maxTokens(), m.topP(), "groq", null));
        var s = AgentMother.settings("Tools");
        var unknownTool = new AgentSettings(s.name(), s.description(), s.modelConfig(), s.personality(),
                s.instructions(), List.of("rm_rf"), s.memory(), false);
        var tooLong = AgentMother.withModel(AgentMother.settings("Long"), m -> new AgentSettings.ModelConfig(
                m.provider(), m.model(), m.temperature(), 100_000, m.topP(), null, null));

        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, halfFallback))).hasMessageContaining("or neither");
        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, unknownTool))).hasMessageContaining("Unknown tool 'rm_rf'");
        assertThatThrownBy(() -> as(owner, () -> agents.create(owner, tooLong))).hasMessageContaining("context window");

    }

    @Test
    void anOfflineAgentComesBackOnline() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        var agent = as(owner, () -> agents.create(owner, AgentMother.settings("Toggle")));

        assertThat(as(owner, () -> agents.setOnline(owner, agent.id(), false)).status()).isEqualTo(AgentStatus.OFFLINE);
        assertThat(as(owner, () -> agents.list(owner, new AgentQuery(AgentStatus.OFFLINE, null, null,
                AgentQuery.Sort.NAME, false, 20, 0))).items()).extracting(AgentView::id).containsExactly(agent.id());
        assertThat(as(owner, () -> agents.setOnline(owner, agent.id(), true)).status()).isEqualTo(AgentStatus.IDLE);
    }

    @Test
    void aDeletedAgentDisappearsEverywhereButItsRowAndFreesItsName() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        var agent = as(owner, () -> agents.create(owner, AgentMother.settings("Doomed")));

        as(owner, () -> {
            agents.delete(owner, agent.id());
            return null;
        });

        assertThatThrownBy(() -> as(owner, () -> agents.get(owner, agent.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(owner, () -> agents.update(owner, agent.id(), AgentMother.settings("Back"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(owner, () -> agents.list(owner, AgentQuery.firstPage())).total()).isZero();
        assertThat(as(owner, () -> agents.totals(owner)).agents()).isZero();
        Boolean rowKeptAsDeleted = as(owner, () -> transaction.execute(t -> jdbc.queryForObject(
                "SELECT deleted_at IS NOT NULL FROM agents WHERE id = ?", Boolean.class, agent.id())));
        assertThat(rowKeptAsDeleted).isTrue();
        assertThat(as(owner, () -> agents.create(owner, AgentMother.settings("Doomed"))).name()).isEqualTo("Doomed");
    }

    @Test
    void duplicatesGetAFreeName() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        var agent = as(owner, () -> agents.create(owner, AgentMother.settings("Original")));
        assertThat(as(owner, () -> agents.duplicate(owner, agent.id())).name()).isEqualTo("Original (copy)");
        assertThat(as(owner, () -> agents.duplicate(owner, agent.id())).name()).isEqualTo("Original (copy 2)");
    }

    @Test
    void membersMayReadAgentsButNotChangeThem() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        Actor member = mother.actor(mother.member(org, Role.MEMBER), org.id());
        var agent = as(owner, () -> agents.create(owner, AgentMother.settings("Read only")));

        assertThat(as(member, () -> agents.get(member, agent.id())).name()).isEqualTo("Read only");
        assertThatThrownBy(() -> as(member, () -> agents.create(member, AgentMother.settings("Nope"))))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("Admin role");
        assertThatThrownBy(() -> as(member, () -> {
            agents.delete(member, agent.id());
            return null;
        })).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theSystemPromptCombinesPersonalityAndInstructions() {
        var org = mother.organization(Tier.GROWTH);
        Actor owner = mother.owner(org);
        var agent = as(owner, () -> agents.create(owner, AgentMother.settings("Prompted")));
        assertThat(agent.systemPrompt()).startsWith("You are Prompted. Helps with tests.")
                .contains("You are friendly.").contains("Keep a professional tone.")
                .contains("## Instructions\nAnswer briefly.");
    }

    private long count(Actor actor) {
        return as(actor, () -> agents.list(actor, AgentQuery.firstPage()).total());
    }

    private static <T> T as(Actor actor, Supplier<T> work) {
        return TenantContext.callAs(actor.orgId(), work);
    }
}
