package com.agenthub.shared;

import java.util.concurrent.ThreadFactory;

/** Threads of the app's own background loops: named for thread dumps, and never holding the JVM open. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
