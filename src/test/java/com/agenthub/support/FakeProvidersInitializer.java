package com.agenthub.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the OpenAI and Groq providers at the suite's fake server, keeping one shared context. */
public class FakeProvidersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        FakeOpenAi fake = FakeOpenAi.shared();
        TestPropertyValues.of("agenthub.llm.openai-api-url=" + fake.baseUrl(), "agenthub.llm.groq-api-url=" + fake.baseUrl(),
                "agenthub.llm.anthropic-api-url=" + fake.anthropicBaseUrl()).applyTo(context);
    }
}
