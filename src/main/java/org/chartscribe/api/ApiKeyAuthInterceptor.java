package org.chartscribe.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chartscribe.store.ApiKeyStore;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves {@code Authorization: Bearer <api key>} to a tenant and stores it as a request attribute.
 * Runs before the body is read, so an unauthenticated caller learns nothing about its input.
 */
@Component
class ApiKeyAuthInterceptor implements HandlerInterceptor {
    static final String TENANT = TenantAttribute.NAME;
    private static final String BEARER = "bearer ";

    private final ApiKeyStore keys;

    ApiKeyAuthInterceptor(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ApiException(ProblemCode.AUTHENTICATION_ERROR,
                    "Send your API key as 'Authorization: Bearer <key>'.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ProblemCode.AUTHENTICATION_ERROR, "Only Bearer API keys are accepted.");
        }
        String key = header.substring(BEARER.length()).trim();
        String tenant = keys.tenantOf(key).orElseThrow(() -> new ApiException(ProblemCode.AUTHENTICATION_ERROR,
                "The API key is not valid or has been revoked."));
        request.setAttribute(TENANT, tenant);
        return true;
    }
}
