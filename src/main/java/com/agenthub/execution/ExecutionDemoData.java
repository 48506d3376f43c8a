package com.agenthub.execution;

import com.agenthub.organization.DemoData;
import com.agenthub.shared.tenancy.TenantContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three hundred past runs across Acme's agents over the last 30 days, each as its agent would have recorded it,
 * with its timeline; the agents' metrics are then recomputed from them. Seeded once.
 */
@Component
@Profile("demo")
@Order(30)
class ExecutionDemoData implements ApplicationRunner {

    static final int RUNS = 300;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ExecutionDemoData(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantContext.runAs(DemoData.ACME, () -> transaction.executeWithoutResult(status -> {
            long existing = jdbc.sql("SELECT count(*) FROM executions WHERE org_id = ?").param(DemoData.ACME)
                    .query(Long.class).single();
            if (existing > 0) {
                return;
            }
            // Each run is what the agent, as configured, would have recorded: its own provider and model (the demo's
            // agents use the free sandbox), sandbox-sized token counts, and a timeline like a live run's. Most runs
            // succeed; some were cancelled by the member part-way through; a few were never started because the
            // agent had been taken offline.
            jdbc.sql("""
                    WITH agents AS (
                        SELECT id, name, provider, model, row_number() OVER (ORDER BY name) - 1 AS n FROM agents
                         WHERE org_id = :org AND deleted_at IS NULL),
                    runs AS (
                        SELECT i, a.id AS agent_id, a.name AS agent_name, a.provider, a.model,
                               (ARRAY['SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED',
                                      'SUCCEEDED','SUCCEEDED','CANCELLED','FAILED'])[1 + (i * 7) % 10] AS status,
                               300 + (i * 37) % 1500 AS input_tokens, 80 + (i * 53) % 900 AS output_tokens,
                               400 + (i * 97) % 2600 AS duration_ms,
                               now() - ((i * 143) % 43200 || ' minutes')::interval AS created_at
                          FROM generate_series(1, :runs) AS i
                          JOIN agents a ON a.n = i % (SELECT count(*) FROM agents))
                    INSERT INTO executions (id, org_id, agent_id, task, status, output, error, provider, model,
                                            input_tokens, output_tokens, cost, duration_ms, attempts, priority,
                                            requested_by, created_at, started_at, finished_at)
                    SELECT md5('demo-run-' || r.i)::uuid, :org, r.agent_id,
                           (ARRAY['Draft a follow-up to a lead who went quiet', 'Summarize last week''s support tickets',
                                  'Explain the Q3 budget variance', 'Answer a question about parental leave',
                                  'Write three subject lines for the spring campaign'])[1 + r.i % 5] || ' (#' || r.i || ')',
                           r.status,
                           CASE r.status WHEN 'SUCCEEDED' THEN '> Simulated answer from the sandbox model: no real LLM was called.'
                                              || E'\n\n**' || r.agent_name || '** drafted an answer to request #' || r.i || '.'
                                         WHEN 'CANCELLED' THEN '> Simulated answer from the sandbox model: no real LLM was called.'
                                              || E'\n\n**' || r.agent_name || '** was' END,
                           CASE r.status WHEN 'CANCELLED' THEN 'Cancelled by member@acme.test.'
                                         WHEN 'FAILED' THEN 'The agent is offline.' END,
                           CASE WHEN r.status <> 'FAILED' THEN r.provider END, CASE WHEN r.status <> 'FAILED' THEN r.model END,
                           CASE WHEN r.status <> 'FAILED' THEN r.input_tokens END,
                           CASE r.status WHEN 'SUCCEEDED' THEN r.output_tokens WHEN 'CANCELLED' THEN r.output_tokens / 4 END,
                           CASE WHEN r.status = 'FAILED' THEN NULL ELSE round((r.input_tokens * coalesce(m.input_price_per_mtok, 0)
                                + r.output_tokens * coalesce(m.output_price_per_mtok, 0)) / 1000000, 8) END,
                           CASE WHEN r.status = 'FAILED' THEN NULL WHEN r.status = 'CANCELLED' THEN r.duration_ms / 3 ELSE r.duration_ms END,
                           CASE WHEN r.status = 'FAILED' THEN 0 ELSE 1 END, 50,
                           (SELECT id FROM users WHERE email = 'member@acme.test'),
                           r.created_at, CASE WHEN r.status <> 'FAILED' THEN r.created_at + interval '40 milliseconds' END,
                           r.created_at + interval '40 milliseconds' + ((CASE WHEN r.status = 'FAILED' THEN 0
                                WHEN r.status = 'CANCELLED' THEN r.duration_ms / 3 ELSE r.duration_ms END) || ' milliseconds')::interval
                      FROM runs r LEFT JOIN model_catalog m ON m.provider = r.provider AND m.model = r.model""")
                    .param("org", DemoData.ACME).param("runs", RUNS).update();
            jdbc.sql("""
                    INSERT INTO execution_events (org_id, execution_id, kind, message, created_at)
                    SELECT e.org_id, e.id, ev.kind, ev.message, ev.at
                      FROM executions e
                      JOIN agents a ON a.id = e.agent_id
                     CROSS JOIN LATERAL (VALUES
                           (1, 'QUEUED', 'Queued by member@acme.test.', e.created_at),
                           (2, CASE WHEN e.status = 'FAILED' THEN 'FAILED' ELSE 'STARTED' END,
                               CASE WHEN e.status = 'FAILED' THEN 'Not started: the agent is unavailable.' ELSE 'Run started.' END,
                               e.created_at + interval '30 milliseconds'),
                           (3, CASE WHEN e.status <> 'FAILED' THEN 'PROMPT_BUILT' END, '2 messages, 0 from memory.',
                               e.created_at + interval '35 milliseconds'),
                           (4, CASE WHEN e.status <> 'FAILED' THEN 'PROVIDER_CALLED' END,
                               'Calling ' || CASE coalesce(e.provider, a.provider) WHEN 'openai' THEN 'OpenAI' WHEN 'groq' THEN 'Groq'
                                   WHEN 'anthropic' THEN 'Anthropic' WHEN 'openai_compatible' THEN 'OpenAI-compatible server'
                                   ELSE 'Sandbox' END || ' ' || coalesce(e.model, a.model) || '.',
                               e.created_at + interval '40 milliseconds'),
                           (5, CASE e.status WHEN 'SUCCEEDED' THEN 'FINISHED' WHEN 'CANCELLED' THEN 'CANCEL_REQUESTED' END,
                               CASE e.status WHEN 'SUCCEEDED' THEN e.input_tokens || ' input and ' || e.output_tokens
                                        || ' output tokens, $' || e.cost || ', ' || e.duration_ms || ' ms.'
                                    ELSE 'Cancelled by member@acme.test.' END, e.finished_at),
                           (6, CASE WHEN e.status = 'CANCELLED' THEN 'CANCELLED' END,
                               'Provider stream closed; ' || (e.input_tokens + e.output_tokens) || ' tokens, $' || e.cost
                                        || ', ' || length(e.output) || ' characters of output kept.', e.finished_at)
                           ) AS ev(step, kind, message, at)
                     WHERE e.org_id = :org AND ev.kind IS NOT NULL
                     ORDER BY e.created_at, ev.step""")
                    .param("org", DemoData.ACME).update();
            jdbc.sql("""
                    UPDATE agents a SET runs = x.runs, successes = x.successes, total_tokens = x.tokens,
                           total_cost = x.cost, total_duration_ms = x.duration, last_run_at = x.last_run
                      FROM (SELECT agent_id, count(*) AS runs, count(*) FILTER (WHERE status = 'SUCCEEDED') AS successes,
                                   coalesce(sum(input_tokens + output_tokens), 0) AS tokens, coalesce(sum(cost), 0) AS cost,
                                   coalesce(sum(duration_ms), 0) AS duration, max(finished_at) AS last_run
                              FROM executions WHERE org_id = :org GROUP BY agent_id) x
                     WHERE a.id = x.agent_id""")
                    .param("org", DemoData.ACME).update();
            jdbc.sql("""
                    INSERT INTO execution_usage (org_id, month, executions)
                    SELECT org_id, date_trunc('month', created_at)::date, count(*) FROM executions WHERE org_id = :org GROUP BY 1, 2
                    ON CONFLICT (org_id, month) DO UPDATE SET executions = excluded.executions""")
                    .param("org", DemoData.ACME).update();
        }));
    }
}
