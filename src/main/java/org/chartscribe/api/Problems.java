package org.chartscribe.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem+json bodies. */
public final class Problems {
    private Problems() {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Problem(String type, String title, int status, String detail, String code,
                          List<FieldError> errors) {}

    public static Problem body(ProblemCode code, String detail, List<FieldError> errors) {
        String type = "urn:chartscribe:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem(type, code.title(), code.status().value(), detail, code.name(), errors);
    }

    public static ResponseEntity<Problem> response(ProblemCode code, String detail, List<FieldError> errors) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (code == ProblemCode.AUTHENTICATION_ERROR) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"chartscribe\"");
        }
        return new ResponseEntity<>(body(code, detail, errors), headers, code.status());
    }

    public static ResponseEntity<Problem> response(ApiException e) {
        return response(e.code(), e.getMessage(), e.errors());
    }
}
