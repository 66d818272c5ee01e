package org.chartscribe.ehr;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR requests of one write-back against one EHR, with the user's token. Single requests, no
 * retries: {@link ChartWrite} retries whole steps (search, then create) so a retried create first looks
 * for what an earlier, unanswered try may have stored.
 */
final class EhrSession {
    /** What a create (or a search that found it) gives back: the EHR's id and whether this request made it. */
    record Stored(IIdType id, boolean created) {}

    private final IGenericClient client;
    private final EhrRequestInterceptor requests;

    EhrSession(IGenericClient client, EhrRequestInterceptor requests) {
        this.client = client;
        this.requests = requests;
    }

    EhrRequestInterceptor requests() {
        return requests;
    }

    String baseUrl() {
        return client.getServerBase();
    }

    /**
     * The first resource carrying this token ({@code identifier} or {@code _tag}), narrowed to the patient
     * when given (Epic wants a patient on most searches). Empty, too, when the EHR refuses the search with
     * a 4xx other than 408/429 (no search scope, an unsupported parameter): the conditional create is then
     * the only guard. Retryable failures are thrown, so the step is tried again.
     */
    Optional<IIdType> findByToken(Class<? extends Resource> type, String param, String system, String value,
                                  Optional<Reference> patient) {
        var query = client.search().forResource(type)
                .where(new TokenClientParam(param).exactly().systemAndCode(system, value));
        if (patient.isPresent()) {
            query = query.and(new ReferenceClientParam("patient").hasId(patient.get().getReferenceElement().toUnqualifiedVersionless()));
        }
        Bundle found;
        try {
            found = query.returnBundle(Bundle.class)
                    // A server that caches identical searches must not answer from before the last create.
                    .cacheControl(new CacheControlDirective().setNoCache(true))
                    .execute();
        } catch (BaseServerResponseException e) {
            if (e instanceof FhirClientConnectionException || RetryPolicy.retryable(e.getStatusCode())) {
                throw e;
            }
            return Optional.empty();
        }
        // Only matches count: EHRs (Epic among them) add OperationOutcome entries to search results.
        return found.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(r -> (IIdType) r.getIdElement().toUnqualifiedVersionless()).findFirst();
    }

    /**
     * A conditional create: the server stores it only when nothing matches {@code ifNoneExist}
     * ({@code identifier=system|value}) and answers 200 with the match otherwise.
     */
    Stored create(Resource resource, String ifNoneExist) {
        MethodOutcome outcome = client.create().resource(withoutId(resource))
                .conditionalByUrl(resource.fhirType() + "?" + ifNoneExist).execute();
        IIdType id = outcome.getId() != null && outcome.getId().hasIdPart() ? outcome.getId()
                : outcome.getResource().getIdElement();
        // 201: created now; 200: the server found the match (the create of an earlier, unanswered try).
        int status = outcome.getResponseStatusCode();
        boolean created = status == 0 ? !Boolean.FALSE.equals(outcome.getCreated()) : status == 201;
        return new Stored(id.toUnqualifiedVersionless(), created);
    }

    /**
     * Oracle Health creates charges through the {@code ChargeItem/$create} operation, not a plain POST.
     * Sent as the conventional operation body, a Parameters with the ChargeItem in {@code resource};
     * an operation takes no {@code If-None-Exist}, so the search before it is what keeps it idempotent.
     */
    Stored createChargeItem(ChargeItem item) {
        Parameters in = new Parameters();
        in.addParameter().setName("resource").setResource(withoutId(item));
        ChargeItem created = client.operation().onType(ChargeItem.class).named("$create").withParameters(in)
                .returnResourceType(ChargeItem.class).execute();
        return new Stored(created.getIdElement().toUnqualifiedVersionless(), true);
    }

    /** The patient's active Coverage, if the EHR has one (the first when it has several). */
    Optional<Reference> activeCoverage(Reference patient) {
        Bundle found = client.search().forResource(Coverage.class)
                .where(new ReferenceClientParam("patient").hasId(patient.getReferenceElement().toUnqualifiedVersionless()))
                .and(new TokenClientParam("status").exactly().code("active"))
                .returnBundle(Bundle.class)
                .cacheControl(new CacheControlDirective().setNoCache(true))
                .execute();
        return found.getEntry().stream().filter(e -> e.getResource() instanceof Coverage)
                .map(e -> new Reference("Coverage/" + e.getResource().getIdElement().getIdPart()))
                .findFirst();
    }

    /** The EHR assigns ids: a {@code urn:uuid} id in the body would be refused or ignored. */
    private static <R extends Resource> R withoutId(R resource) {
        @SuppressWarnings("unchecked")
        R copy = (R) resource.copy();
        copy.setIdElement(new IdType());
        return copy;
    }
}
