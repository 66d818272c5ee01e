package org.chartscribe.ehr;

import java.util.List;
import java.util.Optional;

/** One entry per resource the write-back tried, in the order written. */
public record WriteBackResult(List<Written> resources) {
    public WriteBackResult {
        resources = List.copyOf(resources);
    }

    /** True when every resource is in the chart (created now or found there from an earlier try). */
    public boolean complete() {
        return resources.stream().allMatch(r -> r.outcome() != Outcome.FAILED);
    }

    public enum Outcome { CREATED, EXISTING, FAILED }

    /**
     * @param resourceType e.g. {@code DocumentReference}
     * @param outcome      created now, found from an earlier write, or failed
     * @param id           the id in the EHR, when written
     * @param url          the resource's absolute URL in the EHR, when written
     * @param error        what went wrong, in words for the clinician (no PHI, no token), when failed
     */
    public record Written(String resourceType, Outcome outcome, Optional<String> id, Optional<String> url,
                          Optional<String> error) {}
}
