package com.agenthub.execution;

import com.agenthub.shared.DaemonThreads;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live output between instances over PostgreSQL LISTEN/NOTIFY, so no coordination service beyond the
 * database is needed. An instance watching a run asks on {@value #WATCH}; the instance streaming it
 * answers on {@value #OUTPUT} with the text so far and then each chunk, with its offset, for as long as
 * it is asked. Nothing is sent for runs nobody watches from elsewhere.
 */
@Component
class OutputChannel {

    static final String OUTPUT = "agenthub_output";
    static final String WATCH = "agenthub_watch";
    /** NOTIFY payloads are limited to 8,000 bytes; 2,000 chars stay under it in any UTF-8. */
    private static final int PIECE = 2_000;

    private static final Logger log = LoggerFactory.getLogger(OutputChannel.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final List<Consumer<String>> outputReceivers = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> watchReceivers = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String[]> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final ExecutorService flusher = Executors.newSingleThreadExecutor(DaemonThreads.named("output-notify"));
    private volatile boolean running = true;
    private volatile Thread listener;

    OutputChannel(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    void onOutput(Consumer<String> receiver) {
        outputReceivers.add(receiver);
    }

    void onWatch(Consumer<String> receiver) {
        watchReceivers.add(receiver);
    }

    /** Text of one attempt of a run, starting at {@code offset} characters into that attempt's output. */
    void chunk(UUID executionId, int attempt, int offset, String text) {
        for (int i = 0; i < text.length(); i += PIECE) {
            send(OUTPUT, "c|" + executionId + "|" + attempt + "|" + (offset + i) + "|"
                    + text.substring(i, Math.min(text.length(), i + PIECE)));
        }
    }

    void done(UUID executionId, ExecutionStatus status) {
        send(OUTPUT, "d|" + executionId + "|" + status.name());
    }

    /** Asks whichever instance streams the run to relay it; {@code replay}: from the start. */
    void watch(UUID executionId, boolean replay) {
        send(WATCH, executionId + "|" + (replay ? "1" : "0"));
    }

    private void send(String channel, String payload) {
        outgoing.add(new String[] {channel, payload});
        if (flushPending.compareAndSet(false, true)) {
            flusher.execute(this::flush);
        }
    }

    /** Everything queued meanwhile goes in one statement; notifications of one session arrive in order. */
    private void flush() {
        flushPending.set(false);
        List<String> channels = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (String[] message; (message = outgoing.poll()) != null; ) {
            channels.add(message[0]);
            payloads.add(message[1]);
        }
        if (channels.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("SELECT count(pg_notify(c, p)) FROM unnest(?::text[], ?::text[]) AS t(c, p)")
                    .params(channels.toArray(String[]::new), payloads.toArray(String[]::new))
                    .query().singleRow();
        } catch (RuntimeException e) {
            log.warn("Could not notify other instances of live output ({} messages): {}", channels.size(), e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startListening() {
        listener = DaemonThreads.named("output-listen").newThread(this::listen);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + OUTPUT);
                    statement.execute("LISTEN " + WATCH);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(250);
                        if (notifications != null) {
                            for (PGNotification n : notifications) {
                                deliver(n);
                            }
                        }
                    }
                } finally {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UNLISTEN *"); // the connection goes back to the pool
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Listening for live output of other instances failed; reconnecting: {}", e.toString());
                    sleep(1_000);
                }
            }
        }
    }

    private void deliver(PGNotification notification) {
        var receivers = OUTPUT.equals(notification.getName()) ? outputReceivers : watchReceivers;
        for (Consumer<String> receiver : receivers) {
            try {
                receiver.accept(notification.getParameter());
            } catch (RuntimeException e) {
                log.warn("A live output receiver failed: {}", e.toString());
            }
        }
    }

    /** Before the pool closes the listening connection, so that closing it is not taken for a failure. */
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stopListening() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                thread.join(2_000); // it returns its connection within one 250 ms wait, before the database stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        flusher.shutdown();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
