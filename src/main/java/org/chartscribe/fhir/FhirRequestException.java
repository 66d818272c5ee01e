package org.chartscribe.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A request the FHIR layer cannot serve, with one issue per problem. The messages name valid values
 * but never repeat what the caller sent (it may be PHI). The server turns it into an OperationOutcome.
 */
public class FhirRequestException extends RuntimeException {
    /** One problem: the FHIR issue type ({@code required}, {@code invalid}, {@code not-supported}) and a message. */
    public record Issue(OperationOutcome.IssueType type, String parameter, String message) {}

    private final transient List<Issue> issues;

    public FhirRequestException(List<Issue> issues) {
        super(issues.size() + " issue(s); first: " + issues.get(0).type().toCode());
        this.issues = List.copyOf(issues);
    }

    public FhirRequestException(OperationOutcome.IssueType type, String parameter, String message) {
        this(List.of(new Issue(type, parameter, message)));
    }

    public List<Issue> issues() {
        return issues;
    }

    /** Only "processing" issues: the request is valid but holds nothing to work from (422). */
    public boolean onlyUnprocessable() {
        return issues.stream().allMatch(i -> i.type() == OperationOutcome.IssueType.PROCESSING);
    }

    /** Only "not supported" issues: the request is well-formed but asks for something this build lacks. */
    public boolean onlyNotSupported() {
        return issues.stream().allMatch(i -> i.type() == OperationOutcome.IssueType.NOTSUPPORTED);
    }
}
