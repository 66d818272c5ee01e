package org.chartscribe.smart.app;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.Optional;
import org.chartscribe.ehr.EhrClients;
import org.chartscribe.smart.SmartSession;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads what the banner shows (the patient, the encounter, the signed-in practitioner) from the
 * launching EHR with the clinician's own token. A failed read is not an error for the app: the banner
 * then says the details could not be loaded, and the ids still let the clinician work.
 */
@Component
class ChartContextReader {
    private static final Logger log = LoggerFactory.getLogger(ChartContextReader.class);

    record Details(Optional<String> patientName, Optional<String> birthDate, Optional<String> encounterDisplay,
                   Optional<String> encounterStart, Optional<String> encounterEnd, Optional<String> userDisplay,
                   boolean loaded) {}

    private final EhrClients clients;

    /** The same clients (pool, timeouts, no CapabilityStatement round trip) as the write-back. */
    ChartContextReader(EhrClients clients) {
        this.clients = clients;
    }

    /** With the clinician's current EHR access token. */
    Details read(SmartSession session, String token) {
        IGenericClient client = clients.forBase(session.iss());
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        try {
            Patient patient = client.read().resource(Patient.class).withId(session.patientId()).execute();
            Optional<Encounter> encounter = session.encounterId()
                    .map(id -> client.read().resource(Encounter.class).withId(id).execute());
            return new Details(name(patient), Optional.ofNullable(patient.getBirthDateElement().getValueAsString()),
                    encounter.flatMap(ChartContextReader::describe),
                    encounter.map(Encounter::getPeriod).map(Period::getStartElement).map(d -> d.getValueAsString()),
                    encounter.map(Encounter::getPeriod).map(Period::getEndElement).map(d -> d.getValueAsString()),
                    practitioner(client, session), true);
        } catch (RuntimeException e) {
            // The type only: HAPI's messages quote the URL, which holds the patient's id.
            log.warn("Could not read the launch context from the EHR: {}", e.getClass().getSimpleName());
            return new Details(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), false);
        }
    }

    private static Optional<String> practitioner(IGenericClient client, SmartSession session) {
        Optional<String> id = session.fhirUser().flatMap(ChartContextReader::practitionerId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return name(client.read().resource(Practitioner.class).withId(id.get()).execute().getName());
        } catch (RuntimeException e) {
            return Optional.empty(); // often outside the granted scopes; the banner does without it
        }
    }

    /** {@code Practitioner/123} or an absolute URL ending so: the id. */
    static Optional<String> practitionerId(String fhirUser) {
        String[] parts = fhirUser.split("/");
        if (parts.length >= 2 && "Practitioner".equals(parts[parts.length - 2]) && !parts[parts.length - 1].isBlank()) {
            return Optional.of(parts[parts.length - 1]);
        }
        return Optional.empty();
    }

    private static Optional<String> name(Patient patient) {
        return name(patient.getName());
    }

    private static Optional<String> name(java.util.List<HumanName> names) {
        HumanName chosen = names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(names.isEmpty() ? null : names.get(0));
        if (chosen == null) {
            return Optional.empty();
        }
        String text = chosen.hasText() ? chosen.getText() : chosen.getNameAsSingleString();
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** The encounter's type (or class) in words, e.g. "Office visit". */
    private static Optional<String> describe(Encounter encounter) {
        for (CodeableConcept type : encounter.getType()) {
            if (type.hasText()) {
                return Optional.of(type.getText());
            }
            for (Coding coding : type.getCoding()) {
                if (coding.hasDisplay()) {
                    return Optional.of(coding.getDisplay());
                }
            }
        }
        if (encounter.hasClass_() && encounter.getClass_().hasDisplay()) {
            return Optional.of(encounter.getClass_().getDisplay());
        }
        return Optional.empty();
    }
}
