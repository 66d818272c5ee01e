package org.chartscribe.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * HAPI's RestfulServer with ChartScribe's providers: {@code $generate-soap}, the read-only
 * conformance resources and a hand-written CapabilityStatement that points at them.
 */
class ChartScribeFhirServer extends RestfulServer {
    private final long maxBodyBytes;

    ChartScribeFhirServer(FhirContext fhir, ConformanceResources profiles, GenerateSoapProvider generateSoap,
                          FhirApiKeyInterceptor auth, long maxBodyBytes) {
        super(fhir);
        this.maxBodyBytes = maxBodyBytes;
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setResourceProviders(List.of(
                new ConformanceResourceProvider<>(StructureDefinition.class, profiles),
                new ConformanceResourceProvider<>(CodeSystem.class, profiles),
                new ConformanceResourceProvider<>(ValueSet.class, profiles),
                new ConformanceResourceProvider<>(OperationDefinition.class, profiles)));
        registerProvider(generateSoap);
        setServerConformanceProvider(new CapabilityStatementProvider(profiles));
        registerInterceptor(auth);
        registerInterceptor(new FhirErrorInterceptor());
    }

    /**
     * HAPI resets the response before it writes an error. When Tomcat has already answered (its own
     * 408 for a body that stalled past the upload timeout) the reset fails and HAPI logs an ERROR for
     * every such client; there is nothing to reset then, and HAPI's late answer is discarded by Tomcat.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        super.service(request, new HttpServletResponseWrapper(response) {
            @Override
            public void reset() {
                if (!isCommitted()) {
                    super.reset();
                }
            }
        });
    }

    /** Request bodies read with a deadline and a size limit, and answered 408/413 without a stack trace. */
    @Override
    protected ServletRequestDetails newRequestDetails() {
        return new BodyReadingRequestDetails(getInterceptorService(), maxBodyBytes);
    }

    /** A known path with the wrong method is a 405, anything else unroutable a 404 (HAPI says 400). */
    @Override
    protected void throwUnknownFhirOperationException(RequestDetails request, String path, RequestTypeEnum method) {
        throw FhirRoutes.unroutable(request, method);
    }

    /** HAPI's own 404 quotes the type from the path; this one does not. */
    @Override
    protected void throwUnknownResourceTypeException(String resourceName) {
        throw FhirRoutes.notFound(FhirRoutes.NOTHING_HERE);
    }
}
