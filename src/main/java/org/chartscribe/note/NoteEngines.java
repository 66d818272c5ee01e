package org.chartscribe.note;

import java.util.Optional;

/** The engines this server has: the embedded one always, an LLM one when configured. */
public record NoteEngines(NoteEngine embedded, Optional<NoteEngine> llm) {

    public NoteEngine select(EngineChoice choice) {
        return switch (choice) {
            case EMBEDDED -> embedded;
            case LLM -> llm.orElseThrow(() -> new EngineUnavailableException("llm"));
            // auto never fails for the provider's sake: the embedded engine stands in
            case AUTO -> llm.<NoteEngine>map(l -> new FallbackNoteEngine(l, embedded)).orElse(embedded);
        };
    }
}
