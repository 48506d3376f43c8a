package com.agenthub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param metricsToken the Bearer token Prometheus sends (AGENTHUB_METRICS_TOKEN); blank: loopback only */
@ConfigurationProperties("agenthub")
record SecuritySettings(@DefaultValue("") String metricsToken) {
}
