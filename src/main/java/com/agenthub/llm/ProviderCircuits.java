package com.agenthub.llm;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per provider and key. After repeated transient failures (half of the last twenty
 * calls, at least ten) calls stop for a while, then one trial call decides whether they resume. Refusals
 * for bad requests or keys do not count: the provider is working.
 */
@Component
public class ProviderCircuits {

    private final CircuitBreakerRegistry registry;

    ProviderCircuits(LlmProperties properties) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(e -> e instanceof ProviderException p && p.isTransient())
                .build());
    }

    public record CircuitView(String name, String state, float failureRate, int bufferedCalls) {
    }

    <T> T call(Provider provider, String apiKey, Supplier<T> call) {
        if (provider == Provider.SANDBOX) {
            return call.get();
        }
        CircuitBreaker breaker = registry.circuitBreaker(name(provider, apiKey));
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            throw ProviderException.circuitOpen(provider.label() + " has been failing repeatedly; calls to it are paused "
                    + "for a while (circuit open).");
        }
    }

    /** For the system status page: every breaker with its state. */
    public List<CircuitView> states() {
        return registry.getAllCircuitBreakers().stream()
                .map(b -> new CircuitView(b.getName(), b.getState().name(), b.getMetrics().getFailureRate(),
                        b.getMetrics().getNumberOfBufferedCalls()))
                .toList();
    }

    /** The key's identity without the key: its provider and the first characters of its hash. */
    /** The breaker's name as listed in {@link #states()}: provider, and the platform key or a hash of the own key. */
    public static String name(Provider provider, String apiKey) {
        return provider.id() + (apiKey == null ? ":platform" : ":own-" + SecretDigest.shortHash(apiKey));
    }
}
