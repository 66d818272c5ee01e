package org.chartscribe.llm;

import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.chartscribe.note.SoapPart;

/**
 * The note's JSON schema as a structured-outputs {@code response_format}: strict (every property
 * required, nothing else allowed), the shape the core's reader accepts and the system prompt describes.
 */
final class NoteSchema {

    private NoteSchema() {}

    static ResponseFormat responseFormat(String kind) {
        return switch (kind) {
            case "json_schema" -> ResponseFormat.builder().type(ResponseFormatType.JSON)
                    .jsonSchema(JsonSchema.builder().name("soap_note").rootElement(root()).build()).build();
            case "json_object" -> ResponseFormat.JSON;
            default -> ResponseFormat.TEXT;
        };
    }

    private static JsonObjectSchema root() {
        JsonArraySchema quotes = JsonArraySchema.builder()
                .description("verbatim quotes from the transcript that support this").items(new JsonStringSchema()).build();
        JsonObjectSchema section = JsonObjectSchema.builder()
                .addStringProperty("heading").addStringProperty("text").addProperty("evidence", quotes)
                .required("heading", "text", "evidence").additionalProperties(false).build();
        JsonObjectSchema.Builder sections = JsonObjectSchema.builder().additionalProperties(false);
        String[] parts = new String[SoapPart.values().length];
        for (SoapPart part : SoapPart.values()) {
            sections.addProperty(part.key(), JsonArraySchema.builder().items(section).build());
            parts[part.ordinal()] = part.key();
        }
        sections.required(parts);
        JsonObjectSchema code = JsonObjectSchema.builder()
                .addStringProperty("code", "ICD-10-CM code").addStringProperty("rationale").addProperty("evidence", quotes)
                .required("code", "rationale", "evidence").additionalProperties(false).build();
        return JsonObjectSchema.builder()
                .addProperty("sections", sections.build())
                .addProperty("icd10", JsonArraySchema.builder().items(code).build())
                .required("sections", "icd10").additionalProperties(false).build();
    }
}
