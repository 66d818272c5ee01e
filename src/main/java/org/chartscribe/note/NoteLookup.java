package org.chartscribe.note;

/**
 * The result of looking a note up for a tenant. A note of another tenant is {@link Missing},
 * exactly as an id that never existed, so nothing can be inferred about other tenants.
 */
public sealed interface NoteLookup {
    record Found(StoredNote note) implements NoteLookup {}

    /** The note existed for this tenant but was deleted or has expired; its content is gone. */
    record Gone() implements NoteLookup {}

    record Missing() implements NoteLookup {}
}
