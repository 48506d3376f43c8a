package com.agenthub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void readsMillisecondsSecondsAndDates() {
        assertThat(ProviderFailures.parseRetryAfter("1500", "9")).isEqualTo(Duration.ofMillis(1_500));
        assertThat(ProviderFailures.parseRetryAfter(null, "2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProviderFailures.parseRetryAfter(null, "0.5")).isEqualTo(Duration.ofMillis(500));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(ProviderFailures.parseRetryAfter(null, inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(ProviderFailures.parseRetryAfter(null, null)).isNull();
        assertThat(ProviderFailures.parseRetryAfter(null, "soon")).isNull();
        assertThat(ProviderFailures.parseRetryAfter("-5", null)).isEqualTo(Duration.ZERO);
    }
}
