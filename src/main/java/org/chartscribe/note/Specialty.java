package org.chartscribe.note;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A specialty: its id (as in the API), display name, and the headings each SOAP division uses,
 * in order. {@code behavioural} specialties may also use the BIRP and DAP templates.
 */
public record Specialty(String id, String name, boolean behavioural, Map<SoapPart, List<String>> headings) {

    public Specialty {
        Map<SoapPart, List<String>> copy = new EnumMap<>(SoapPart.class);
        for (SoapPart part : SoapPart.values()) {
            List<String> list = headings.get(part);
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException(id + " has no headings for " + part.key());
            }
            copy.put(part, List.copyOf(list));
        }
        headings = Collections.unmodifiableMap(copy);
    }

    public List<String> headings(SoapPart part) {
        return headings.get(part);
    }
}
