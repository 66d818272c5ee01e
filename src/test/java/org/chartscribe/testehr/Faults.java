package org.chartscribe.testehr;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Failures the test EHR answers to the next creates of a type, in order: before storing (the create did
 * not happen) or after storing (it happened, but the answer was lost), optionally with Retry-After.
 */
final class Faults {
    /** What a failed create's OperationOutcome says in diagnostics: a write-back must never repeat it. */
    static final String DIAGNOSTICS_CANARY = "request echoed: Patient Ada Example born 1970-01-01";

    record Fault(int status, boolean afterStore, Optional<String> retryAfter) {}

    private final Map<String, Deque<Fault>> pending = new ConcurrentHashMap<>();
    /** Like Epic: an OperationOutcome entry in every search Bundle (a warning, not a match). */
    volatile boolean warningsInSearches;
    /** Like a server whose search index lags behind its writes: searches find nothing. */
    volatile boolean searchesLag;
    /** Searches of these types answer this status, as an EHR without search scope or support does. */
    private final Map<String, Integer> refusedSearches = new ConcurrentHashMap<>();

    void refuseSearches(String resourceType, int status) {
        refusedSearches.put(resourceType, status);
    }

    Optional<Integer> refusedSearch(String resourceType) {
        return Optional.ofNullable(refusedSearches.get(resourceType));
    }

    void add(String resourceType, int count, Fault fault) {
        Deque<Fault> queue = pending.computeIfAbsent(resourceType, t -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.addLast(fault);
            }
        }
    }

    /** The fault for this create, taken off the queue; empty when the create should succeed. */
    Optional<Fault> next(String resourceType) {
        Deque<Fault> queue = pending.get(resourceType);
        if (queue == null) {
            return Optional.empty();
        }
        synchronized (queue) {
            return Optional.ofNullable(queue.pollFirst());
        }
    }

    void clear() {
        pending.clear();
        warningsInSearches = false;
        searchesLag = false;
        refusedSearches.clear();
    }

    static OperationOutcome searchWarning() {
        OperationOutcome warning = new OperationOutcome();
        warning.setId("search-warning");
        warning.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics("Some results may be hidden");
        return warning;
    }

    static BaseServerResponseException exception(Fault fault) {
        BaseServerResponseException e = BaseServerResponseException.newInstance(fault.status(),
                "Injected failure (HTTP " + fault.status() + ")");
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(fault.status() >= 500 || fault.status() == 429 ? OperationOutcome.IssueType.TRANSIENT
                        : OperationOutcome.IssueType.PROCESSING)
                .setDiagnostics(DIAGNOSTICS_CANARY);
        e.setOperationOutcome(outcome);
        fault.retryAfter().ifPresent(v -> e.addResponseHeader("Retry-After", v));
        return e;
    }
}
