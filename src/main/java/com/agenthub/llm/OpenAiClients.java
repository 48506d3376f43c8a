package com.agenthub.llm;

import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.agenthub.shared.VirtualThreads;
import java.time.Duration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;
import org.springframework.core.env.Environment;

/**
 * Builds the OpenAI SDK clients behind an {@link OpenAiChatModel} ourselves, as Spring AI's own set-up would,
 * for two limits it leaves fixed: OkHttp lets 64 calls per client wait for their first byte at once, and the
 * SDK reads every streamed answer on a platform thread of its own. A burst of runs against a slow provider
 * queued behind the first and cost a thread each for the second.
 */
final class OpenAiClients {

    /** What Spring AI sends for a server that wants no key; the Authorization header is then removed. */
    private static final String NO_KEY = "no-auth-placeholder";

    private OpenAiClients() {
    }

    static OpenAiChatModel chatModel(String baseUrl, String apiKey, String model, Duration timeout, int maxConcurrentCalls,
                                     Environment environment, okhttp3.Interceptor calls) {
        var http = SpringAiOpenAiHttpClient.builder().timeout(timeout).interceptor(calls);
        VirtualThreads.executor(environment, "provider-call-").ifPresent(http::dispatcherExecutorService);
        boolean noKey = apiKey == null || apiKey.isEmpty();
        if (noKey) {
            http.interceptor(chain -> chain.proceed(chain.request().newBuilder().removeHeader("Authorization").build()));
        }
        SpringAiOpenAiHttpClient client = http.build();
        client.getOkHttpClient().dispatcher().setMaxRequests(maxConcurrentCalls);
        client.getOkHttpClient().dispatcher().setMaxRequestsPerHost(maxConcurrentCalls);
        var options = ClientOptions.builder().httpClient(client).baseUrl(baseUrl).apiKey(noKey ? NO_KEY : apiKey)
                .timeout(timeout).maxRetries(0);
        VirtualThreads.executor(environment, "provider-stream-").ifPresent(options::streamHandlerExecutor);
        ClientOptions built = options.build();
        return OpenAiChatModel.builder()
                .openAiClient(new OpenAIClientImpl(built))
                .openAiClientAsync(new OpenAIClientAsyncImpl(built))
                .options(OpenAiChatOptions.builder().baseUrl(baseUrl).apiKey(apiKey).model(model).maxRetries(0)
                        .timeout(timeout).streamUsage(true).build())
                .build();
    }
}
