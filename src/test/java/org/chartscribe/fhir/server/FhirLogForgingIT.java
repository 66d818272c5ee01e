package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.chartscribe.api.AppTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Element and parameter names in a FHIR body are the client's text: one holding a line break and a
 * fake log entry must neither become a line of our log nor come back in the answer.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.ca.uhn.fhir=DEBUG")
class FhirLogForgingIT extends AppTestBase {
    private static final String FORGED = "2026-12-04T07:00:00.000Z  WARN 1 --- [main] o.c.FORGED : patient CANARY-Jane-Doe-7QpL";
    private static final String NAME = "x\\n" + FORGED + "\\r\\n" + FORGED;

    private static String transcript() {
        return FhirClients.transcript("low-back-pain-np.txt").replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", "\\n").replace("\r", "");
    }

    private static void assertNotForged(CapturedOutput output, FhirClients.Raw answer) {
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith(FORGED));
        // Names from the body are not logged at all, escaped or not.
        assertThat(output.getAll()).doesNotContain("CANARY");
        assertThat(answer.body()).doesNotContain("FORGED", "CANARY");
    }

    @Test
    void anUnknownElementNamedWithALineBreakForgesNoLogLine(CapturedOutput output) {
        String body = "{\"resourceType\":\"Parameters\",\"" + NAME + "\":1,\"parameter\":[{\"name\":\"transcript\","
                + "\"" + NAME + "\":\"v\",\"valueString\":\"" + transcript() + "\"}]}";

        FhirClients.Raw answer = FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json", body);

        assertNotForged(output, answer);
    }

    @Test
    void anUnknownParameterNamedWithALineBreakIsRefusedWithoutEchoingItsName(CapturedOutput output) {
        String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"transcript\",\"valueString\":\""
                + transcript() + "\"},{\"name\":\"" + NAME + "\",\"valueString\":\"v\"}]}";

        FhirClients.Raw answer = FhirClients.post(port, "/$generate-soap", KEY_A, "application/fhir+json", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("An unknown parameter was sent; known: audio, dialect");
        assertNotForged(output, answer);
    }
}
