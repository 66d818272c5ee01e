package org.chartscribe.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.chartscribe.note.NoteService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /v1/stream/note}: the note of {@code /v1/note}, streamed as server-sent events while it is
 * written. Everything that can be checked before writing (key, body, validation, Idempotency-Key, the
 * engine asked for, room on the workers) is, and answers an ordinary problem+json; after that the
 * status is 200 and a failure is the stream's {@code error} event.
 */
@RestController
@SecurityRequirement(name = "apiKey")
class NoteStreamController {

    private final ObjectMapper json;
    private final NoteStreams streams;

    NoteStreamController(ObjectMapper json, NoteStreams streams) {
        this.json = json;
        this.streams = streams;
    }

    @Operation(summary = "Generate a SOAP note, streamed as server-sent events", description = "Same body, key and "
            + "Idempotency-Key as POST /v1/note. Events: `section` {\"section\": \"subjective\", \"delta\": \"...\"} "
            + "(text appended to that division's plain text, one per headed section, divisions in order), "
            + "`section_done` {\"section\": \"subjective\"}, `billing_codes` (the note's billing_codes, when asked "
            + "for), `done` (the full stored note, exactly as GET /v1/note/{noteId} returns it: the authoritative "
            + "text), or `error` (a problem JSON, when writing fails after the stream started). A comment line "
            + "is sent as a heartbeat while the note is written (CHARTSCRIBE_STREAM_HEARTBEAT, 15 s). Closing the "
            + "connection stops the work, cancels the model call, and stores nothing.")
    @ApiResponse(responseCode = "200", description = "the event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "VALIDATION_ERROR, before the stream starts",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "401", description = "AUTHENTICATION_ERROR",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE, before the stream starts",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: the body must be application/json",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "503", description = "ENGINE_UNAVAILABLE (engine=llm not configured) or SERVER_BUSY "
            + "(no room for another stream), before the stream starts; a provider failure of engine=llm after the start "
            + "is the stream's error event (ENGINE_UNAVAILABLE or UPSTREAM_ERROR), engine=auto falls back instead",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @PostMapping(path = "/v1/stream/note", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, "application/problem+json"})
    SseEmitter stream(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant,
                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                      @RequestBody NoteRequestBody body) {
        NoteService.Generate command = NoteController.command(tenant, idempotencyKey, body, json);
        return streams.start(command, stored -> { });
    }
}
