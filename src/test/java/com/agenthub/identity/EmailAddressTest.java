package com.agenthub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agenthub.shared.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void ordinaryAddressesPassNormalized() {
        assertThat(EmailAddress.validate("  First.Last+tag@Mail.Example.co.uk ")).isEqualTo("first.last+tag@mail.example.co.uk");
        assertThat(EmailAddress.validate("o'brien@example.ie")).isEqualTo("o'brien@example.ie");
        assertThat(EmailAddress.validate("x_y-z@xn--80ak6aa92e.com")).isEqualTo("x_y-z@xn--80ak6aa92e.com");
    }

    @Test
    void markupIsRefused() {
        refused("<script>alert(1)</script>@example.com", "valid email");
        refused("\"><img src=x onerror=alert(1)>@example.com", "valid email");
        refused("a@example.com<b>", "valid email");
        refused("a b@example.com", "valid email");
    }

    @Test
    void addressesWithoutARealDomainAreRefused() {
        refused("a@b", "valid email");
        refused("a@localhost", "valid email");
        refused("a@@example.com", "valid email");
        refused("a@-example.com", "valid email");
        refused("a..b@example.com", "valid email");
        refused(".a@example.com", "valid email");
        refused("@example.com", "valid email");
    }

    @Test
    void lookalikeUnicodeIsRefusedWithAClearMessage() {
        refused("\u0440\u0430\u0443\u0440\u0430l@example.com", "plain ASCII"); // Cyrillic "paypal"
        refused("user@\u0440\u0430\u0443\u0440\u0430l.com", "xn--");
        refused("admin\uFF20example.com", "plain ASCII"); // fullwidth @
        refused("ad\u200Bmin@example.com", "plain ASCII"); // zero-width space
    }

    @Test
    void overlongAddressesAreRefused() {
        refused("a".repeat(65) + "@example.com", "valid email");
        refused("a@" + "b".repeat(250) + ".com", "254 characters");
    }

    private static void refused(String email, String message) {
        assertThatThrownBy(() -> EmailAddress.validate(email)).as(email)
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(message);
    }
}
