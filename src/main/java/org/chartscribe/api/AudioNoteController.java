package org.chartscribe.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chartscribe.audio.AudioJobSubmitter;
import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.audio.AudioNoteResult;
import org.chartscribe.audio.AudioRejected;
import org.chartscribe.audio.IdempotentUpload;
import org.chartscribe.audio.RecordingPipeline;
import org.chartscribe.audio.SpeechRecognizer;
import org.chartscribe.audio.WebhookUrlRejected;
import org.chartscribe.config.AudioProperties;
import org.chartscribe.config.AudioWorkDir;
import org.chartscribe.note.NoteService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /v1/note/audio} (and {@code PUT}, as SOAPNoteAPI documents it): a recording in a multipart
 * form, the note with its speaker-labelled transcript out. The upload is already on disk in the
 * owner-only work directory when this runs (the multipart parser writes it there); it is moved to a
 * file of its own and deleted in a finally block. Recordings over the synchronous limit, or sent with
 * {@code async=true} or a {@code webhook_url}, are handed to the job queue and answered 202.
 */
@RestController
@RequestMapping(path = "/v1/note/audio", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "apiKey")
class AudioNoteController {
    static final String NO_JOBS = "Asynchronous audio jobs are not available on this server: send a recording of at "
            + "most the synchronous limit without async or webhook_url.";

    /** Says whether an answer is an earlier request's, as on /v1/note. */
    private static final String REPLAYED = "Idempotent-Replayed";

    private final RecordingPipeline pipeline;
    private final NoteService notes;
    private final ObjectProvider<AudioJobSubmitter> jobs;
    private final Path workDir;
    private final long syncLimitMs;
    private final String speechEngine;
    private final MeterRegistry metrics;

    AudioNoteController(RecordingPipeline pipeline, NoteService notes, ObjectProvider<AudioJobSubmitter> jobs,
                        AudioProperties audio, SpeechRecognizer recognizer, MeterRegistry metrics, AudioWorkDir work) {
        this.pipeline = pipeline;
        this.notes = notes;
        this.jobs = jobs;
        this.workDir = work.path();
        this.syncLimitMs = audio.syncLimit().toMillis();
        this.speechEngine = recognizer.name();
        this.metrics = metrics;
    }

