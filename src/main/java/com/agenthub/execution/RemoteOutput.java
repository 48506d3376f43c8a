package com.agenthub.execution;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Watches runs that stream on whichever instance runs them, through {@link OutputChannel}: chunks carry
 * their offset, so each watcher passes on every character once and in order, and asks for the text
 * from the start again when it finds a gap.
 */
@Component
class RemoteOutput {

    /** One watcher of one run. Not thread-safe by itself: notifications arrive on one thread. */
    final class Watch {
        private final UUID executionId;
        private final Consumer<String> onText;
        private final Consumer<ExecutionStatus> onDone;
        private final Runnable onReset;
        private int attempt = -1;
        private int delivered;
        private boolean gap = true; // nothing received yet: the text so far is needed

        private Watch(UUID executionId, Consumer<String> onText, Consumer<ExecutionStatus> onDone, Runnable onReset) {
            this.executionId = executionId;
            this.onText = onText;
            this.onDone = onDone;
            this.onReset = onReset;
        }

        /** Characters passed on so far. */
        synchronized int delivered() {
            return delivered;
        }

        /** Renews the watch; called about twice a second while the watcher is open. */
        synchronized void renew() {
            channel.watch(executionId, gap);
        }

        void close() {
            watches.computeIfPresent(executionId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }

        private synchronized void text(int fromAttempt, int offset, String text) {
            if (fromAttempt < attempt) {
                return; // an instance that was frozen, still streaming an attempt another has started again
            }
            if (fromAttempt > attempt) {
                if (delivered > 0) {
                    onReset.run(); // started again elsewhere: the new attempt's text replaces the old
                }
                attempt = fromAttempt;
                delivered = 0;
                gap = true;
            }
            if (offset > delivered) {
                gap = true; // missed the start or a chunk: ask for everything again
                return;
            }
            gap = false;
            int end = offset + text.length();
            if (end > delivered) {
                onText.accept(text.substring(delivered - offset));
                delivered = end;
            }
        }
    }

    private final OutputChannel channel;
    private final Map<UUID, Set<Watch>> watches = new ConcurrentHashMap<>();

    RemoteOutput(OutputChannel channel) {
        this.channel = channel;
        channel.onOutput(this::received);
    }

    /** {@code onReset}: what was passed on so far belongs to an attempt that was started again; discard it. */
    Watch watch(UUID executionId, Consumer<String> onText, Consumer<ExecutionStatus> onDone, Runnable onReset) {
        Watch watch = new Watch(executionId, onText, onDone, onReset);
        watches.compute(executionId, (id, set) -> {
            Set<Watch> watchers = set == null ? ConcurrentHashMap.newKeySet() : set;
            watchers.add(watch);
            return watchers;
        });
        watch.renew();
        return watch;
    }

    /** "c|id|attempt|offset|text" or "d|id|STATUS". */
    private void received(String payload) {
        String[] parts = payload.split("\\|", 5);
        Set<Watch> set = watches.get(UUID.fromString(parts[1]));
        if (set == null) {
            return;
        }
        for (Watch watch : set) {
            if ("c".equals(parts[0])) {
                watch.text(Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), parts[4]);
            } else {
                watch.onDone.accept(ExecutionStatus.valueOf(parts[2]));
            }
        }
    }
}
