package org.chartscribe.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMessageConverterTest {

    @Test
    void lineBreaksAndControlCharactersInALoggedValueCannotStartANewLine() {
        String forged = "x\r\n2026-12-04T07:00:00.000Z  INFO 1 --- [main] o.c.api : patient Jane Doe\u2028\u001B[31m\ttab";

        String escaped = SafeMessageConverter.neutralise("request id " + forged);

        assertThat(escaped).doesNotContain("\n", "\r", "\t", "\u2028", "\u001B")
                .isEqualTo("request id x\\r\\n2026-12-04T07:00:00.000Z  INFO 1 --- [main] o.c.api : patient Jane Doe"
                        + "\\u2028\\u001B[31m\\ttab");
    }

    @Test
    void plainTextAndUnicodeAreLeftAlone() {
        assertThat(SafeMessageConverter.neutralise("GET /v1/note/{id} status=200 café ✓")).isEqualTo("GET /v1/note/{id} status=200 café ✓");
        assertThat(SafeMessageConverter.neutralise(null)).isNull();
    }
}
