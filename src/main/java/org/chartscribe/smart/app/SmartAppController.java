package org.chartscribe.smart.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chartscribe.api.ApiException;
import org.chartscribe.api.NoteLookups;
import org.chartscribe.api.NoteRequestBody;
import org.chartscribe.api.NoteRequestValidator;
import org.chartscribe.api.NoteResponse;
import org.chartscribe.api.NoteStreams;
import org.chartscribe.api.ProblemCode;
import org.chartscribe.ehr.ChartWriter;
import org.chartscribe.ehr.WriteBack;
import org.chartscribe.ehr.WriteBackResult;
import org.chartscribe.fhir.BillingSuggestions;
import org.chartscribe.fhir.ChartReferences;
import org.chartscribe.fhir.FhirRequestException;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.StoredNote;
import org.chartscribe.note.Template;
import org.chartscribe.smart.SmartSession;
import org.chartscribe.smart.SmartSessionNotes;
import org.chartscribe.smart.SmartSessionExpiredException;
import org.chartscribe.smart.SmartSessions;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The clinician app's own API. {@link SessionGuard} has admitted every call (session, CSRF); notes are
 * generated and kept under the session's tenant exactly as {@code POST /v1/note} keeps them.
 */
@RestController
@RequestMapping(path = "/smart/api", produces = MediaType.APPLICATION_JSON_VALUE)
class SmartAppController {

    private final NoteService notes;
    private final SmartSessionNotes sessionNotes;
    private final TokenSource tokens;
    private final ObjectProvider<ChartWriter> writer;
    private final ChartContextReader chart;
    private final NoteStreams streams;

    SmartAppController(NoteService notes, ObjectProvider<SmartSessions> sessions, ObjectProvider<ChartWriter> writer,
                       ChartContextReader chart, SmartSessionNotes sessionNotes, NoteStreams streams) {
        this.notes = notes;
        this.streams = streams;
        this.sessionNotes = sessionNotes;
        // Only ever called after SessionGuard found a session, which needs an implementation.
        this.tokens = session -> sessions.getObject().accessToken(session);
        this.writer = writer;
        this.chart = chart;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Context(PatientView patient, EncounterView encounter, UserView user, boolean detailsLoaded,
                   String csrfToken, String dialect, List<SpecialtyView> specialties, Instant expiresAt) {}

    record PatientView(String id, String name, String birthDate) {}

    record EncounterView(String id, String display, String start, String end) {}

    record UserView(String display) {}

    record SpecialtyView(String id, String name, List<String> templates) {}

    private static final List<SpecialtyView> SPECIALTIES = Specialties.all().stream()
            .map(s -> new SpecialtyView(s.id(), s.name(), Template.allowedFor(s).stream().map(Template::id).toList()))
            .toList();

    @GetMapping("/context")
    Context context(@RequestAttribute(SessionGuard.SESSION) SmartSession session) {
        ChartContextReader.Details details = withLiveToken(() -> chart.read(session, tokens.accessToken(session)));
        EncounterView encounter = session.encounterId().map(id -> new EncounterView(id,
                details.encounterDisplay().orElse(null), details.encounterStart().orElse(null),
                details.encounterEnd().orElse(null))).orElse(null);
        return new Context(new PatientView(session.patientId(), details.patientName().orElse(null),
                details.birthDate().orElse(null)), encounter,
                details.userDisplay().map(UserView::new).orElse(null), details.loaded(),
                session.csrfToken(), session.dialect().code(), SPECIALTIES, session.expiresAt());
    }

    /** Same rules and answer as {@code POST /v1/note}, always with billing codes, on the automatic engine. */
    @PostMapping(path = "/note", consumes = MediaType.APPLICATION_JSON_VALUE)
    NoteResponse generate(@RequestAttribute(SessionGuard.SESSION) SmartSession session,
                          @RequestBody NoteRequestBody body) {
        NoteService.Generated generated = notes.generate(command(session, body));
        StoredNote note = NoteLookups.found(generated.lookup());
        sessionNotes.remember(session, note.noteId());
        return NoteResponse.of(note);
    }

    /**
     * The same note as {@code /note}, streamed with the events of {@code POST /v1/stream/note} (section,
     * section_done, billing_codes, done, error) so the clinician sees each section as it is written.
     * Session, CSRF and validation failures are ordinary problem responses before the stream starts; a
     * reader that leaves (the page closed) stops the work and nothing is stored.
     */
    @PostMapping(path = "/stream/note", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, "application/problem+json"})
    SseEmitter stream(@RequestAttribute(SessionGuard.SESSION) SmartSession session, @RequestBody NoteRequestBody body) {
        // Remembered before `done` is sent, so the approval that follows it finds the note ours.
        return streams.start(command(session, body), stored -> sessionNotes.remember(session, stored.noteId()));
    }

