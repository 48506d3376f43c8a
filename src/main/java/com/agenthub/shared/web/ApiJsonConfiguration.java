package com.agenthub.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;

/** The API's JSON is strict on the way in and plain on the way out. */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

    /** Runs after Boot's own customizer, which turns unknown-property failures off. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    JsonMapperBuilderCustomizer strictApiJson() {
        return builder -> builder
                // a misspelt property would otherwise be dropped and the request "succeed" without it
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // costs are read by scripts: 0.00066, never 6.6E-4 or 0E-8
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new SimpleModule("agenthub-text").addDeserializer(String.class, new TextDeserializer()));
    }
}
