package org.chartscribe.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;

/**
 * A request body that names a field twice ({@code {"transcript": "a", "transcript": "b"}}) is refused
 * rather than resolved by "last one wins": a proxy or log reading the first value would see another
 * request than the one we serve. The field is named only when it is one of ours; any other name is the
 * client's text and is not repeated.
 */
final class DuplicateFields {
    /** Jackson's fixed wording for {@code STRICT_DUPLICATE_DETECTION}; it has no dedicated exception type. */
    private static final String JACKSON_MESSAGE = "Duplicate field '";
    private static final Set<String> OUR_FIELDS = Set.of("transcript", "specialty", "template", "include_billing_codes",
            "engine", "patient", "age", "sex");

    private DuplicateFields() {}

    /** The duplicate-field failure behind a body that could not be read, if that is what it was. */
    static Optional<JsonParseException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException e && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith(JACKSON_MESSAGE)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static ResponseEntity<Problems.Problem> problem(JsonParseException e) {
        String field = fieldPath(e);
        if (field == null) {
            return Problems.response(ProblemCode.VALIDATION_ERROR, "A field appears more than once in the request body.", List.of());
        }
        return Problems.response(ProblemCode.VALIDATION_ERROR, field + " appears more than once in the request body.",
                List.of(new FieldError(field, "appears more than once")));
    }

    /** The duplicated field's path (e.g. {@code patient.age}) when every name in it is one of ours, else null. */
    private static String fieldPath(JsonParseException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return null;
        }
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext ctx = parser.getParsingContext(); ctx != null && !ctx.inRoot(); ctx = ctx.getParent()) {
            String name = ctx.getCurrentName();
            if (!ctx.inObject() || name == null || !OUR_FIELDS.contains(name)) {
                return null;
            }
            names.addFirst(name);
        }
        return names.isEmpty() ? null : String.join(".", names);
    }
}
