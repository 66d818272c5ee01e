package org.chartscribe.fhir;

import java.util.Optional;

/** Where {@code $generate-soap} was invoked: on the server, or on one Patient or Encounter by id. */
public sealed interface InvocationTarget {
    record System() implements InvocationTarget {}

    record OnPatient(String id) implements InvocationTarget {}

    record OnEncounter(String id) implements InvocationTarget {}

    default Optional<String> patientId() {
        return this instanceof OnPatient p ? Optional.of(p.id()) : Optional.empty();
    }

    default Optional<String> encounterId() {
        return this instanceof OnEncounter e ? Optional.of(e.id()) : Optional.empty();
    }
}
