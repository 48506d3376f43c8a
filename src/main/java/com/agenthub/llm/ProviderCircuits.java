package com.agenthub.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per provider and key. It opens on a sustained failure rate (half of a run's calls over
 * the last minute, at least ten of them), not on a bad moment: a run's call counts once, as its outcome after
 * its retries, so weather that retries absorb never opens it. Refusals for bad requests or keys do not count:
 * the provider is working, and on the platform key one organization's bad requests must not pause everyone's.
 * When half-open, a few trial calls decide. Breakers of organizations' own keys come and go, so they are
 * held in a bounded cache.
 */
@Component
public class ProviderCircuits {

    static final int MINIMUM_CALLS = 10;

    private final CircuitBreakerConfig config;
    private final Cache<String, CircuitBreaker> breakers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(6)).build();

    ProviderCircuits(LlmProperties properties) {
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize(60)
                .minimumNumberOfCalls(MINIMUM_CALLS)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(e -> e instanceof ProviderException p && p.isTransient())
                .build();
    }

    public record CircuitView(String name, String state, float failureRate, int bufferedCalls) {
    }

    /**
     * One attempt of a run's call. A transient failure counts only when {@code lastAttempt} (no retry follows);
     * otherwise its permission is handed back uncounted.
     */
    <T> T call(Provider provider, String apiKey, boolean lastAttempt, Supplier<T> call) {
        if (provider == Provider.SANDBOX) {
            return call.get();
        }
        CircuitBreaker breaker = breakers.get(name(provider, apiKey), name -> CircuitBreaker.of(name, config));
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw ProviderException.circuitOpen(provider.label() + " has been failing repeatedly; calls to it are paused "
                    + "for a while (circuit open).");
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (ProviderException e) {
            if (e.isTransient() && !lastAttempt && !e.hasPartialOutput()) {
                breaker.releasePermission(); // retried: the run's outcome is what counts
            } else {
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            }
            throw e;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    /** For the system status page: every breaker with its state. */
    public List<CircuitView> states() {
        return breakers.asMap().values().stream()
                .map(b -> new CircuitView(b.getName(), b.getState().name(), b.getMetrics().getFailureRate(),
                        b.getMetrics().getNumberOfBufferedCalls()))
                .toList();
    }

    /** The breaker's name as listed in {@link #states()}: provider, and the platform key or a hash of the own key. */
    public static String name(Provider provider, String apiKey) {
        return provider.id() + (apiKey == null ? ":platform" : ":own-" + SecretDigest.shortHash(apiKey));
    }
}
