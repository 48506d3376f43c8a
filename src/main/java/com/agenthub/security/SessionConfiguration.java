package com.agenthub.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * Spring Boot builds the JDBC session repository, and backs off when the app declares one; so ours wraps
     * it as it is created (see {@link SessionWrites}).
     */
    @Bean
    static BeanPostProcessor fewerSessionWrites() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new SessionWrites(jdbc) : bean;
            }
        };
    }
}
