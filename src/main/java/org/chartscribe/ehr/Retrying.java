package org.chartscribe.ehr;

import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.chartscribe.smart.SmartSessionExpiredException;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Runs one step of a write-back (search and create of one resource) with retries. A small loop rather
 * than resilience4j-retry: the wait depends on the failed answer's {@code Retry-After} (read from the
 * interceptor, not the exception), the total wait is bounded, and the give-up message depends on why;
 * in resilience4j that is an interval function, a predicate and an exception mapper around the same
 * twenty lines, plus a dependency.
 */
final class Retrying {
    /** How to wait; tests and the timing tool use the real one. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    Retrying(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** @throws EhrCallFailed when the step failed for good; the message names status and issue code only */
    <T> T run(String resourceType, EhrRequestInterceptor responses, Supplier<T> step) {
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            String failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                return step.get();
            } catch (FhirClientConnectionException e) {
                failure = "The EHR could not be reached (connection failed or timed out)";
            } catch (BaseServerResponseException e) {
                int status = e.getStatusCode();
                if (!RetryPolicy.retryable(status)) {
                    throw new EhrCallFailed(refused(resourceType, status, e.getOperationOutcome()));
                }
                failure = "The EHR answered HTTP " + status + issueCode(e.getOperationOutcome());
                retryAfter = responses.lastRetryAfter().flatMap(v -> RetryAfter.parse(v, clock));
            } catch (SmartSessionExpiredException e) {
                // No token any more: no retry can succeed; the clinician must launch again (the caller says so).
                throw e;
            } catch (RuntimeException e) {
                // A 2xx that is not FHIR, or lacks what the request promises (an id). Not retried: the same
                // server gives the same answer. The exception's message may quote the body: not repeated.
                throw new EhrCallFailed("The EHR's answer for the " + resourceType + " could not be understood ("
                        + e.getClass().getSimpleName() + "). Nothing is lost: approve again later.");
            }
            Optional<Duration> wait = policy.nextWait(attempt, waited, retryAfter);
            if (wait.isEmpty()) {
                String asked = retryAfter.map(r -> " and asked to wait " + r.toSeconds() + " s").orElse("");
                throw new EhrCallFailed(failure + asked + "; gave up after " + attempt
                        + (attempt == 1 ? " try" : " tries") + ". Nothing is lost: approve again later.");
            }
            sleep(wait.get());
            waited = waited.plus(wait.get());
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EhrCallFailed("The write-back was interrupted. Nothing is lost: approve again later.");
        }
    }

    static String refused(String resourceType, int status, IBaseOperationOutcome outcome) {
        String why = switch (status) {
            case 401 -> " (the access token was not accepted: open ChartScribe from the EHR again)";
            case 403 -> " (ChartScribe is not allowed to write this resource)";
            default -> "";
        };
        return "The EHR refused the " + resourceType + ": HTTP " + status + issueCode(outcome) + why + ".";
    }

    /** The first issue's code ({@code processing}, {@code invalid}...): safe to show, unlike diagnostics. */
    private static String issueCode(IBaseOperationOutcome outcome) {
        if (outcome instanceof OperationOutcome oo && oo.hasIssue() && oo.getIssueFirstRep().hasCode()) {
            return " (issue: " + oo.getIssueFirstRep().getCode().toCode() + ")";
        }
        return "";
    }
}
