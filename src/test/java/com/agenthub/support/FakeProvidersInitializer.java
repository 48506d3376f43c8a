package com.agenthub.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the OpenAI and Groq providers at the suite's fake server, keeping one shared context. */
public class FakeProvidersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = FakeOpenAi.shared().baseUrl();
        TestPropertyValues.of("agenthub.llm.openai-api-url=" + url, "agenthub.llm.groq-api-url=" + url).applyTo(context);
    }
}
