package org.chartscribe.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NoteServiceTest {
    private static final String TRANSCRIPT = "Doctor: Your blood pressure is 128/82 today. Continue lisinopril 10 mg daily.";

    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00.123456Z"));
    private final AtomicInteger ids = new AtomicInteger();
    private final NoteEngine engine = new FixedEngine("embedded");
    private final List<String> audited = new java.util.ArrayList<>();
    private final AuditTrail audit = (tenant, action, noteId) -> audited.add(tenant + " " + action + " " + noteId);

    private NoteService service(Optional<NoteEngine> llm) {
        return new NoteService(new NoteEngines(engine, llm), stores, stores, audit, clock, Duration.ofDays(30),
                () -> "note_" + ids.incrementAndGet());
    }

    private static NoteService.Generate command(String tenant, EngineChoice choice, String key, String hash,
                                                boolean billing) {
        NoteRequest request = new NoteRequest(TRANSCRIPT, Specialties.generic(), Template.STANDARD, billing, null);
        return new NoteService.Generate(tenant, request, choice, Optional.ofNullable(key), hash);
    }

    @Test
    void storesTheNoteWithRetentionAndMillisecondTimestamps() {
        NoteLookup lookup = service(Optional.empty()).generate(command("t1", EngineChoice.AUTO, null, "h", false)).lookup();

        StoredNote note = ((NoteLookup.Found) lookup).note();
        assertThat(note.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.123Z"));
        assertThat(note.expiresAt()).isEqualTo(note.createdAt().plus(Duration.ofDays(30)));
        assertThat(note.draft().engine().name()).isEqualTo("embedded");
    }

    @Test
    void aNewNoteAndItsCreatedAuditRowAreWrittenInOneUnitOfWork() {
        List<String> units = new java.util.ArrayList<>();
        UnitOfWork recording = work -> {
            int before = audited.size();
            work.run();
            units.add("unit: " + audited.subList(before, audited.size()));
        };
        NoteService service = new NoteService(new NoteEngines(engine, Optional.empty()), stores, stores, audit, clock,
                Duration.ofDays(30), () -> "note_" + ids.incrementAndGet(), null, recording);

        NoteLookup.Found found = (NoteLookup.Found) service.generate(command("t1", EngineChoice.AUTO, null, "h", false))
                .lookup();

        assertThat(units).containsExactly("unit: [t1 note.created " + found.note().noteId() + "]");
        assertThat(service.find("t1", found.note().noteId())).isInstanceOf(NoteLookup.Found.class);
    }

    @Test
    void notesExpireAfterRetention() {
        NoteService service = service(Optional.empty());
        StoredNote note = ((NoteLookup.Found) service.generate(command("t1", EngineChoice.AUTO, null, "h", false))
                .lookup()).note();

        clock.advance(Duration.ofDays(30));

        assertThat(service.find("t1", note.noteId())).isInstanceOf(NoteLookup.Gone.class);
    }

    @Test
    void autoPrefersAConfiguredLlmAndLlmWithoutOneIsUnavailable() {
        NoteService withLlm = service(Optional.of(new FixedEngine("llm")));
        NoteLookup.Found found = (NoteLookup.Found) withLlm.generate(command("t", EngineChoice.AUTO, null, "h", false)).lookup();
        assertThat(found.note().draft().engine().name()).isEqualTo("llm");

        assertThatThrownBy(() -> service(Optional.empty()).generate(command("t", EngineChoice.LLM, null, "h", false)))
                .isInstanceOf(EngineUnavailableException.class);
        assertThat(stores.noteCount()).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReplaysWithinTheWindowAndIsScopedToTheTenant() {
        NoteService service = service(Optional.empty());
        NoteService.Generated first = service.generate(command("t1", EngineChoice.AUTO, "k", "h", false));
        NoteService.Generated again = service.generate(command("t1", EngineChoice.AUTO, "k", "h", false));
        NoteService.Generated otherTenant = service.generate(command("t2", EngineChoice.AUTO, "k", "h", false));

        assertThat(again.replayed()).isTrue();
        assertThat(again.lookup()).isEqualTo(first.lookup());
        assertThat(otherTenant.replayed()).isFalse();
        assertThatThrownBy(() -> service.generate(command("t1", EngineChoice.AUTO, "k", "other", false)))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void idempotencyKeyIsFreeAgainAfterTwentyFourHours() {
        NoteService service = service(Optional.empty());
        NoteService.Generated first = service.generate(command("t1", EngineChoice.AUTO, "k", "h", false));
        clock.advance(Duration.ofHours(25));

        NoteService.Generated later = service.generate(command("t1", EngineChoice.AUTO, "k", "other", false));

        assertThat(later.replayed()).isFalse();
        assertThat(later.lookup()).isNotEqualTo(first.lookup());
    }

    @Test
    void billingRequestWithoutACoderSaysSo() {
        NoteLookup.Found found = (NoteLookup.Found) service(Optional.empty())
                .generate(command("t", EngineChoice.AUTO, null, "h", true)).lookup();

        assertThat(found.note().draft().warnings()).extracting(NoteWarning::code).contains("BILLING_CODES_UNAVAILABLE");
    }

    @Test
    void aTranscriptInAnotherLanguageIsChartedWithAWarningForTheWholeNote() {
        String spanish = "Doctor: Buenos días, ¿qué le trae hoy por aquí? Paciente: Tengo dolor en la parte baja de la espalda "
                + "desde hace dos semanas y empeora cuando me agacho.";
        NoteRequest request = new NoteRequest(spanish, Specialties.generic(), Template.STANDARD, false, null);
        NoteLookup.Found found = (NoteLookup.Found) service(Optional.empty())
                .generate(new NoteService.Generate("t", request, EngineChoice.AUTO, Optional.empty(), "h")).lookup();

        assertThat(found.note().draft().warnings()).filteredOn(w -> w.code().equals(NoteService.NON_ENGLISH_TRANSCRIPT))
                .singleElement().satisfies(w -> assertThat(w.section()).isNull());
        NoteLookup.Found english = (NoteLookup.Found) service(Optional.empty())
                .generate(command("t", EngineChoice.AUTO, null, "h2", false)).lookup();
        assertThat(english.note().draft().warnings()).extracting(NoteWarning::code).doesNotContain(NoteService.NON_ENGLISH_TRANSCRIPT);
    }

    @Test
    void deleteAnswersWhatWasThereBefore() {
        NoteService service = service(Optional.empty());
        String id = ((NoteLookup.Found) service.generate(command("t1", EngineChoice.AUTO, null, "h", false)).lookup())
                .note().noteId();

        assertThat(service.delete("t2", id)).isInstanceOf(NoteLookup.Missing.class);
        assertThat(service.delete("t1", id)).isInstanceOf(NoteLookup.Found.class);
        assertThat(service.delete("t1", id)).isInstanceOf(NoteLookup.Gone.class);
        assertThat(service.find("t1", id)).isInstanceOf(NoteLookup.Gone.class);
        assertThat(audited).containsExactly("t1 note.created " + id, "t1 note.deleted " + id);
    }

    private record FixedEngine(String name) implements NoteEngine {
        @Override
        public EngineInfo info() {
            return new EngineInfo(name, "test");
        }

        @Override
        public DraftNote generate(NoteRequest request) {
            NoteSection section = new NoteSection("Plan", "Continue current medication.", List.of(new Evidence(0, 10)));
            return new DraftNote(Map.of(SoapPart.PLAN, List.of(section)), List.of(), info());
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
