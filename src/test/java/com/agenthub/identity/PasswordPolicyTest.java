package com.agenthub.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.shared.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void theMostCommonPasswordsAreRefused() {
        for (String common : new String[] {"password123", "Password123", "qwertyuiop", "1234567890", "iloveyou12345",
                "PASSWORD1!!!"}) {
            assertThatThrownBy(() -> policy.check(common)).as(common)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("most common");
        }
    }

    @Test
    void repeatedCharactersPatternsAndRunsAreRefused() {
        for (String simple : new String[] {"aaaaaaaaaa", "ZZZZZZZZZZZZ", "ababababab", "abcabcabcabc", "abcdefghijk",
                "9876543210", "xyxyxyzzzz"}) {
            assertThatThrownBy(() -> policy.check(simple)).as(simple)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("too simple");
        }
    }

    @Test
    void shortPasswordsAreRefusedAndOrdinaryGoodOnesPass() {
        assertThatThrownBy(() -> policy.check("short")).hasMessageContaining("at least 10");
        for (String good : new String[] {"correct-horse-battery", "demo-password", "another-long-password",
                "a-long-enough-password", "long-enough-pw", "Tr0ub4dor&3x"}) {
            assertThatCode(() -> policy.check(good)).as(good).doesNotThrowAnyException();
        }
    }
}
