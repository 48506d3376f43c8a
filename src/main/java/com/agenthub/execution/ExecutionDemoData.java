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
 * Three hundred past runs across Acme's agents over the last 30 days, priced from the catalog; the
 * agents' metrics are then recomputed from them. Seeded once.
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
            jdbc.sql("""
                    WITH agents AS (
                        SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM agents
                         WHERE org_id = :org AND deleted_at IS NULL),
                    runs AS (
                        SELECT i, (SELECT id FROM agents WHERE n = i % (SELECT count(*) FROM agents)) AS agent_id,
                               (ARRAY['SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED','SUCCEEDED',
                                      'SUCCEEDED','SUCCEEDED','FAILED','TIMED_OUT'])[1 + (i * 7) % 10] AS status,
                               (ARRAY['openai','anthropic','groq'])[1 + i % 3] AS provider,
                               (ARRAY['gpt-4o-mini','claude-haiku-4-5','llama-3.3-70b-versatile'])[1 + i % 3] AS model,
                               300 + (i * 37) % 1500 AS input_tokens, 80 + (i * 53) % 900 AS output_tokens,
                               now() - ((i * 143) % 43200 || ' minutes')::interval AS created_at
                          FROM generate_series(1, :runs) AS i)
                    INSERT INTO executions (id, org_id, agent_id, task, status, output, error, provider, model,
                                            input_tokens, output_tokens, cost, duration_ms, attempts, priority,
                                            requested_by, created_at, started_at, finished_at)
                    SELECT gen_random_uuid(), :org, r.agent_id,
                           (ARRAY['Draft a follow-up to a lead who went quiet', 'Summarize last week''s support tickets',
                                  'Explain the Q3 budget variance', 'Answer a question about parental leave',
                                  'Write three subject lines for the spring campaign'])[1 + r.i % 5] || ' (#' || r.i || ')',
                           r.status,
                           CASE WHEN r.status = 'SUCCEEDED' THEN 'Here is a draft for request #' || r.i || '.' END,
                           CASE r.status WHEN 'FAILED' THEN 'OpenAI is rate limiting requests (429).'
                                         WHEN 'TIMED_OUT' THEN 'The run passed its deadline.' END,
                           r.provider, r.model,
                           CASE WHEN r.status = 'SUCCEEDED' THEN r.input_tokens END,
                           CASE WHEN r.status = 'SUCCEEDED' THEN r.output_tokens END,
                           CASE WHEN r.status = 'SUCCEEDED' THEN round((r.input_tokens * m.input_price_per_mtok
                                + r.output_tokens * m.output_price_per_mtok) / 1000000, 8) ELSE 0 END,
                           800 + (r.i * 97) % 6000, 1, 50,
                           (SELECT id FROM users WHERE email = 'member@acme.test'),
                           r.created_at, r.created_at + interval '50 milliseconds',
                           r.created_at + ((800 + (r.i * 97) % 6000) || ' milliseconds')::interval
                      FROM runs r JOIN model_catalog m ON m.provider = r.provider AND m.model = r.model
                     WHERE r.agent_id IS NOT NULL""")
                    .param("org", DemoData.ACME).param("runs", RUNS).update();
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
