package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmartCookiesTest {

    @Test
    void secureExceptOnPlainHttpLoopback() {
        assertThat(SmartCookies.secure("https", "chartscribe.example")).isTrue();
        assertThat(SmartCookies.secure("http", "chartscribe.example")).isTrue();
        assertThat(SmartCookies.secure("https", "localhost")).isTrue();
        assertThat(SmartCookies.secure("http", "localhost")).isFalse();
        assertThat(SmartCookies.secure("http", "127.0.0.1")).isFalse();
        assertThat(SmartCookies.secure("http", "[::1]")).isFalse();
    }

    @Test
    void secureCookiesAreSameSiteNoneAndPartitionedForTheEhrFrame() {
        String header = SmartCookies.header(SmartCookies.SESSION, "v", "/", Duration.ofHours(8), true);
        assertThat(header).startsWith("cs_smart_session=v; Path=/; Max-Age=28800; Expires=")
                .contains("; Secure", "; HttpOnly", "; SameSite=None", "; Partitioned");
    }

    @Test
    void localCookiesAreLaxAndNotSecure() {
        String header = SmartCookies.header(SmartCookies.SESSION, "v", "/", Duration.ofHours(8), false);
        assertThat(header).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure", "Partitioned");
    }
}
