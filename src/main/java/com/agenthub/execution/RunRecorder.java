package com.agenthub.execution;

import com.agenthub.agent.AgentRuntime;
import com.agenthub.agent.RunnableAgent;
import com.agenthub.llm.ChatMessage;
import com.agenthub.llm.Completion;
import com.agenthub.llm.LlmClient;
import com.agenthub.llm.ModelCatalog;
import com.agenthub.llm.ModelTarget;
import com.agenthub.llm.ModelView;
import com.agenthub.llm.ProviderException;
import com.agenthub.llm.ProviderKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import com.agenthub.llm.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.core.retry.RetryException;
import reactor.core.publisher.Mono;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls the model for a started run (outside any transaction; the caller has bound the organization)
 * and records its outcome once: output, tokens, cost, the agent's metrics, memory, tool calls and events.
 */
@Component
class RunRecorder {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunRecorder.class);

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    static final int MAX_RETRIES = 3;

    record Outcome(ExecutionStatus status, String output, String error) {
    }

    /** What a started run carries into the model call. */
    record Run(UUID orgId, UUID executionId, RunnableAgent agent, UUID requestedBy, String task, ModelTarget target,
               List<ChatMessage> messages, int depth, java.time.Instant deadline) {
    }

    private final ExecutionRecords records;
    private final AgentRuntime agents;
    private final AgentMemory memory;
    private final LlmClient llm;
    private final ModelCatalog catalog;
    private final ProviderKeys providerKeys;
    private final ChildRuns children;
    private final TransactionTemplate transaction;
    private final RunControl control;

    RunRecorder(ExecutionRecords records, AgentRuntime agents, AgentMemory memory, LlmClient llm, ModelCatalog catalog,
                ProviderKeys providerKeys, ChildRuns children, TransactionTemplate transaction, RunControl control) {
        this.control = control;
        this.records = records;
        this.agents = agents;
        this.memory = memory;
        this.llm = llm;
        this.catalog = catalog;
        this.providerKeys = providerKeys;
        this.children = children;
        this.transaction = transaction;
    }

    /**
     * The event saying which model is called; the caller writes it in the transaction that started the run,
     * so a run costs one commit less.
     */
    void recordProviderCalled(UUID orgId, UUID executionId, ModelTarget target) {
        records.event(orgId, executionId, "PROVIDER_CALLED", "Calling " + target.provider().label() + " " + target.model() + ".");
    }

    /** Calls the model for a run whose PROVIDER_CALLED event is written (see {@link #recordProviderCalled}). */
    Outcome perform(Run run, Consumer<String> onChunk) {
        RunControl.Handle handle = control.register(run.orgId(), run.executionId(), run.deadline());
        try {
            return perform(run, onChunk, handle);
        } finally {
            control.unregister(run.executionId());
        }
    }

    private Outcome perform(Run run, Consumer<String> onChunk, RunControl.Handle handle) {
        UUID id = run.executionId();
        long began = System.nanoTime();
        RunTools tools = new RunTools(run.agent().settings().tools(),
                (agentName, question) -> children.ask(this, run, agentName, question));
        AtomicReference<ModelTarget> answering = new AtomicReference<>(run.target());
        try {
            Answer answer = answer(run, tools, onChunk, handle, answering);
            Completion completion = answer.completion();
            long durationMs = (System.nanoTime() - began) / 1_000_000;
            BigDecimal cost = cost(answer.target(), completion);
            if (completion.stopped()) {
                return stopped(run, tools, completion, cost, durationMs, handle.reason());
            }
            ExecutionStatus recorded = recordOutcome(s -> {
                ExecutionStatus outcome = ExecutionStatus.SUCCEEDED;
                if (records.finish(id, ExecutionStatus.SUCCEEDED, completion.text(), null, completion.inputTokens(),
                        completion.outputTokens(), cost, durationMs) == 1) {
                    recordToolCalls(run, tools);
                    memory.remember(run.orgId(), run.agent().id(), run.requestedBy(), run.agent().settings().memory(),
                            run.task(), completion.text());
                    records.event(run.orgId(), id, "FINISHED", completion.inputTokens() + " input and "
                            + completion.outputTokens() + " output tokens" + (completion.usageEstimated() ? " (estimated)" : "")
                            + ", $" + cost.toPlainString() + ", " + durationMs + " ms.");
                    // Last: the agent's row is shared by all its runs, so its lock is held only until the commit.
                    agents.recordRun(run.agent().id(), true, completion.inputTokens() + completion.outputTokens(), cost,
                            durationMs);
                } else {
                    outcome = cancelledMeanwhile(run, tools, completion, cost, durationMs);
                }
                agents.markIdleWhenNothingRuns(run.agent().id());
                return outcome;
            });
            return new Outcome(recorded, completion.text(), recorded == ExecutionStatus.SUCCEEDED ? null : "Cancelled.");
        } catch (ProviderException e) {
            long durationMs = (System.nanoTime() - began) / 1_000_000;
            // A stream that broke mid-way is billed for what it delivered, and its text is kept.
            Completion partial = e.hasPartialOutput() ? e.partial() : null;
            BigDecimal cost = partial == null ? BigDecimal.ZERO : cost(answering.get(), partial);
            ExecutionStatus recorded = recordOutcome(s -> {
                ExecutionStatus outcome = ExecutionStatus.FAILED;
                if (records.finish(id, ExecutionStatus.FAILED, partial == null ? null : partial.text(), e.getMessage(),
                        partial == null ? null : partial.inputTokens(), partial == null ? null : partial.outputTokens(),
                        cost, durationMs) == 1) {
                    recordToolCalls(run, tools);
                    records.event(run.orgId(), id, "FAILED", e.getMessage() + (partial == null ? ""
                            : " Kept " + partial.text().length() + " characters of output, "
                            + (partial.inputTokens() + partial.outputTokens()) + (partial.usageEstimated() ? " estimated" : "")
                            + " tokens, $" + cost.toPlainString() + "."));
                    agents.recordRun(run.agent().id(), false, partial == null ? 0 : partial.inputTokens() + partial.outputTokens(),
                            cost, durationMs);
                } else {
                    outcome = cancelledMeanwhile(run, tools, partial == null ? new Completion("", 0, 0, false, false, true)
                            : partial, cost, durationMs);
                }
                agents.markIdleWhenNothingRuns(run.agent().id());
                return outcome;
            });
            return new Outcome(recorded, partial == null ? null : partial.text(),
                    recorded == ExecutionStatus.FAILED ? e.getMessage() : "Cancelled.");
        }
    }

    /**
     * A cancel committed while the run was finishing: the cancel stands, and the run's whole result (its text,
     * tokens and cost) is recorded with it, so nothing it was billed for is lost. Returns what was recorded.
     */
    private ExecutionStatus cancelledMeanwhile(Run run, RunTools tools, Completion completion, BigDecimal cost,
                                               long durationMs) {
        if (records.completeCancelled(run.executionId(), completion.text(), completion.inputTokens(),
                completion.outputTokens(), cost, durationMs) == 1) {
            recordToolCalls(run, tools);
            records.event(run.orgId(), run.executionId(), "CANCELLED", "Cancelled as it finished; kept "
                    + completion.text().length() + " characters of output, " + (completion.inputTokens()
                    + completion.outputTokens()) + " tokens, $" + cost.toPlainString() + ".");
            agents.recordRun(run.agent().id(), false, completion.inputTokens() + completion.outputTokens(), cost, durationMs);
        }
        return records.find(run.executionId()).map(ExecutionView::status).orElse(ExecutionStatus.CANCELLED);
    }

    /**
     * The primary model, else the agent's fallback when the primary fails transiently (circuit open included)
     * before anything was streamed. When the last option's circuit is open, the run waits for a provider
     * (trying the primary again first) until its deadline.
     */
    private Answer answer(Run run, RunTools tools, Consumer<String> onChunk, RunControl.Handle handle,
                          AtomicReference<ModelTarget> answering) {
        AtomicBoolean streamed = new AtomicBoolean();
        ModelTarget primary = withOwnKey(run.orgId(), run.target());
        ModelTarget fallback = fallbackOf(run) == null ? null : withOwnKey(run.orgId(), fallbackOf(run));
        ModelTarget current = primary;
        boolean announcedWait = false;
        while (true) {
            answering.set(current);
            try {
                return new Answer(current, streamWithRetries(run, current, tools, onChunk, handle, streamed));
            } catch (ProviderException failure) {
                if (!failure.isTransient() || streamed.get() || handle.reason() != null) {
                    throw failure;
                }
                if (current == primary && fallback != null) {
                    current = fallback;
                    switchTo(run, fallback, "FALLBACK", failure.getMessage() + " Answering with "
                            + fallback.provider().label() + " " + fallback.model() + " instead.");
                    continue;
                }
                if (!failure.isCircuitOpen() || run.deadline() == null
                        || Instant.now().plusSeconds(1).isAfter(run.deadline())) {
                    throw !failure.isCircuitOpen() ? failure : failure.withSuffix(fallback == null
                            ? " The run has no fallback model and its time ran out."
                            : " Its fallback was paused as well, and the run's time ran out.");
                }
                if (!announcedWait) {
                    announcedWait = true;
                    String why = failure.getMessage() + (fallback == null
                            ? " No fallback model: waiting for the provider until the deadline."
                            : " The fallback is paused as well: waiting for either until the deadline.");
                    transaction.executeWithoutResult(s -> records.event(run.orgId(), run.executionId(), "WAITING", why));
                }
                handle.signal().timeout(Duration.ofSeconds(1), Mono.empty()).blockOptional(); // wakes early on cancel or deadline
                if (handle.reason() != null) {
                    return new Answer(current, new Completion("", 0, 0, true, false, true));
                }
                if (current != primary) {
                    current = primary;
                    switchTo(run, primary, "SWITCHED", "Trying " + primary.provider().label() + " " + primary.model() + " again.");
                }
            }
        }
    }

    private void switchTo(Run run, ModelTarget target, String kind, String message) {
        transaction.executeWithoutResult(s -> {
            records.useModel(run.executionId(), target.provider().id(), target.model());
            records.event(run.orgId(), run.executionId(), kind, message);
        });
    }

    private record Answer(ModelTarget target, Completion completion) {
    }

    private static ModelTarget fallbackOf(Run run) {
        var m = run.agent().settings().modelConfig();
        if (m.fallbackProvider() == null || m.fallbackModel() == null) {
            return null;
        }
        return Provider.fromId(m.fallbackProvider())
                .map(p -> new ModelTarget(p, m.fallbackModel(), run.target().temperature(), run.target().maxTokens(),
                        run.target().topP(), null))
                .orElse(null);
    }

    /**
     * Transient provider failures (429, 5xx, network) are retried with exponential backoff and jitter,
     * honouring Retry-After, but only while nothing has been streamed: a half-streamed answer is never
     * streamed twice.
     */
    private Completion streamWithRetries(Run run, ModelTarget target, RunTools tools, Consumer<String> onChunk,
                                         RunControl.Handle handle, AtomicBoolean streamed) {
        AtomicInteger attempt = new AtomicInteger();
        AtomicReference<String> lastFailure = new AtomicReference<>();
        ProviderBackOff backOff = new ProviderBackOff(MAX_RETRIES, run.deadline());
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .backOff(backOff)
                .predicate(t -> t instanceof ProviderException p && p.isTransient() && !p.isCircuitOpen()
                        && !streamed.get() && handle.reason() == null)
                .build());
        try {
            return retry.execute(() -> {
                int n = attempt.incrementAndGet();
                if (n > 1) {
                    transaction.executeWithoutResult(s -> {
                        records.countAttempt(run.executionId());
                        records.event(run.orgId(), run.executionId(), "RETRY", "Attempt " + n + " after: " + lastFailure.get());
                    });
                }
                try {
                    return llm.stream(target, run.messages(), tools.callbacks(), chunk -> {
                        streamed.set(true);
                        onChunk.accept(chunk);
                    }, handle.signal(), n > MAX_RETRIES);
                } catch (ProviderException e) {
                    lastFailure.set(e.getMessage());
                    backOff.providerAsked(e.retryAfter());
                    if (e.isTransient() && !e.isCircuitOpen() && !streamed.get() && n <= MAX_RETRIES) {
                        // The provider's weather, not our fault: one line, no stack trace.
                        log.warn("Execution {} attempt {} failed, retrying: {}", run.executionId(), n, e.getMessage());
                    }
                    throw e;
                }
            });
        } catch (RetryException e) {
            if (e.getCause() instanceof ProviderException failure) {
                throw attempt.get() > 1 ? failure.withSuffix(" (after " + attempt.get() + " attempts)") : failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cut short by a cancel or the deadline: the partial output and the tokens spent so far are kept. */
    private Outcome stopped(Run run, RunTools tools, Completion completion, BigDecimal cost, long durationMs,
                            ExecutionStatus reason) {
        UUID id = run.executionId();
        boolean timedOut = reason == ExecutionStatus.TIMED_OUT;
        int tokens = completion.inputTokens() + completion.outputTokens();
        String note = (completion.usageEstimated() ? "estimated " : "") + tokens + " tokens, $" + cost.toPlainString()
                + ", " + completion.text().length() + " characters of output kept.";
        ExecutionStatus recorded = recordOutcome(s -> {
            int written = timedOut
                    ? records.finish(id, ExecutionStatus.TIMED_OUT, completion.text(),
                            "The run passed its deadline and was stopped.", completion.inputTokens(),
                            completion.outputTokens(), cost, durationMs)
                    : records.completeCancelled(id, completion.text(), completion.inputTokens(), completion.outputTokens(),
                            cost, durationMs);
            ExecutionStatus outcome = timedOut ? ExecutionStatus.TIMED_OUT : ExecutionStatus.CANCELLED;
            if (written == 1) {
                recordToolCalls(run, tools);
                records.event(run.orgId(), id, timedOut ? "TIMED_OUT" : "CANCELLED", "Provider stream closed; " + note);
                agents.recordRun(run.agent().id(), false, tokens, cost, durationMs);
            } else {
                outcome = cancelledMeanwhile(run, tools, completion, cost, durationMs);
            }
            agents.markIdleWhenNothingRuns(run.agent().id());
            return outcome;
        });
        return new Outcome(recorded, completion.text(),
                recorded == ExecutionStatus.TIMED_OUT ? "The run passed its deadline." : "Cancelled.");
    }

    /** How long a finished run keeps trying to record its outcome while the database is unreachable. */
    private static final java.time.Duration RECORDING_PATIENCE = java.time.Duration.ofMinutes(2);

    /**
     * Records a run's outcome, waiting out a database outage: the answer is complete and paid for, and a job that
     * failed here would be started again after the run's deadline and end as timed out, its answer lost. Each write
     * is guarded by the run's status, so a commit whose acknowledgement was lost is not applied twice.
     */
    private ExecutionStatus recordOutcome(org.springframework.transaction.support.TransactionCallback<ExecutionStatus> write) {
        Instant giveUp = Instant.now().plus(RECORDING_PATIENCE);
        for (long wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
            try {
                return transaction.execute(write);
            } catch (org.springframework.transaction.CannotCreateTransactionException
                     | org.springframework.dao.DataAccessResourceFailureException
                     | org.springframework.dao.TransientDataAccessException
                     | org.springframework.transaction.TransactionSystemException e) {
                if (Instant.now().plusMillis(wait).isAfter(giveUp)) {
                    throw e;
                }
                log.warn("Recording a finished run failed ({}); trying again in {} ms", e.getClass().getSimpleName(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void recordToolCalls(Run run, RunTools tools) {
        tools.calls().forEach(call -> records.event(run.orgId(), run.executionId(), "TOOL_CALLED",
                call.tool() + "(" + call.input() + ") → " + call.result()));
    }

    /** An organization's own key for the provider, when it has one its plan lets it use. */
    private ModelTarget withOwnKey(UUID orgId, ModelTarget target) {
        return providerKeys.keyForRun(orgId, target.provider())
                .map(key -> new ModelTarget(target.provider(), target.model(), target.temperature(), target.maxTokens(),
                        target.topP(), key))
                .orElse(target);
    }

    private BigDecimal cost(ModelTarget target, Completion completion) {
        ModelView model = catalog.find(target.provider().id(), target.model()).orElse(null);
        if (model == null) {
            return BigDecimal.ZERO;
        }
        return cost(model, completion.inputTokens(), completion.outputTokens());
    }

    /** What the tokens cost at the model's catalog prices, in USD to 8 decimals. */
    static BigDecimal cost(ModelView model, long inputTokens, long outputTokens) {
        return model.inputPricePerMtok().multiply(BigDecimal.valueOf(inputTokens))
                .add(model.outputPricePerMtok().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 8, RoundingMode.HALF_UP);
    }
}
