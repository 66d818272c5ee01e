package org.chartscribe.fhir.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Locale;

/**
 * HAPI's JSON parser resolves a property sent twice in one object by "last one wins"
 * ({@code {"name": "transcript", "valueString": "a", "valueString": "b"}}), so a proxy or log reading the
 * first value would see another request than the one we serve. {@code POST /v1/note} refuses that, and
 * so does {@code $generate-soap}: the body HAPI already read is scanned once more, by a streaming parser
 * that stops at the first duplicate. The property's name is the client's text and is not repeated.
 */
final class FhirJsonDuplicates {
    static final String DUPLICATE = "A JSON property appears twice in the same object of the Parameters body; send each once.";
    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private FhirJsonDuplicates() {}

    /** Whether a JSON body names a property twice in one object; not JSON (XML, or unreadable) is false here. */
    static boolean hasDuplicate(String contentType, byte[] body) {
        if (body == null || contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return false;
        }
        try (JsonParser parser = STRICT.createParser(body)) {
            while (parser.nextToken() != null) {
                // every token is read: the check happens as each property name is read
            }
            return false;
        } catch (JsonParseException e) {
            // Jackson's fixed wording for STRICT_DUPLICATE_DETECTION; it has no dedicated exception type.
            return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '");
        } catch (IOException e) {
            return false;
        }
    }
}
