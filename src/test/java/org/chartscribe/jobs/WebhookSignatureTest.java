package org.chartscribe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    @Test
    void matchesTheHmacOfTimestampDotBody() {
        // expected value computed independently with Python: hmac.new(secret, b"1700000000." + body, sha256)
        byte[] body = "{\"type\":\"note.generated\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.header("whsec_example", 1700000000L, body);
        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("whsec_example", 1700000000L, body));
        assertThat(WebhookSignature.hmac("whsec_example", 1700000000L, body))
                .isEqualTo(EXPECTED)
                .isNotEqualTo(WebhookSignature.hmac("whsec_example", 1700000001L, body));
    }

    private static final String EXPECTED = "5857fc9430236195b60d98c16f10a68493fa039fa2e63dd9aa608d3770f3e547";
}
