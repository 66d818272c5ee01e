package org.chartscribe.ehr;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Adds the user's bearer token to every request, asking for it each time so a token refreshed during a
 * write-back is used from the next request on; and keeps the last {@code Retry-After} answered, which
 * HAPI's client does not carry into the exception it throws. One instance per write-back (one thread).
 */
final class EhrRequestInterceptor implements IClientInterceptor {
    private final Supplier<String> accessToken;
    private Optional<String> lastRetryAfter = Optional.empty();

    EhrRequestInterceptor(Supplier<String> accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
        lastRetryAfter = Optional.empty();
        request.removeHeaders("Authorization");
        request.addHeader("Authorization", "Bearer " + accessToken.get());
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
        List<String> values = response.getHeaders("Retry-After");
        lastRetryAfter = values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    Optional<String> lastRetryAfter() {
        return lastRetryAfter;
    }
}
