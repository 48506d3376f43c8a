package com.agenthub.execution;

import com.agenthub.shared.DaemonThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The figures of Admin → System status as Prometheus gauges at {@code /actuator/prometheus}. They are
 * read from the database every few seconds, not on each scrape, so scrapes cost nothing.
 */
@Component
class RunMetrics {

    private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final SystemStatus status;
    private final AtomicReference<SystemStatus.Snapshot> latest = new AtomicReference<>();
    private final MultiGauge queue;
    private final MultiGauge runningByInstance;
    private final MultiGauge latency;
    private final MultiGauge circuits;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("run-metrics"));

    RunMetrics(SystemStatus status, MeterRegistry registry) {
        this.status = status;
        gauge(registry, "agenthub.runs.queued", "Runs waiting to start, all organizations", s -> s.queued());
        gauge(registry, "agenthub.runs.running", "Runs running, all organizations", s -> s.running());
        gauge(registry, "agenthub.runs.per.minute", "Runs finished a minute, over the last hour", s -> s.runsPerMinute());
        gauge(registry, "agenthub.runs.error.rate", "Share of runs finished in the last hour that did not succeed", s -> s.errorRate());
        gauge(registry, "agenthub.runs.oldest.queued.seconds", "Age of the oldest queued run",
                s -> s.oldestQueued() == null ? 0 : Duration.between(s.oldestQueued(), Instant.now()).toMillis() / 1000.0);
        queue = MultiGauge.builder("agenthub.queue.runs").description("Queued runs by priority; state: waiting for a slot, or dispatched")
                .register(registry);
        runningByInstance = MultiGauge.builder("agenthub.jobs.running").description("Jobs running, by instance").register(registry);
        latency = MultiGauge.builder("agenthub.provider.latency").baseUnit("milliseconds")
                .description("Run duration by provider over the last hour").register(registry);
        circuits = MultiGauge.builder("agenthub.circuit.state")
                .description("1 for the state each provider-and-key circuit breaker is in").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, Function<SystemStatus.Snapshot, Number> value) {
        Gauge.builder(name, latest, ref -> ref.get() == null ? Double.NaN : value.apply(ref.get()).doubleValue())
                .description(description).register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefreshing() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    void refresh() {
        try {
            SystemStatus.Snapshot s = status.snapshot();
            latest.set(s);
            List<MultiGauge.Row<?>> queueRows = new ArrayList<>();
            for (SystemStatus.QueueDepth q : s.queueByPriority()) {
                queueRows.add(MultiGauge.Row.of(Tags.of("priority", q.label().toLowerCase(), "state", "waiting"), q.waiting()));
                queueRows.add(MultiGauge.Row.of(Tags.of("priority", q.label().toLowerCase(), "state", "dispatched"), q.dispatched()));
            }
            queue.register(queueRows, true);
            runningByInstance.register(s.runningJobsByInstance().entrySet().stream()
                    .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("instance", e.getKey()), e.getValue())).toList(), true);
            List<MultiGauge.Row<?>> latencyRows = new ArrayList<>();
            for (SystemStatus.ProviderLatency l : s.latency()) {
                latencyRows.add(MultiGauge.Row.of(Tags.of("provider", l.provider(), "quantile", "0.5"), l.p50Ms()));
                latencyRows.add(MultiGauge.Row.of(Tags.of("provider", l.provider(), "quantile", "0.95"), l.p95Ms()));
            }
            latency.register(latencyRows, true);
            circuits.register(s.circuits().stream()
                    .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("name", c.name(), "state", c.state().toLowerCase()), 1))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the run metrics: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
