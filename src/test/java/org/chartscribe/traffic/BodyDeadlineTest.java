package org.chartscribe.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The deadline on a clock the test moves: a body that trickles runs out of time, counted from the request's start. */
class BodyDeadlineTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void aBodyThatTricklesPastTheDeadlineFailsAsATimeout() throws IOException {
        ServletInputStream in = BodyDeadline.wrap(request(new byte[100]), Duration.ofSeconds(3), now::get).getInputStream();
        in.read();
        advance(Duration.ofSeconds(2));
        in.read();
        advance(Duration.ofSeconds(2));
        assertThatThrownBy(in::read).isInstanceOf(BodyDeadline.BodyTimeoutException.class)
                .satisfies(e -> assertThat(BodyDeadline.isTimeout(e)).isTrue());
    }

    @Test
    void aBodyThatArrivesInTimeIsReadWhole() throws IOException {
        ServletInputStream in = BodyDeadline.wrap(request("{\"a\":1}".getBytes()), Duration.ofSeconds(3), now::get).getInputStream();
        advance(Duration.ofSeconds(2));
        assertThat(in.readAllBytes()).hasSize(7);
    }

    @Test
    void theContainersSocketTimeoutCountsAsATimeoutWhereverItIsWrapped() {
        assertThat(BodyDeadline.isTimeout(new IOException("wrapped", new SocketTimeoutException()))).isTrue();
        assertThat(BodyDeadline.isTimeout(new IllegalStateException("HAPI-0308: " + BodyDeadline.DETAIL))).isTrue();
        assertThat(BodyDeadline.isTimeout(new IOException("Connection reset"))).isFalse();
        // Found by NoteRequestFuzzTest (seed body-quoting-a-timeout.bin): a parser's message quoting the body was
        // taken for a timeout, and the malformed body answered 408 instead of 400.
        assertThat(BodyDeadline.isTimeout(new IOException("Unrecognized token 'java.net.SocketTimeoutException'"))).isFalse();
        assertThat(BodyDeadline.isTimeout(new IOException("Unexpected character in '" + BodyDeadline.DETAIL + "'"))).isFalse();
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private static MockHttpServletRequest request(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/note");
        request.setContent(body);
        return request;
    }
}
