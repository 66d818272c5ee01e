package org.chartscribe.config;

import java.time.Clock;
import java.util.Optional;
import org.chartscribe.ids.RandomIds;
import org.chartscribe.note.AuditTrail;
import org.chartscribe.note.IdempotencyStore;
import org.chartscribe.note.MedicalCoder;
import org.chartscribe.note.NoteEngine;
import org.chartscribe.note.NoteEngines;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.NoteStore;
import org.chartscribe.note.UnitOfWork;
import org.chartscribe.note.embedded.EmbeddedNoteEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java note core to its adapters. */
@Configuration(proxyBeanMethods = false)
class NoteConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NoteEngines noteEngines(Optional<LlmEngineHolder> llm) {
        // No LLM adapter exists yet: a later capability registers one; until then auto = embedded.
        return new NoteEngines(new EmbeddedNoteEngine(), llm.map(LlmEngineHolder::engine));
    }

    /** Lets an LLM adapter, when configured, offer its engine without this class knowing it. */
    public record LlmEngineHolder(NoteEngine engine) {}

    @Bean
    NoteService noteService(NoteEngines engines, NoteStore notes, IdempotencyStore idempotency, AuditTrail audit,
                            Clock clock,
                            ChartScribeProperties properties, Optional<MedicalCoder> coder, UnitOfWork unitOfWork) {
        return new NoteService(engines, notes, idempotency, audit, clock, properties.retention(),
                RandomIds.withPrefix("note_"), coder.orElse(null), unitOfWork);
    }
}
