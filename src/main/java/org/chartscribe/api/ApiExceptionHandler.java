package org.chartscribe.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.CharConversionException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chartscribe.note.EngineFailedException;
import org.chartscribe.note.EngineUnavailableException;
import org.chartscribe.note.IdempotencyConflictException;
import org.chartscribe.traffic.BodyDeadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into problem+json. Messages are written here, never taken from the exception,
 * because parser and driver messages can quote the submitted (PHI-bearing) content.
 */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Problems.Problem> api(ApiException e) {
        return Problems.response(e);
    }

    @ExceptionHandler(EngineUnavailableException.class)
    ResponseEntity<Problems.Problem> engineUnavailable(EngineUnavailableException e) {
        return Problems.response(ProblemCode.ENGINE_UNAVAILABLE, e.getMessage()
                + " Use engine 'embedded' or 'auto', or configure an LLM engine.", List.of());
    }

    /**
     * The LLM engine was asked for by name and could not write the note (with {@code engine=auto} the
     * embedded engine would have stood in): 503 when the provider is down, slow or rate limiting (with
     * its {@code Retry-After}), 502 when it answered with something unusable, 413 when the transcript
     * exceeds the model's context budget. The detail is the engine's own text, never the provider's.
     */
    @ExceptionHandler(EngineFailedException.class)
    ResponseEntity<Problems.Problem> engineFailed(EngineFailedException e) {
        log.warn("LLM engine failed: {}", e.failure());
        ProblemCode code = switch (e.failure()) {
            case RATE_LIMITED, UNAVAILABLE -> ProblemCode.ENGINE_UNAVAILABLE;
            case BAD_OUTPUT -> ProblemCode.UPSTREAM_ERROR;
            case TOO_LONG -> ProblemCode.PAYLOAD_TOO_LARGE;
        };
        ResponseEntity<Problems.Problem> problem = Problems.response(code, "The LLM engine could not write the note: "
                + e.getMessage() + "." + (e.failure() == EngineFailedException.Failure.TOO_LONG ? ""
                : " Retry later, or use engine 'auto' or 'embedded'."), List.of());
        if (e.retryAfter().isEmpty()) {
            return problem;
        }
        // whole seconds, at least one: what the provider asked its callers to wait
        long seconds = Math.max(1, (e.retryAfter().get().toMillis() + 999) / 1000);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header("Retry-After", Long.toString(seconds)).body(problem.getBody());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<Problems.Problem> idempotencyConflict(IdempotencyConflictException e) {
        return Problems.response(ProblemCode.VALIDATION_ERROR, e.getMessage(),
                List.of(new FieldError("Idempotency-Key", "already used with a different request body")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problems.Problem> unreadable(HttpMessageNotReadableException e) {
        if (RequestSizeLimitFilter.isTooLarge(e)) {
            return Problems.response(ProblemCode.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.DETAIL, List.of());
        }
        if (BodyDeadline.isTimeout(e)) {
            ResponseEntity<Problems.Problem> timeout =
                    Problems.response(ProblemCode.REQUEST_TIMEOUT, BodyDeadline.DETAIL, List.of());
            // The rest of the body is not read: the connection ends with this answer.
            return ResponseEntity.status(timeout.getStatusCode()).headers(timeout.getHeaders())
                    .header("Connection", "close").body(timeout.getBody());
        }
        Throwable cause = e.getCause();
        Optional<JsonParseException> duplicate = DuplicateFields.in(e);
        if (duplicate.isPresent()) {
            return DuplicateFields.problem(duplicate.get());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            String expected = mismatch.getTargetType() == null ? "of another type"
                    : JsonTypes.describe(mismatch.getTargetType());
            return Problems.response(ProblemCode.VALIDATION_ERROR, field + " must be " + expected + ".",
                    List.of(new FieldError(field, "must be " + expected)));
        }
        if (cause instanceof MismatchedInputException) {
            return Problems.response(ProblemCode.VALIDATION_ERROR, "The request body must be a JSON object.", List.of());
        }
        if (cause instanceof CharConversionException) {
            // Jackson read the first bytes as UTF-16 or UTF-32 (e.g. NULs after the first byte): not "no body".
            return Problems.response(ProblemCode.VALIDATION_ERROR, "The request body must be JSON encoded as UTF-8.", List.of());
        }
        if (cause instanceof JsonProcessingException) {
            return Problems.response(ProblemCode.VALIDATION_ERROR, "The request body is not valid JSON.", List.of());
        }
        return Problems.response(ProblemCode.VALIDATION_ERROR, "A JSON request body is required.", List.of());
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * A multipart body over the upload limits, read by a handler that takes multipart (parsing is lazy, so
     * only such a handler reads one; elsewhere a multipart body is a 415 without being read).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problems.Problem> uploadTooLarge(MaxUploadSizeExceededException e) {
        return Problems.response(ProblemCode.PAYLOAD_TOO_LARGE, "The multipart body exceeds the upload size limit.", List.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Problems.Problem> unreadableMultipart(MultipartException e) {
        return Problems.response(ProblemCode.VALIDATION_ERROR, "The multipart body could not be read.", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problems.Problem> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type must be application/json.", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problems.Problem> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(ProblemCode.NOT_ACCEPTABLE, "This endpoint answers application/json.", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problems.Problem> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.response(ProblemCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not supported here.", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problems.Problem> noResource(NoResourceFoundException e) {
        return Problems.response(ProblemCode.NOT_FOUND, "No such endpoint.", List.of());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problems.Problem> missingHeader(MissingRequestHeaderException e) {
        return Problems.response(ProblemCode.VALIDATION_ERROR, "Header " + e.getHeaderName() + " is required.",
                List.of(new FieldError(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problems.Problem> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.response(ProblemCode.VALIDATION_ERROR, e.getName() + " is not valid.",
                List.of(new FieldError(e.getName(), "is not valid")));
    }

    /**
     * The problem for a failure after a note stream has started (its status line is already sent): the
     * same problem /v1/note would answer with, sent as the stream's {@code error} event.
     */
    ResponseEntity<Problems.Problem> problemFor(Exception e) {
        if (e instanceof ApiException api) {
            return api(api);
        } else if (e instanceof EngineUnavailableException unavailable) {
            return engineUnavailable(unavailable);
        } else if (e instanceof EngineFailedException failed) {
            return engineFailed(failed);
        } else if (e instanceof IdempotencyConflictException conflict) {
            return idempotencyConflict(conflict);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problems.Problem> unexpected(Exception e) {
        // Only the type and where it was thrown: exception messages can carry request content.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("Unhandled {} at {}", e.getClass().getName(), at);
        return Problems.response(ProblemCode.INTERNAL_ERROR,
                "An unexpected error occurred. Reference: " + MDC.get(RequestIdFilter.MDC_KEY), List.of());
    }
}
