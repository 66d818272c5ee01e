package org.chartscribe.api;

import java.util.List;

/** An error the API answers as problem+json. {@code detail} must never contain request content. */
public class ApiException extends RuntimeException {
    private final ProblemCode code;
    private final List<FieldError> errors;

    public ApiException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ProblemCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors.";
        return new ApiException(ProblemCode.VALIDATION_ERROR, detail, errors);
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
