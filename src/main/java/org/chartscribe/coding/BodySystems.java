package org.chartscribe.coding;

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
        for (CodingTables.Row row : CodingTables.rows(RESOURCE, CodingTables.resource(RESOURCE))) {
            if (row.cols().length != 2) {
                throw row.fail("expected prefix<TAB>prefixes");
            }
            map.put(row.col(0, "prefix"), List.of(row.col(1, "prefixes").split("\\s+")));
        }
        return new BodySystems(map);
    }
}