    @Operation(summary = "Generate a SOAP note from a recorded encounter", description = "multipart/form-data with "
            + "`audio` (MP3, M4A, WAV, OGG Vorbis/Opus, WebM Opus or FLAC, recognised by content) and the note fields. "
            + "Short recordings answer 200 with the note and `transcript: {text, segments}`; longer ones, `async=true` "
            + "or a `webhook_url` answer 202 `{jobId, status_url}`. `Idempotency-Key` as on POST /v1/note: the same key, "
            + "recording and fields within 24 h answer with the first note or job (`Idempotent-Replayed: true`). A note "
            + "whose recording the embedded recogniser heard because the configured engine failed has a SPEECH_FALLBACK warning.")
    @ApiResponse(responseCode = "202", description = "queued as a job: {jobId, status_url}")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: over the upload size or duration limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: not audio in an accepted format",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "422", description = "UNPROCESSABLE_CONTENT: empty, damaged, or no speech recognised",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @ApiResponse(responseCode = "502", description = "UPSTREAM_ERROR: the cloud speech engine failed and fallback is off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    @RequestMapping(method = {RequestMethod.POST, RequestMethod.PUT}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> create(@RequestAttribute(ApiKeyAuthInterceptor.TENANT) String tenant,
                             @RequestParam(name = "audio", required = false) MultipartFile audio,
                             @RequestParam(name = "specialty", required = false) String specialty,
                             @RequestParam(name = "template", required = false) String template,
                             @RequestParam(name = "include_billing_codes", required = false) String includeBillingCodes,
                             @RequestParam(name = "engine", required = false) String engine,
                             @RequestParam(name = "webhook_url", required = false) String webhookUrl,
                             @RequestParam(name = "async", required = false) String async,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyHeader) {
        Optional<String> idempotencyKey = NoteController.idempotencyKey(idempotencyHeader);
        List<FieldError> errors = new ArrayList<>();
        if (audio == null) {
            errors.add(new FieldError("audio", "is required: a file part named audio"));
        }
        Optional<NoteRequestValidator.NoteOptions> note = NoteRequestValidator.noteOptions(specialty, template, engine, errors);
        Optional<Boolean> billing = flag("include_billing_codes", includeBillingCodes, errors);
        Optional<Boolean> asyncFlag = flag("async", async, errors);
        Optional<URI> webhook = webhook(webhookUrl, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        AudioNoteOptions options = new AudioNoteOptions(note.get().specialty(), note.get().template(),
                billing.orElse(false), note.get().engine());
        Path upload = null;
        try {
            upload = Files.createTempFile(workDir, "upload-", ".audio");
            audio.transferTo(upload);
            Path spooled = upload;
            Optional<IdempotentUpload> idempotency = idempotencyKey.map(key -> new IdempotentUpload(key,
                    UploadDigest.of(List.of("audio", options.specialty().id(), options.template().id(),
                            Boolean.toString(options.includeBillingCodes()), options.engine().name(),
                            webhook.map(URI::toString).orElse(""), Boolean.toString(asyncFlag.orElse(false))), spooled)));
            if (idempotency.isPresent()) {
                Optional<ResponseEntity<?>> earlier = replayed(tenant, idempotency.get());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            RecordingPipeline.Inspection inspection = pipeline.inspect(upload);
            boolean long_ = inspection.durationMs() > syncLimitMs
                    || inspection.durationMs() < 0 && Files.size(upload) > UNKNOWN_LENGTH_SYNC_BYTES;
            if (asyncFlag.orElse(false) || webhook.isPresent() || long_) {
                return queued(tenant, upload, options, webhook, idempotency);
            }
            AudioNoteResult result = pipeline.run(tenant, upload, options, idempotency, p -> { });
            metrics.counter("chartscribe.audio.notes", "speech", speechEngine, "format",
                    inspection.container().name().toLowerCase(Locale.ROOT)).increment();
            return ResponseEntity.ok().header(REPLAYED, "false").body(NoteResponse.of(result.note()));
        } catch (AudioRejected e) {
            throw rejected(e);
        } catch (SpeechRecognizer.SpeechUnavailable e) {
            throw new ApiException(ProblemCode.UPSTREAM_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException e) {
                    upload.toFile().deleteOnExit(); // and the start-up sweep
                }
            }
        }
    }

    /**
     * A recording whose container gives no length (a browser's WebM) is taken as long above this size:
     * about two minutes of Opus at the 64 kbit/s browsers use.
     */
    static final long UNKNOWN_LENGTH_SYNC_BYTES = 1_000_000;

    /**
     * The answer an earlier upload under the same key and with the same content got: its note (even one
     * that has since expired or been deleted: 410, as for /v1/note) or its job. Checked before anything
     * is decoded, so a client's retry never recognises the recording twice.
     */
    private Optional<ResponseEntity<?>> replayed(String tenant, IdempotentUpload idempotency) {
        Optional<NoteService.Generated> note = notes.replayed(tenant, idempotency.key(), idempotency.requestHash());
        if (note.isPresent()) {
            return Optional.of(ResponseEntity.ok().header(REPLAYED, "true")
                    .body(NoteResponse.of(NoteLookups.found(note.get().lookup()))));
        }
        AudioJobSubmitter submitter = jobs.getIfAvailable();
        return submitter == null ? Optional.empty()
                : submitter.replayed(tenant, idempotency).map(job -> accepted(job, true));
    }

    private ResponseEntity<?> queued(String tenant, Path upload, AudioNoteOptions options, Optional<URI> webhook,
                                     Optional<IdempotentUpload> idempotency) {
        AudioJobSubmitter submitter = jobs.getIfAvailable();
        if (submitter == null) {
            throw new ApiException(ProblemCode.ENGINE_UNAVAILABLE, NO_JOBS);
        }
        AudioJobSubmitter.AcceptedJob job;
        try {
            job = submitter.submit(tenant, upload, options, webhook, idempotency);
        } catch (WebhookUrlRejected e) {
            throw ApiException.validation(List.of(new FieldError("webhook_url", e.getMessage())));
        }
        return accepted(job, false);
    }

    private static ResponseEntity<?> accepted(AudioJobSubmitter.AcceptedJob job, boolean replayed) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("jobId", job.jobId());
        body.put("status_url", "/v1/jobs/" + job.jobId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/v1/jobs/" + job.jobId()))
                .header(REPLAYED, Boolean.toString(replayed)).body(body);
    }

    static ApiException rejected(AudioRejected e) {
        ProblemCode code = switch (e.reason()) {
            case UNSUPPORTED_FORMAT -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LONG -> ProblemCode.PAYLOAD_TOO_LARGE;
            case EMPTY, CORRUPT, NO_SPEECH -> ProblemCode.UNPROCESSABLE_CONTENT;
        };
        return new ApiException(code, e.getMessage(), List.of(new FieldError("audio", e.getMessage())));
    }

    private static Optional<Boolean> flag(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.equals("true") || value.equals("false")) {
            return Optional.of(Boolean.parseBoolean(value));
        }
        errors.add(new FieldError(field, "must be true or false"));
        return Optional.empty();
    }

    /** Only the form is checked here (an absolute http(s) URL); the job queue checks where it points. */
    private static Optional<URI> webhook(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && value.length() <= 2048) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // answered below, without repeating the value
        }
        errors.add(new FieldError("webhook_url", "must be an absolute https URL of at most 2048 characters"));
        return Optional.empty();
    }
}
