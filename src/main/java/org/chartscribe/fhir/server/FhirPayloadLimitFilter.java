package org.chartscribe.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request size limit of {@code /v1}, answered in FHIR: a body whose Content-Length is over the
 * limit gets a 413 OperationOutcome before anything reads it (as on {@code /v1}, before the key is
 * checked). A chunked body that goes over is stopped by {@link org.chartscribe.api.RequestSizeLimitFilter}
 * while HAPI reads it, and {@link FhirErrorInterceptor} answers the same 413. A servlet filter rather
 * than a HAPI hook: HAPI logs every exception a hook throws as an error with its stack trace.
 */
class FhirPayloadLimitFilter extends OncePerRequestFilter {
    private final FhirContext fhir;
    private final long maxBytes;

    FhirPayloadLimitFilter(FhirContext fhir, long maxBytes) {
        this.fhir = fhir;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= maxBytes) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/fhir+json;charset=UTF-8");
        // The body is not read: do not keep a connection that still has it in flight.
        response.setHeader("Connection", "close");
        fhir.newJsonParser().encodeResourceToWriter(FhirOutcomes.tooLarge().getOperationOutcome(), response.getWriter());
    }
}
