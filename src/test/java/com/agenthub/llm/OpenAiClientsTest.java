package com.agenthub.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agenthub.support.FakeOpenAi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.env.StandardEnvironment;

/** The OpenAI clients we build, over real HTTP against the fake provider. */
class OpenAiClientsTest {

    private final FakeOpenAi fake = FakeOpenAi.shared();
    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void moreThanSixtyFourStreamedCallsWaitForTheProviderAtOnce() throws Exception {
        String marker = "[held " + UUID.randomUUID() + "]";
        CountDownLatch release = fake.hold(marker);
        var model = OpenAiClients.chatModel(fake.baseUrl(), "test-key", "gpt-4o-mini", Duration.ofSeconds(60), 2_000,
                environment, new ProviderCalls().interceptor());
        int calls = 100; // OkHttp's default would let 64 through and queue the rest behind them
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String task = marker + " question " + i;
                answers.add(callers.submit(() -> model.stream(new Prompt(task))
                        .map(response -> response.getResult() == null || response.getResult().getOutput().getText() == null
                                ? "" : response.getResult().getOutput().getText())
                        .collect(Collectors.joining()).block()));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> fake.requestsContaining(marker).size() == calls);
            release.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isNotBlank();
            }
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void anEmptyKeySendsNoAuthorizationHeader() {
        String marker = "[no key " + UUID.randomUUID() + "]";
        var model = OpenAiClients.chatModel(fake.baseUrl(), "", "local-model", Duration.ofSeconds(30), 2_000, environment, new ProviderCalls().interceptor());

        String answer = model.call(new Prompt(marker)).getResult().getOutput().getText();

        assertThat(answer).isNotBlank();
        assertThat(fake.authorizationsFor(marker)).containsExactly("null");
    }
}
