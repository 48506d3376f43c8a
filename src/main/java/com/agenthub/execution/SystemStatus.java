package com.agenthub.execution;

import com.agenthub.llm.ProviderCircuits;
import com.agenthub.organization.AccessPolicy;
import com.agenthub.organization.Action;
import com.agenthub.organization.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a platform admin watches: the queue, who runs what, failure rates, provider latency and circuits. */
@Service
public class SystemStatus {

    private final AccessPolicy access;
    private final JdbcClient jdbc;
    private final ProviderCircuits circuits;

    SystemStatus(AccessPolicy access, JdbcClient jdbc, ProviderCircuits circuits) {
        this.access = access;
        this.jdbc = jdbc;
        this.circuits = circuits;
    }

    public record ProviderLatency(String provider, double p50Ms, double p95Ms, long calls) {
    }

    /** Queued runs of one priority: waiting for their organization's slot, or given a job and due to start. */
    public record QueueDepth(int priority, long waiting, long dispatched) {

        public String label() {
            return priority >= 90 ? "High" : priority <= 10 ? "Low" : "Normal";
        }
    }

    public record Snapshot(List<QueueDepth> queueByPriority, Map<String, Long> runningJobsByInstance, long queued,
                           long running, Instant oldestQueued, long finishedLastHour, double runsPerMinute,
                           double errorRate, List<ProviderLatency> latency, List<ProviderCircuits.CircuitView> circuits) {
    }

    @Transactional(readOnly = true)
    public Snapshot snapshot(Actor actor) {
        access.require(actor, Action.VIEW_SYSTEM_STATUS);
        return snapshot();
    }

    /** For the metrics endpoint, which has its own access check. */
    @Transactional(readOnly = true)
    Snapshot snapshot() {
        List<QueueDepth> byPriority = jdbc.sql("SELECT priority, waiting, dispatched FROM admin_queue_depth() ORDER BY priority DESC")
                .query((rs, n) -> new QueueDepth(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
        Map<String, Long> byInstance = new TreeMap<>();
        jdbc.sql("SELECT picked_by, count(*) FROM scheduled_tasks WHERE picked GROUP BY 1")
                .query((rs, n) -> Map.entry(String.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> byInstance.put(e.getKey(), e.getValue()));
        long[] totals = new long[4];
        Instant[] oldest = {null};
        List<ProviderLatency> latency = new ArrayList<>();
        jdbc.sql("SELECT * FROM admin_run_stats(?)").param(Timestamp.from(Instant.now().minusSeconds(3600)))
                .query(rs -> {
                    totals[0] = rs.getLong("finished");
                    totals[1] = rs.getLong("failed");
                    totals[2] = rs.getLong("running");
                    totals[3] = rs.getLong("queued");
                    Timestamp t = rs.getTimestamp("oldest_queued");
                    oldest[0] = t == null ? null : t.toInstant();
                    if (rs.getString("provider") != null) {
                        latency.add(new ProviderLatency(rs.getString("provider"), rs.getDouble("p50_ms"),
                                rs.getDouble("p95_ms"), rs.getLong("calls")));
                    }
                });
        return new Snapshot(byPriority, byInstance, totals[3], totals[2], oldest[0], totals[0], totals[0] / 60.0,
                totals[0] == 0 ? 0 : (double) totals[1] / totals[0], latency, circuits.states());
    }
}
