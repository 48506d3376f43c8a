package com.agenthub.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minimumTimeToStart a run with less time than this before its deadline is not started: its answer would
 *                           be cut off and thrown away after the provider had billed it
 */
@ConfigurationProperties("agenthub.runs")
record RunProperties(@DefaultValue("3s") Duration minimumTimeToStart) {
}
