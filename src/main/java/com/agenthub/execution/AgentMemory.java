package com.agenthub.execution;

import com.agenthub.agent.AgentSettings;
import com.agenthub.agent.MemoryMode;
import com.agenthub.llm.ChatMessage;
import com.agenthub.llm.TokenEstimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Conversation memory per the agent's policy: the last messages that fit the token budget. */
@Component
class AgentMemory {

    private final JdbcClient jdbc;

    AgentMemory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChatMessage> recall(UUID orgId, UUID agentId, UUID userId, AgentSettings.Memory policy) {
        if (policy.mode() == MemoryMode.NONE || policy.maxMessages() == 0) {
            return List.of();
        }
        UUID owner = policy.mode() == MemoryMode.PER_USER ? userId : null;
        var rows = jdbc.sql("""
                        SELECT role, content, tokens FROM agent_memory
                         WHERE org_id = ? AND agent_id = ? AND user_id IS NOT DISTINCT FROM ?
                         ORDER BY id DESC LIMIT ?""")
                .params(orgId, agentId, owner, policy.maxMessages())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        List<ChatMessage> messages = new ArrayList<>();
        int budget = policy.tokenBudget();
        for (Row row : rows) {
            if (row.tokens > budget) {
                break;
            }
            budget -= row.tokens;
            messages.add(new ChatMessage(row.role.equals("USER") ? ChatMessage.Kind.USER : ChatMessage.Kind.ASSISTANT,
                    row.content));
        }
        Collections.reverse(messages);
        return messages;
    }

    void remember(UUID orgId, UUID agentId, UUID userId, AgentSettings.Memory policy, String task, String answer) {
        if (policy.mode() == MemoryMode.NONE) {
            return;
        }
        UUID owner = policy.mode() == MemoryMode.PER_USER ? userId : null;
        String insert = "INSERT INTO agent_memory (org_id, agent_id, user_id, role, content, tokens) VALUES (?, ?, ?, ?, ?, ?)";
        jdbc.sql(insert).params(orgId, agentId, owner, "USER", task, TokenEstimate.of(task)).update();
        jdbc.sql(insert).params(orgId, agentId, owner, "ASSISTANT", answer, TokenEstimate.of(answer)).update();
    }

    int clear(UUID orgId, UUID agentId) {
        return jdbc.sql("DELETE FROM agent_memory WHERE org_id = ? AND agent_id = ?").params(orgId, agentId).update();
    }

    private record Row(String role, String content, int tokens) {
    }
}
