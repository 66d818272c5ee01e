package org.chartscribe.note;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code engine=auto} with an LLM configured: the LLM writes the note, and when it fails the embedded
 * engine does, with an {@code LLM_FALLBACK} warning that says why. The note's {@code engine} field
 * names the engine that actually wrote it.
 */
public final class FallbackNoteEngine implements NoteEngine {

    public static final String LLM_FALLBACK = "LLM_FALLBACK";

    private final NoteEngine primary;
    private final NoteEngine fallback;

    public FallbackNoteEngine(NoteEngine primary, NoteEngine fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public EngineInfo info() {
        return primary.info();
    }

    @Override
    public DraftNote generate(NoteRequest request) {
        try {
            return primary.generate(request);
        } catch (EngineFailedException e) {
            return fallBack(e, fallback.generate(request));
        }
    }

    /**
     * Streamed: the LLM rarely fails after its first tokens (provider failures come before them), but if
     * it does, divisions it already sent are not sent again and the stream's final note (the stored,
     * embedded one, with the warning) is the one that counts.
     */
    @Override
    public DraftNote generate(NoteRequest request, NoteStream stream) {
        try {
            return primary.generate(request, stream);
        } catch (EngineFailedException e) {
            return fallBack(e, fallback.generate(request, stream));
        }
    }

    private static DraftNote fallBack(EngineFailedException e, DraftNote draft) {
        List<NoteWarning> warnings = new ArrayList<>(draft.warnings());
        warnings.add(0, new NoteWarning(LLM_FALLBACK, null, "The LLM engine could not write this note ("
                + e.getMessage() + "), so the embedded engine wrote it."));
        return new DraftNote(draft.sections(), warnings, draft.engine(), draft.billingCodes());
    }
}
