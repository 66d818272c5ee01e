package org.chartscribe.note;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.chartscribe.transcript.TranscriptLanguage;

/**
 * Generates, keeps and destroys notes for tenants. Plain Java: the REST and FHIR adapters call it,
 * the store and engines are ports.
 */
public final class NoteService {

    /** How long an {@code Idempotency-Key} is honoured (the contract says 24 h). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** The warning code for a transcript in another language than English. */
    public static final String NON_ENGLISH_TRANSCRIPT = "NON_ENGLISH_TRANSCRIPT";

    private final NoteEngines engines;
    private final NoteStore notes;
    private final IdempotencyStore idempotency;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration retention;
    private final Supplier<String> noteIds;
    private final MedicalCoder coder;
    private final UnitOfWork unitOfWork;

    /** Without a coder: a request for billing codes gets a {@code BILLING_CODES_UNAVAILABLE} warning. */
    public NoteService(NoteEngines engines, NoteStore notes, IdempotencyStore idempotency, AuditTrail audit,
                       Clock clock, Duration retention, Supplier<String> noteIds) {
        this(engines, notes, idempotency, audit, clock, retention, noteIds, null, UnitOfWork.DIRECT);
    }

    /** {@code unitOfWork}: how the store writes of one request go in together (a database transaction). */
    public NoteService(NoteEngines engines, NoteStore notes, IdempotencyStore idempotency, AuditTrail audit,
                       Clock clock, Duration retention, Supplier<String> noteIds, MedicalCoder coder,
                       UnitOfWork unitOfWork) {
        this.engines = engines;
        this.notes = notes;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
        this.noteIds = noteIds;
        this.coder = coder;
        this.unitOfWork = unitOfWork;
    }

    /**
     * A request to generate, with the optional idempotency key and a hash of the normalised request.
     * {@code recording} is what a recogniser heard when the transcript came from audio (kept with the
     * note), else null; {@code notices} are warnings from before the engine ran (a speech fallback).
     */
    public record Generate(String tenantId, NoteRequest request, EngineChoice engine,
                           Optional<String> idempotencyKey, String requestHash, RecognisedTranscript recording,
                           List<NoteWarning> notices) {
        public Generate {
            notices = List.copyOf(notices);
        }

        public Generate(String tenantId, NoteRequest request, EngineChoice engine, Optional<String> idempotencyKey,
                        String requestHash) {
            this(tenantId, request, engine, idempotencyKey, requestHash, null, List.of());
        }
    }

    /** The note, and whether it was replayed for a repeated idempotency key. */
    public record Generated(NoteLookup lookup, boolean replayed) {}

    public Generated generate(Generate command) {
        return generate(command, null);
    }

    /**
     * The engine (or fails with {@link EngineUnavailableException}) a command will use: checked before a
     * stream starts, so that the failure is an ordinary error response.
     */
    public void checkEngine(EngineChoice choice) {
        engines.select(choice);
    }

