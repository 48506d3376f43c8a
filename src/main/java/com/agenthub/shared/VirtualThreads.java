package com.agenthub.shared;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Executors of virtual threads where the JDK has them (21+) and {@code spring.threads.virtual.enabled} is on.
 * The code is compiled for Java 17, so it reaches them through Spring's multi-release delegate.
 */
public final class VirtualThreads {

    private VirtualThreads() {
    }

    /** A new virtual thread per task, named {@code prefix} plus a number; empty on platform threads. */
    public static Optional<ExecutorService> executor(Environment environment, String prefix) {
        if (!Threading.VIRTUAL.isActive(environment)) {
            return Optional.empty();
        }
        var factory = new VirtualThreadTaskExecutor(prefix).getVirtualThreadFactory();
        // No idle thread is kept: a virtual thread costs less to start than to park in a pool.
        return Optional.of(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                factory));
    }
}
