package com.agenthub.team;

import com.agenthub.agent.AgentMother;
import com.agenthub.agent.AgentService;
import com.agenthub.agent.AgentSettings;
import com.agenthub.organization.OrganizationMother;
import com.agenthub.shared.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Teams for tests: agents on the fake provider (or the sandbox), one per role, the first role leading. */
@Component
public class TeamMother {

    private final OrganizationMother organizations;
    private final AgentService agents;
    private final TeamService teams;

    TeamMother(OrganizationMother organizations, AgentService agents, TeamService teams) {
        this.organizations = organizations;
        this.agents = agents;
        this.teams = teams;
    }

    public TeamView team(OrganizationMother.TestOrg org, TeamPattern pattern, BigDecimal costCap, String... roles) {
        return team(org, pattern, costCap, true, roles);
    }

    /** {@code fake}: agents on the fake OpenAI server; otherwise on the sandbox model. */
    public TeamView team(OrganizationMother.TestOrg org, TeamPattern pattern, BigDecimal costCap, boolean fake, String... roles) {
        var owner = organizations.owner(org);
        return TenantContext.callAs(org.id(), () -> {
            List<TeamMemberSpec> members = new ArrayList<>();
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < roles.length; i++) {
                AgentSettings settings = fake ? AgentMother.onFakeOpenAi(roles[i] + " " + suffix)
                        : AgentMother.settings(roles[i] + " " + suffix);
                UUID agentId = agents.create(owner, settings).id();
                members.add(new TeamMemberSpec(agentId, roles[i], i == 0));
            }
            return teams.create(owner, new TeamSettings(pattern.label() + " team " + suffix, "For tests", pattern, members,
                    2, 6, costCap, 120));
        });
    }
}
