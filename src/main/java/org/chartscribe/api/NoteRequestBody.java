package org.chartscribe.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON body of {@code POST /v1/note}, as SOAPNoteAPI clients send it. Fields are nullable here so
 * that {@link NoteRequestValidator} can report every problem at once with the contract's wording.
 * Unknown fields are ignored, so SOAPNoteAPI's optional extras do not break a drop-in client.
 */
public record NoteRequestBody(
        @Schema(description = "Dialogue or dictation, 50..200,000 characters after trimming", requiredMode = Schema.RequiredMode.REQUIRED)
        String transcript,
        @Schema(description = "One of the ids of GET /v1/specialties", defaultValue = "generic")
        String specialty,
        @Schema(description = "standard, brief, detailed, problem_oriented; birp and dap for behavioural specialties", defaultValue = "standard")
        String template,
        @JsonProperty("include_billing_codes")
        @Schema(defaultValue = "false")
        Boolean includeBillingCodes,
        @Schema(description = "auto (the configured LLM if any, else embedded), embedded or llm", defaultValue = "auto")
        String engine,
        @Schema(description = "Optional hints")
        Patient patient) {

    public record Patient(Integer age, String sex) {}

    /** Redacted: Spring MVC logs bodies at DEBUG through toString, and this one carries PHI. */
    @Override
    public String toString() {
        return "NoteRequestBody[transcript=<" + (transcript == null ? "null" : transcript.length() + " chars")
                + ">, specialty=" + specialty + ", template=" + template + ", engine=" + engine + "]";
    }
}