    /** The app always asks for billing codes, on the automatic engine, without an idempotency key. */
    private static NoteService.Generate command(SmartSession session, NoteRequestBody body) {
        NoteRequestBody request = new NoteRequestBody(body.transcript(), body.specialty(), body.template(),
                true, EngineChoice.AUTO.id(), null);
        NoteRequestValidator.Validated valid = NoteRequestValidator.validate(request);
        return new NoteService.Generate(session.tenantId(), valid.request(), valid.engine(), Optional.empty(), "");
    }

    record ApproveResponse(boolean complete, List<ResourceView> resources) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResourceView(String resourceType, String outcome, String id, String url, String error) {
        static ResourceView of(WriteBackResult.Written written) {
            return new ResourceView(written.resourceType(), written.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    written.id().orElse(null), written.url().orElse(null), written.error().orElse(null));
        }
    }

    /** Writes the approved note and kept codes to the chart; again for the same note is the retry. */
    @PostMapping(path = "/note/{noteId}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApproveResponse approve(@RequestAttribute(SessionGuard.SESSION) SmartSession session,
                            @PathVariable String noteId, @RequestBody ApproveRequest body) {
        // Only a note drafted in this launch: one from another launch is another patient's, as good as unknown.
        boolean ours = NoteLookups.isNoteId(noteId) && sessionNotes.generatedIn(session, noteId);
        StoredNote draft = NoteLookups.found(ours ? notes.find(session.tenantId(), noteId) : new NoteLookup.Missing());
        ApprovedNotes.Approval approval = ApprovedNotes.approve(draft, body);
        ChartWriter chartWriter = writer.getIfAvailable();
        if (chartWriter == null) {
            throw new ApiException(ProblemCode.INTERNAL_ERROR, "Writing to the chart is not available in this build.");
        }
        WriteBack request = new WriteBack(session.iss(), () -> tokens.accessToken(session), session.dialect(),
                approval.note(), BillingSuggestions.from(approval.keptCodes()), references(session));
        WriteBackResult result;
        try {
            result = withLiveToken(() -> chartWriter.write(request));
        } catch (FhirRequestException e) {
            // The dialect needs what the launch did not give (Oracle Health: the note's author).
            throw new ApiException(ProblemCode.AUTHORIZATION_ERROR, "This EHR needs the note's author, but the launch "
                    + "did not say who is signed in (fhirUser): ask the EHR administrator to grant 'openid fhirUser'.");
        }
        return new ApproveResponse(result.complete(), result.resources().stream().map(ResourceView::of).toList());
    }

    static ChartReferences references(SmartSession session) {
        return new ChartReferences(Optional.of(new Reference("Patient/" + session.patientId())),
                session.encounterId().map(id -> new Reference("Encounter/" + id)),
                session.fhirUser().flatMap(ChartContextReader::practitionerId).map(id -> new Reference("Practitioner/" + id)));
    }

    private static <T> T withLiveToken(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SmartSessionExpiredException e) {
            throw new ApiException(ProblemCode.AUTHENTICATION_ERROR, SessionGuard.SESSION_ENDED);
        }
    }

    /** Just the token call, so the controller does not hold on to the optional store itself. */
    @FunctionalInterface
    private interface TokenSource {
        String accessToken(SmartSession session);
    }
}
