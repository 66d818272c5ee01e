package org.chartscribe.ehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;

/**
 * HAPI clients for the EHRs ChartScribe talks to, for the write-back and for the app's reads of the
 * launch context. One client factory (and so one pooled HTTP client with the {@code chartscribe.ehr.*}
 * timeouts) for all EHRs, kept apart from the app's FhirContext settings; a generic client per call is
 * cheap and carries that call's token. The EHR's CapabilityStatement is never fetched first
 * ({@link ServerValidationModeEnum#NEVER}): it would cost a request per click and some EHRs require a
 * token for it.
 */
public final class EhrClients {
    private final FhirContext fhir;
    private final ApacheRestfulClientFactory factory;

    public EhrClients(FhirContext fhir, EhrProperties settings) {
        this.fhir = fhir;
        this.factory = new ApacheRestfulClientFactory(fhir);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        factory.setConnectionRequestTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        factory.setSocketTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
    }

    /** A client for one EHR's FHIR base, without credentials: register the caller's token interceptor. */
    public IGenericClient forBase(String fhirBaseUrl) {
        return factory.newGenericClient(fhirBaseUrl);
    }

    FhirContext fhirContext() {
        return fhir;
    }
}
