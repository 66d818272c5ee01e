package org.chartscribe.smart.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fictitious encounters written for these tests. */
public final class TestTranscripts {
    private TestTranscripts() {}

    public static String asthmaFollowUp() {
        return fixture("asthma-follow-up.txt");
    }

    /** A 1,100-word primary care visit with several problems (diabetes, blood pressure, cholesterol). */
    public static String primaryCareVisit() {
        return fixture("primary-care-1100-words.txt");
    }

    private static String fixture(String name) {
        try (InputStream in = TestTranscripts.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
