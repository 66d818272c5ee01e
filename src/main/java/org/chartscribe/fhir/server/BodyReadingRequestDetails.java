package org.chartscribe.fhir.server;

import ca.uhn.fhir.interceptor.api.IInterceptorBroadcaster;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.chartscribe.api.RequestSizeLimitFilter;
import org.chartscribe.traffic.BodyDeadline;

/**
 * Reads the request body as HAPI does, with two differences: a body that stops coming in time (408) or
 * grows over the limit (413) is answered as such without HAPI's ERROR line and stack trace for every
 * such client, and a gzip body is not inflated past the same limit (a small bomb would fill the heap).
 */
final class BodyReadingRequestDetails extends ServletRequestDetails {
    private final long maxBytes;

    BodyReadingRequestDetails(IInterceptorBroadcaster interceptors, long maxBytes) {
        super(interceptors);
        this.maxBytes = maxBytes;
    }

    @Override
    protected byte[] getByteStreamRequestContents() {
        try {
            byte[] body = getInputStream().readAllBytes();
            if (getServer().isUncompressIncomingContents() && "gzip".equals(getServletRequest().getHeader("Content-Encoding"))) {
                return inflate(body);
            }
            return body;
        } catch (IOException e) {
            if (BodyDeadline.isTimeout(e)) {
                throw FhirOutcomes.bodyTimeout();
            }
            if (RequestSizeLimitFilter.isTooLarge(e)) {
                throw FhirOutcomes.tooLarge();
            }
            throw FhirOutcomes.invalid("The request body could not be read.");
        }
    }

    private byte[] inflate(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw FhirOutcomes.tooLarge();
            }
            return body;
        }
    }
}
