package org.chartscribe.note.embedded;

import java.util.List;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.Extraction;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.Transcript;

/**
 * The transcript and what the clinical extractors found in it: the facts the assessment and plan
 * and the history are written from. Offsets of every fact point into {@code transcript.source()}.
 */
record EncounterFacts(Transcript transcript, Extraction extraction, List<Sentence> sentences) {

    static EncounterFacts of(Transcript transcript) {
        return new EncounterFacts(transcript, ClinicalExtractor.extractForNote(transcript),
                transcript.sentences());
    }

    String source() {
        return transcript.source();
    }

    /** The sentence holding the offset, or null between sentences. */
    Sentence sentenceAt(int offset) {
        return Sentence.holding(sentences, offset);
    }

    /** The first sentence after {@code offset} spoken by someone other than the clinician, or null. */
    Sentence nextReply(int offset) {
        for (Sentence s : sentences) {
            if (s.start() >= offset && s.speaker() != Role.CLINICIAN && s.speaker() != Role.UNKNOWN) {
                return s;
            }
        }
        return null;
    }

    /** Redacted: counts only. */
    @Override
    public String toString() {
        return "EncounterFacts[" + extraction + "]";
    }
}
