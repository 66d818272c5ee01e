package org.chartscribe.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which diagnoses may explain a symptom, by body system: the data file
 * {@code coding/symptom-body-systems.tsv} maps a symptom code prefix (R07 chest pain, M25 joint pain)
 * to the code prefixes (chapters) whose diagnoses can account for it.
 */
final class BodySystems {

    private static final String RESOURCE = "/coding/symptom-body-systems.tsv";
    private static final BodySystems BUILTIN = read();

    private final Map<String, List<String>> explainedBy;

    private BodySystems(Map<String, List<String>> explainedBy) {
        this.explainedBy = explainedBy;
    }

    static BodySystems builtin() {
        return BUILTIN;
    }

    /** Whether {@code diagnosis} belongs to a body system that may explain {@code symptom}. */
    boolean explains(String symptom, String diagnosis) {
        for (Map.Entry<String, List<String>> e : explainedBy.entrySet()) {
            if (symptom.startsWith(e.getKey())) {
                return e.getValue().stream().anyMatch(diagnosis::startsWith);
            }
        }
        return false;
    }

    private static BodySystems read() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        try (InputStream in = BodySystems.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2 || cols[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected prefix<TAB>prefixes");
                }
                map.put(cols[0].strip(), List.copyOf(new ArrayList<>(List.of(cols[1].strip().split("\\s+")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BodySystems(map);
    }
}