    /**
     * As {@link #generate(Generate)}, sending the note's divisions to {@code stream} as they are written
     * (a replayed note's from the stored one). A reader that goes away stops the work with
     * {@link NoteStream.Cancelled}, and the note is not stored.
     */
    public Generated generate(Generate command, NoteStream stream) {
        NoteEngine engine = engines.select(command.engine());
        StreamedSections sections = stream == null ? null : new StreamedSections(stream);
        Optional<Generated> replay = command.idempotencyKey().flatMap(key -> replayed(command.tenantId(), key, command.requestHash()));
        if (replay.isPresent()) {
            if (sections != null && replay.get().lookup() instanceof NoteLookup.Found found) {
                sections.finish(found.note().draft());
            }
            return replay.get();
        }
        DraftNote draft = draft(engine, command.request(), sections);
        if (command.recording() != null || !command.notices().isEmpty()) {
            draft = draft.fromRecording(command.recording(), command.notices());
        }
        if (sections != null) {
            if (stream.cancelled()) {
                throw new NoteStream.Cancelled();
            }
            sections.finish(draft);
        }
        // Millisecond precision: what every supported database keeps, so a re-read note is identical.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredNote note = new StoredNote(noteIds.get(), command.tenantId(), command.request().specialty().id(),
                command.request().template().id(), draft, now, now.plus(retention));
        if (command.idempotencyKey().isEmpty()) {
            unitOfWork.inOne(() -> {
                notes.save(note);
                audit.record(command.tenantId(), "note.created", note.noteId());
            });
            return new Generated(new NoteLookup.Found(note), false);
        }
        // With a key, the note is stored before the key is claimed: a lost race deletes it (crypto-shredded)
        // and answers with the winner's, which a single transaction could not do on PostgreSQL (the failed
        // claim aborts it).
        notes.save(note);
        String key = command.idempotencyKey().get();
        boolean won = idempotency.record(command.tenantId(), key,
                new IdempotencyStore.Entry(command.requestHash(), note.noteId(), now));
        if (!won) {
            // A concurrent request with the same key finished first: answer with its note, drop ours.
            notes.delete(command.tenantId(), note.noteId());
            return replayed(command.tenantId(), key, command.requestHash()).orElseThrow(IdempotencyConflictException::new);
        }
        audit.record(command.tenantId(), "note.created", note.noteId());
        return new Generated(new NoteLookup.Found(note), false);
    }

    private DraftNote draft(NoteEngine engine, NoteRequest request, NoteStream stream) {
        DraftNote draft = languageChecked(stream == null ? engine.generate(request) : engine.generate(request, stream),
                request);
        if (!request.includeBillingCodes()) {
            return draft;
        }
        if (coder != null) {
            // Coded from the finished draft so the codes agree with the assessment the reader sees; an
            // LLM's own proposals (already checked against the code set) join this baseline.
            return draft.withBillingCodes(BillingCodes.merge(coder.code(request, draft), draft.billingCodes()));
        }
        if (draft.billingCodes() != null) {
            return draft;
        }
        // Code suggestions are a separate capability that this build does not have yet; say so
        // rather than answer with an empty list that looks like "no codes apply".
        List<NoteWarning> warnings = new ArrayList<>(draft.warnings());
        warnings.add(new NoteWarning("BILLING_CODES_UNAVAILABLE", null,
                "Billing code suggestions are not available in this version."));
        return new DraftNote(draft.sections(), warnings, draft.engine());
    }

    /** The engines chart English: a note from another language is likely thin or empty, and its reader is told. */
    private static DraftNote languageChecked(DraftNote draft, NoteRequest request) {
        if (TranscriptLanguage.looksEnglish(request.transcript())) {
            return draft;
        }
        List<NoteWarning> warnings = new ArrayList<>(draft.warnings());
        warnings.add(new NoteWarning(NON_ENGLISH_TRANSCRIPT, null, "The transcript does not look like English. "
                + "ChartScribe charts English conversations and dictations, so this note may be incomplete or empty: "
                + "check it against the transcript."));
        return new DraftNote(draft.sections(), warnings, draft.engine(), draft.billingCodes());
    }

    /**
     * The note an earlier request with this key and the same request hash produced, checked before costly
     * work (recognising a recording) is repeated; empty when the key is new or its window has passed.
     * @throws IdempotencyConflictException when the key was used with a different request
     */
    public Optional<Generated> replayed(String tenantId, String key, String requestHash) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(IDEMPOTENCY_WINDOW);
        // An entry older than the window no longer binds the key: drop it so the key can be reused
        // even before the purge job gets to it.
        idempotency.forgetIfOlderThan(tenantId, key, windowStart);
        return idempotency.find(tenantId, key).map(entry -> {
            if (!entry.requestHash().equals(requestHash)) {
                throw new IdempotencyConflictException();
            }
            audit.record(tenantId, "note.replayed", entry.noteId());
            return new Generated(notes.find(tenantId, entry.noteId(), now), true);
        });
    }

    public NoteLookup find(String tenantId, String noteId) {
        NoteLookup lookup = notes.find(tenantId, noteId, clock.instant());
        if (lookup instanceof NoteLookup.Found) {
            audit.record(tenantId, "note.read", noteId);
        }
        return lookup;
    }

    /** A page of the tenant's live notes, newest first; no content is read, so nothing is audited. */
    public java.util.List<NoteSummary> list(String tenantId, String beforeNoteId, int limit) {
        return notes.list(tenantId, clock.instant(), beforeNoteId, limit);
    }

    /** Destroys a note's content. Returns the state before deletion so the caller can answer 404 or 410. */
    public NoteLookup delete(String tenantId, String noteId) {
        NoteLookup before = notes.find(tenantId, noteId, clock.instant());
        if (before instanceof NoteLookup.Found) {
            notes.delete(tenantId, noteId);
            audit.record(tenantId, "note.deleted", noteId);
        }
        return before;
    }
}
