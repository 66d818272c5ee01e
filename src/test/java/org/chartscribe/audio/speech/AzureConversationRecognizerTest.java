package org.chartscribe.audio.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.chartscribe.audio.SpeechRecognizer;
import org.junit.jupiter.api.Test;

/** The Azure Speech adapter as far as it goes without the cloud: configuration errors and no service. */
class AzureConversationRecognizerTest {
    @Test
    void configurationErrorsNameTheVariables() {
        assertThatThrownBy(() -> new AzureConversationRecognizer(null, "westeurope", null, null, Duration.ofSeconds(5)))
                .hasMessageContaining("CHARTSCRIBE_SPEECH_API_KEY");
        assertThatThrownBy(() -> new AzureConversationRecognizer("k", null, null, null, Duration.ofSeconds(5)))
                .hasMessageContaining("CHARTSCRIBE_SPEECH_REGION");
        assertThatThrownBy(() -> new AzureConversationRecognizer("k", "westeurope", "wss://x", null, Duration.ofSeconds(5)))
                .hasMessageContaining("exactly one");
    }

    @Test
    void aRefusedConnectionFailsClearlyWithinSeconds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var azure = new AzureConversationRecognizer("secret-key-value", null, "ws://127.0.0.1:" + closedPort
                + "/speech/recognition/conversation/cognitiveservices/v1", "en-US", Duration.ofSeconds(20));
        long started = System.nanoTime();

        assertThatThrownBy(() -> azure.recognise(Path.of("src/test/resources/audio/format.wav"), 4540, p -> { }))
                .isInstanceOf(SpeechRecognizer.SpeechUnavailable.class)
                .hasMessageStartingWith("Azure Speech failed: ")
                .hasMessageNotContaining("secret-key-value");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }
}
