package com.agenthub.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void recognisesANulRefusedByPostgres() {
        assertThat(StorableText.isUnstorableText(new RuntimeException(new SQLException("invalid byte", "22021")))).isTrue();
    }

    @Test
    void anSqlExceptionWithoutAStateIsNotBadInput() {
        // as a connection dropped in an outage gives; the check threw inside the error handler
        assertThat(StorableText.isUnstorableText(new RuntimeException(new SQLException("This connection has been closed."))))
                .isFalse();
    }
}
