package com.agenthub.llm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;
import okhttp3.Interceptor;
import org.springframework.stereotype.Component;

/**
 * The HTTP calls in flight to providers, by the id {@link LlmClient} puts on each request it makes. Spring AI's
 * streaming ignores a cancelled subscription and lets the SDK read the answer to its end, so a stopped run
 * closes its own calls here: OkHttp's cancel closes the socket, and the provider stops generating (and billing).
 */
@Component
class ProviderCalls {

    /** Put on the request by us, taken off again before it leaves this process. */
    static final String HEADER = "X-AgentHub-Call";
    private static final List<Call> CLOSED = List.of();

    private final Map<String, List<Call>> open = new ConcurrentHashMap<>();

    Interceptor interceptor() {
        return chain -> {
            String id = chain.request().header(HEADER);
            if (id == null) {
                return chain.proceed(chain.request());
            }
            List<Call> calls = open.get(id);
            if (calls == null) {
                return chain.proceed(chain.request().newBuilder().removeHeader(HEADER).build());
            }
            if (calls == CLOSED) {
                chain.call().cancel(); // stopped before the request went out
            } else {
                calls.add(chain.call());
            }
            return chain.proceed(chain.request().newBuilder().removeHeader(HEADER).build());
        };
    }

    /** A new id for the calls of one completion; {@link #release} forgets it. */
    String open() {
        String id = java.util.UUID.randomUUID().toString();
        open.put(id, new CopyOnWriteArrayList<>());
        return id;
    }

    /** Closes every connection of these calls now, and any such call still to be made. */
    void cancel(String id) {
        List<Call> calls = open.get(id);
        if (calls != null && calls != CLOSED && open.replace(id, calls, CLOSED)) {
            calls.forEach(Call::cancel);
        }
    }

    /** The calls ended on their own: nothing to close, only to forget. */
    void release(String id) {
        open.remove(id);
    }

    int openCount() {
        return (int) open.values().stream().filter(calls -> calls != CLOSED).count();
    }
}
