package org.chartscribe.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.chartscribe.traffic.ApiKeyAdmission;
import org.chartscribe.traffic.Refusals;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Resolves {@code Authorization: Bearer <api key>} to a tenant and stores it as a request attribute.
 * Runs before the body is read, so an unauthenticated caller learns nothing about its input; its answer
 * closes the connection rather than reading the body it never needed. Wrong keys and each key's request
 * rate are limited by {@link ApiKeyAdmission} (429 with {@code Retry-After}).
 */
@Component
class ApiKeyAuthInterceptor implements HandlerInterceptor {
    static final String TENANT = TenantAttribute.NAME;
    private static final String BEARER = "bearer ";

    private final ApiKeyAdmission admission;

    ApiKeyAuthInterceptor(ApiKeyAdmission admission) {
        this.admission = admission;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw unauthorized(request, response, "Send your API key as 'Authorization: Bearer <key>'.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized(request, response, "Only Bearer API keys are accepted.");
        }
        ApiKeyAdmission.Decision decision = admission.admit(request.getRemoteAddr(), header.substring(BEARER.length()).trim());
        if (decision instanceof ApiKeyAdmission.Admitted admitted) {
            request.setAttribute(TENANT, admitted.tenant());
            return true;
        }
        if (decision instanceof ApiKeyAdmission.Throttled throttled) {
            Refusals.tooManyRequests(request, response, throttled.retryAfter(), throttled.detail());
            return false;
        }
        throw unauthorized(request, response, "The API key is not valid or has been revoked.");
    }

    private static ApiException unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) {
        Refusals.closeIfBodyUnread(request, response);
        return new ApiException(ProblemCode.AUTHENTICATION_ERROR, detail);
    }
}
