package com.agenthub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AgentHubApplication {

    public static void main(String[] args) {
        // On two cores the common pool has one thread, and CompletableFuture's async steps then start a new
        // thread per call: the OpenAI client does that for every streamed call (seen in a profile, one
        // thread per run). Those steps only start non-blocking requests, so a small shared pool serves them.
        if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null
                && Runtime.getRuntime().availableProcessors() < 4) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "4");
        }
        SpringApplication.run(AgentHubApplication.class, args);
    }
}
