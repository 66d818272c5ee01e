package org.chartscribe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The body of an error the container answers itself (a request Tomcat refuses before Spring sees it, or
 * Spring's {@code /error} dispatch): problem+json, or an OperationOutcome for a {@code /fhir} path. Only
 * our fixed texts: nothing of the refused request (path, headers, body) is repeated.
 */
final class ContainerErrorBodies {
    static final String MALFORMED = "The request could not be read: its request line, path or headers are malformed or too large.";
    static final String UNEXPECTED = "An unexpected error occurred.";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Body(String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ContainerErrorBodies() {}

    static Body of(String path, int status) {
        String detail = detail(status);
        try {
            if (isFhir(path)) {
                return new Body("application/fhir+json;charset=UTF-8", JSON.writeValueAsBytes(outcome(status, detail)));
            }
            return new Body("application/problem+json", JSON.writeValueAsBytes(problem(status, detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fixed error body", e);
        }
    }

    /** A problem with the answer's own status; the code is the contract's for that status, or the nearest class. */
    static Problems.Problem problem(int status, String detail) {
        Optional<ProblemCode> exact = Arrays.stream(ProblemCode.values()).filter(p -> p.status().value() == status).findFirst();
        ProblemCode code = exact.orElse(status >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.VALIDATION_ERROR);
        Problems.Problem base = Problems.body(code, detail, List.of());
        HttpStatus http = HttpStatus.resolve(status);
        String title = exact.isPresent() || http == null ? base.title() : http.getReasonPhrase();
        return new Problems.Problem(base.type(), title, status, detail, base.code(), List.of());
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> MALFORMED;
            case 404 -> "No such endpoint.";
            case 413 -> RequestSizeLimitFilter.DETAIL;
            default -> status >= 500 ? UNEXPECTED : problem(status, "").title() + ".";
        };
    }

    /** Both {@code /fhir} and an absolute-form request target ({@code http://host/fhir/...}). */
    static boolean isFhir(String path) {
        if (path == null) {
            return false;
        }
        String p = path;
        int scheme = p.indexOf("://");
        if (scheme > 0) {
            int slash = p.indexOf('/', scheme + 3);
            p = slash < 0 ? "/" : p.substring(slash);
        }
        return p.equals("/fhir") || p.startsWith("/fhir/") || p.startsWith("/fhir?") || p.startsWith("/fhir;");
    }

    private static ObjectNode outcome(int status, String detail) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", issueCode(status)).put("diagnostics", detail);
        return outcome;
    }

    private static String issueCode(int status) {
        return switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404, 410 -> "not-found";
            case 413 -> "too-long";
            case 405, 415, 501 -> "not-supported";
            default -> status >= 500 ? "exception" : "invalid";
        };
    }
}
