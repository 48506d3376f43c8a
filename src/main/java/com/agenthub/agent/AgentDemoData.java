package com.agenthub.agent;

import com.agenthub.identity.UserAccounts;
import com.agenthub.organization.Actor;
import com.agenthub.organization.DemoData;
import com.agenthub.organization.MembershipDirectory;
import com.agenthub.shared.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's agents, on the offline sandbox model so the demo needs no provider key. Idempotent by name. */
@Component
@Profile("demo")
@Order(20)
class AgentDemoData implements ApplicationRunner {

    private final AgentService agents;
    private final AgentRepository repository;
    private final UserAccounts users;
    private final MembershipDirectory directory;
    private final TransactionTemplate transaction;

    AgentDemoData(AgentService agents, AgentRepository repository, UserAccounts users, MembershipDirectory directory,
                  TransactionTemplate transaction) {
        this.transaction = transaction;
        this.agents = agents;
        this.repository = repository;
        this.users = users;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed(DemoData.ACME, "owner@acme.test", List.of(
                agent("Sales Assistant", "Qualifies leads and drafts replies to sales inquiries.",
                        List.of("friendly", "persuasive"), Tone.ENTHUSIASTIC, Behavior.HELPFUL, LanguageStyle.CONVERSATIONAL,
                        "Answer questions about our plans and pricing. Always suggest a concrete next step, such as a demo call.",
                        List.of("calculator"), MemoryMode.PER_USER),
                agent("Marketing Writer", "Writes campaign copy, subject lines and social posts.",
                        List.of("creative", "on-brand"), Tone.CASUAL, Behavior.DIRECT, LanguageStyle.CONCISE,
                        "Write in our brand voice: clear, warm, no jargon. Offer three variants when asked for copy.",
                        List.of(), MemoryMode.PER_AGENT),
                agent("Finance Analyst", "Explains numbers, budgets and variances.",
                        List.of("precise", "cautious"), Tone.FORMAL, Behavior.TECHNICAL, LanguageStyle.DETAILED,
                        "Show your calculations. Flag any assumption explicitly. Never give investment advice.",
                        List.of("calculator", "current_time"), MemoryMode.NONE),
                agent("Support Agent", "Answers customer questions and troubleshoots problems.",
                        List.of("patient", "reassuring"), Tone.PROFESSIONAL, Behavior.EMPATHETIC, LanguageStyle.CONVERSATIONAL,
                        "Acknowledge the problem, ask for the error message if missing, then give numbered steps.",
                        List.of("current_time"), MemoryMode.PER_USER),
                agent("HR Helper", "Answers questions about policies, leave and onboarding.",
                        List.of("discreet", "fair"), Tone.PROFESSIONAL, Behavior.HELPFUL, LanguageStyle.CONCISE,
                        "Quote the relevant policy section. For personal cases, refer the employee to an HR partner.",
                        List.of(), MemoryMode.NONE)));
        seed(DemoData.GLOBEX, "owner@globex.test", List.of(
                agent("Globex Helpdesk", "First-line IT support for Globex staff.",
                        List.of("calm"), Tone.CASUAL, Behavior.DIRECT, LanguageStyle.CONCISE,
                        "Solve common IT issues: passwords, VPN, printers. Escalate hardware faults.",
                        List.of(), MemoryMode.NONE)));
    }

    private void seed(UUID orgId, String ownerEmail, List<AgentSettings> wanted) {
        var owner = users.findByEmail(ownerEmail).orElseThrow();
        var memberships = directory.membershipsOf(owner.id());
        var membership = memberships.stream().filter(m -> m.orgId().equals(orgId)).findFirst().orElseThrow();
        Actor actor = new Actor(owner, membership, memberships);
        // One transaction with the organization bound: outside it, row-level security shows no agents at all.
        TenantContext.runAs(orgId, () -> transaction.executeWithoutResult(status -> {
            for (AgentSettings settings : wanted) {
                if (!repository.existsByOrgIdAndNameIgnoreCaseAndDeletedAtIsNull(orgId, settings.name())) {
                    agents.create(actor, settings);
                }
            }
        }));
    }

    private static AgentSettings agent(String name, String description, List<String> traits, Tone tone,
                                       Behavior behavior, LanguageStyle style, String instructions, List<String> tools,
                                       MemoryMode memory) {
        return new AgentSettings(name, description,
                new AgentSettings.ModelConfig("sandbox", "sandbox", new BigDecimal("0.70"), 1024, BigDecimal.ONE, null, null),
                new AgentSettings.Personality(traits, tone, behavior, style), instructions, tools,
                new AgentSettings.Memory(memory, 10, 4000), false);
    }
}
