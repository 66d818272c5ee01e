package org.chartscribe.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/v1/note", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "apiKey")
class NoteController {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final NoteService notes;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    NoteController(NoteService notes, ObjectMapper json, MeterRegistry metrics) {
        this.notes = notes;
        this.json = json;
        this.metrics = metrics;
    }

    @Operation(summary = "Generate a SOAP note from a transcript", description = "engine=auto (default) uses the "
            + "configured LLM and falls back to the embedded engine with an LLM_FALLBACK warning when the LLM fails; "
            + "engine=llm answers a problem instead. An LLM note's unsupported numbers, doses, drugs, sides and "
            + "diagnoses are flagged as UNSUPPORTED_FACT warnings; its proposed ICD-10-CM codes are kept only when "
            + "billable in the loaded code set (else BILLING_CODE_DROPPED), and billing_codes.*.proposed_by names "
            + "the engine(s) that proposed each code.")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: the body exceeds the size limit, or (engine=llm) "
            + "the transcript exceeds the LLM's configured context budget; it is never truncated",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "502", description = "UPSTREAM_ERROR (engine=llm): the model answered without a valid note, "
            + "also after one repair attempt, or refused",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "503", description = "ENGINE_UNAVAILABLE: engine=llm is not configured, or its provider "
            + "is down, timed out or rate limiting (Retry-After as the provider gave it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NoteResponse> create(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                        @RequestBody NoteRequestBody body) {
        NoteService.Generated generated = notes.generate(command(tenant, idempotencyKey, body, json));
        NoteResponse response = NoteResponse.of(NoteLookups.found(generated.lookup()));
        metrics.counter("chartscribe.notes.generated", "engine", response.engine().name(),
                "replayed", Boolean.toString(generated.replayed())).increment();
        return ResponseEntity.ok()
                .header("Idempotent-Replayed", Boolean.toString(generated.replayed()))
                .body(response);
    }

    @Operation(summary = "Read a stored note until it expires")
    @GetMapping("/{noteId}")
    NoteResponse read(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant, @PathVariable String noteId) {
        return NoteResponse.of(NoteLookups.found(lookup(tenant, noteId, false)));
    }

    @Operation(summary = "Destroy a note's content")
    @DeleteMapping("/{noteId}")
    ResponseEntity<Void> delete(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant,
                                @PathVariable String noteId) {
        NoteLookups.found(lookup(tenant, noteId, true));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private NoteLookup lookup(String tenant, String noteId, boolean delete) {
        if (!NoteLookups.isNoteId(noteId)) {
            return new NoteLookup.Missing();
        }
        return delete ? notes.delete(tenant, noteId) : notes.find(tenant, noteId);
    }

    /** The validated command for a note request, shared with the streamed endpoint; bad input is an ApiException. */
    static NoteService.Generate command(String tenant, String idempotencyKey, NoteRequestBody body, ObjectMapper json) {
        Optional<String> key = idempotencyKey(idempotencyKey);
        NoteRequestValidator.Validated valid = NoteRequestValidator.validate(body);
        return new NoteService.Generate(tenant, valid.request(), valid.engine(), key, hash(body, json));
    }

    /** The {@code Idempotency-Key} header if sent; a malformed one is a validation error (not echoed). */
    static Optional<String> idempotencyKey(String header) {
        if (header != null && !IDEMPOTENCY_KEY.matcher(header).matches()) {
            throw ApiException.validation(List.of(new FieldError("Idempotency-Key",
                    "must be 1 to 255 visible ASCII characters")));
        }
        return Optional.ofNullable(header);
    }

    /** A digest of the request as sent, so a reused Idempotency-Key with another body is refused. */
    private static String hash(NoteRequestBody body, ObjectMapper json) {
        try {
            byte[] canonical = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }
}
