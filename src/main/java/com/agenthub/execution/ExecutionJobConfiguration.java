package com.agenthub.execution;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import com.agenthub.shared.VirtualThreads;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExecutionJobConfiguration {

    static final String TASK = "run-execution";

    @Bean
    OneTimeTask<ExecutionJob> runExecutionTask(ExecutionRunner runner) {
        return Tasks.oneTime(TASK, ExecutionJob.class)
                // A job only fails here when the database failed; provider failures are recorded on the
                // execution. Try again soon, backing off.
                .onFailure((complete, operations) -> {
                    int failures = complete.getExecution().consecutiveFailures;
                    long delayMs = Math.min(10_000, 250L << Math.min(failures, 6));
                    operations.reschedule(complete, Instant.now().plus(Duration.ofMillis(delayMs)));
                })
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getData()));
    }

    /**
     * On virtual threads a run waiting for its provider holds no platform thread, so an instance takes many
     * more jobs at once than {@code db-scheduler.threads}, which is sized for platform threads.
     */
    @Bean
    static BeanPostProcessor jobsOnVirtualThreads(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DbSchedulerProperties properties && Threading.VIRTUAL.isActive(environment)) {
                    properties.setThreads(environment.getProperty("agenthub.runs.jobs-on-virtual-threads", Integer.class, 2000));
                }
                return bean;
            }
        };
    }

    @Bean
    DbSchedulerCustomizer executionSchedulerCustomizer(Environment environment) {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<ExecutorService> executorService() {
                return VirtualThreads.executor(environment, "run-");
            }

            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new Serializer() {
                    @Override
                    public byte[] serialize(Object data) {
                        return ((ExecutionJob) data).serialize().getBytes(StandardCharsets.UTF_8);
                    }

                    @Override
                    public <T> T deserialize(Class<T> type, byte[] bytes) {
                        return type.cast(ExecutionJob.parse(new String(bytes, StandardCharsets.UTF_8)));
                    }
                });
            }

            /** Several instances may run on one host: the name must tell them apart. */
            @Override
            public Optional<SchedulerName> schedulerName() {
                String host;
                try {
                    host = InetAddress.getLocalHost().getHostName();
                } catch (Exception e) {
                    host = "agenthub";
                }
                return Optional.of(new SchedulerName.Fixed(host + "-" + ManagementFactory.getRuntimeMXBean().getPid()));
            }
        };
    }
}
