package org.chartscribe.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.chartscribe.api.TenantAttribute;
import org.chartscribe.smart.SmartSession;
import org.chartscribe.smart.SmartSessions;
import org.chartscribe.traffic.ApiKeyAdmission;
import org.chartscribe.traffic.Refusals;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The same API-key auth as {@code /v1}: {@code Authorization: Bearer <key>} resolved through
 * {@link ApiKeyAdmission} (with its lockout for wrong keys and its per-key rate, answered 429); or,
 * from the clinician app, the SMART session its cookie names, with the session's CSRF token in {@code X-CSRF-Token} (a cookie alone never authorises a write, since the app
 * runs cross-site inside the EHR's frame). The CapabilityStatement and the conformance resources (reads and searches,
 * the only other things this server offers) are public. Runs before HAPI reads the body, so an
 * unauthenticated caller learns nothing about its input; its answer closes the connection instead of
 * reading the body.
 */
@Interceptor
class FhirApiKeyInterceptor {
    /** The request attribute the /v1 access log reads the tenant from. */
    static final String TENANT_ATTRIBUTE = TenantAttribute.NAME;
    /** Set when the caller is a launched clinician app rather than an API key. */
    static final String SMART_SESSION_ATTRIBUTE = "chartscribe.smart-session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "bearer ";
    private static final Set<String> PUBLIC_PATHS = Set.of(
            "metadata", "StructureDefinition", "CodeSystem", "ValueSet", "OperationDefinition");

    private final ApiKeyAdmission admission;
    private final Optional<SmartSessions> smartSessions;
    private final FhirContext fhir;

    FhirApiKeyInterceptor(ApiKeyAdmission admission, Optional<SmartSessions> smartSessions, FhirContext fhir) {
        this.admission = admission;
        this.smartSessions = smartSessions;
        this.fhir = fhir;
    }

    /**
     * The first hook HAPI calls, before it parses the path or reads the body: only GETs of
     * {@code metadata} and the conformance resource types are let through without a key. A refusal is
     * written here and processing stops (returning false) rather than thrown: HAPI logs every exception
     * a hook throws as an error with its stack trace, and a client without a key is not an error of ours.
     */
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isPublic(request)) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        Optional<SmartSession> session = authorization == null
                ? smartSessions.flatMap(sessions -> sessions.current(request)) : Optional.empty();
        if (session.isPresent()) {
            return authenticateApp(session.get(), request, response);
        }
        try {
            ApiKeyAdmission.Decision decision = admission.admit(request.getRemoteAddr(), apiKeyOf(authorization));
            if (decision instanceof ApiKeyAdmission.Throttled throttled) {
                Refusals.tooManyRequests(request, response, throttled.retryAfter(), throttled.detail());
                return false;
            }
            if (!(decision instanceof ApiKeyAdmission.Admitted admitted)) {
                throw unauthorized("The API key is not valid or has been revoked.");
            }
            request.setAttribute(TENANT_ATTRIBUTE, admitted.tenant());
            return true;
        } catch (AuthenticationException e) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Refusals.closeIfBodyUnread(request, response);
            refuse(response, e.getStatusCode(), e.getOperationOutcome());
            return false;
        }
    }

    private boolean authenticateApp(SmartSession session, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!session.csrfMatches(request.getHeader(CSRF_HEADER))) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.FORBIDDEN)
                    .setDiagnostics("Calls with the ChartScribe app's session must carry its " + CSRF_HEADER + " header.");
            Refusals.closeIfBodyUnread(request, response);
            refuse(response, 403, outcome);
            return false;
        }
        request.setAttribute(TENANT_ATTRIBUTE, session.tenantId());
        request.setAttribute(SMART_SESSION_ATTRIBUTE, session);
        return true;
    }

    private void refuse(HttpServletResponse response, int status, IBaseOperationOutcome outcome)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        fhir.newJsonParser().encodeResourceToWriter(outcome, response.getWriter());
    }

    /** The launched clinician's session when the caller is the SMART app, else empty (an API key). */
    static Optional<SmartSession> smartSessionOf(RequestDetails request) {
        Object session = ((ServletRequestDetails) request).getServletRequest().getAttribute(SMART_SESSION_ATTRIBUTE);
        return Optional.ofNullable((SmartSession) session);
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void recordRoute(RequestDetails request, RestOperationTypeEnum operation) {
        if (request instanceof ServletRequestDetails servlet) {
            // The access log prints the route pattern, never the raw path (ids may be PHI).
            servlet.getServletRequest().setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, route(request, operation));
        }
    }

    /** The authenticated tenant; only called by handlers that are not public. */
    static String tenantOf(RequestDetails request) {
        Object tenant = ((ServletRequestDetails) request).getServletRequest().getAttribute(TENANT_ATTRIBUTE);
        if (tenant == null) {
            throw unauthorized("Send your API key as 'Authorization: Bearer <key>'.");
        }
        return (String) tenant;
    }

    private static boolean isPublic(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String first = path.startsWith("/") ? path.substring(1).split("/", 2)[0] : path;
        return PUBLIC_PATHS.contains(first);
    }

    private static String apiKeyOf(String header) {
        if (header == null || header.isBlank()) {
            throw unauthorized("Send your API key as 'Authorization: Bearer <key>'.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("Only Bearer API keys are accepted.");
        }
        return header.substring(BEARER.length()).trim();
    }

    private static AuthenticationException unauthorized(String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.LOGIN)
                .setDiagnostics(message);
        AuthenticationException e = new AuthenticationException(message);
        e.setOperationOutcome(outcome);
        e.addResponseHeader("WWW-Authenticate", "Bearer");
        return e;
    }

    private static String route(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation == RestOperationTypeEnum.METADATA) {
            return "/fhir/metadata";
        }
        StringBuilder route = new StringBuilder("/fhir");
        if (request.getResourceName() != null) {
            route.append('/').append(request.getResourceName());
        }
        if (request.getId() != null && request.getId().hasIdPart()) {
            route.append("/{id}");
        }
        if (request.getOperation() != null) {
            route.append('/').append(request.getOperation());
        }
        return route.toString();
    }
}
