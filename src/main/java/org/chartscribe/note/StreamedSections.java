package org.chartscribe.note;

import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps a note stream in order and complete: an engine that streams as it writes (the LLM) sends each
 * division when it has it; whatever it did not send (an engine that writes at once, a fallback, a
 * repaired answer) is sent from the finished draft. A division is never sent twice.
 */
final class StreamedSections implements NoteStream {
    private final NoteStream out;
    private final Set<SoapPart> started = EnumSet.noneOf(SoapPart.class);
    private final Set<SoapPart> done = EnumSet.noneOf(SoapPart.class);

    StreamedSections(NoteStream out) {
        this.out = out;
    }

    @Override
    public synchronized void section(SoapPart part, String delta) {
        if (done.contains(part) || delta.isEmpty()) {
            return;
        }
        started.add(part);
        out.section(part, delta);
    }

    @Override
    public synchronized void sectionDone(SoapPart part) {
        if (done.contains(part)) {
            return;
        }
        done.add(part);
        out.sectionDone(part);
    }

    @Override
    public boolean cancelled() {
        return out.cancelled();
    }

    /** Sends from the finished draft every division not sent yet, in order. */
    synchronized void finish(DraftNote draft) {
        for (SoapPart part : SoapPart.values()) {
            if (!done.contains(part)) {
                if (!started.contains(part)) {
                    String text = draft.render(part);
                    if (!text.isEmpty()) {
                        out.section(part, text);
                    }
                }
                done.add(part);
                out.sectionDone(part);
            }
        }
    }

}
