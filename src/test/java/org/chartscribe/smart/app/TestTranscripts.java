package org.chartscribe.smart.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fictitious encounters written for these tests. */
public final class TestTranscripts {
    private TestTranscripts() {}

    public static String asthmaFollowUp() {
        try (InputStream in = TestTranscripts.class.getResourceAsStream("/fixtures/asthma-follow-up.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
