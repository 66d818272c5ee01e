package org.chartscribe.note.embedded;

import java.util.List;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.Extraction;
import org.chartscribe.clinical.PresentingProblem;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.Transcript;

/**
 * The transcript and what the clinical extractors found in it: the facts the assessment and plan
 * and the history are written from. Offsets of every fact point into {@code transcript.source()}.
 * {@code complaint} is the presenting problem the history was written from, once the engine has
 * chosen it as the visit's reason (null before, or when the visit's reason is something else), and
 * {@code complaintLabel} the chief complaint's words for it ("left leg pain").
 */
record EncounterFacts(Transcript transcript, Extraction extraction, List<Sentence> sentences,
                      PresentingProblem complaint, String complaintLabel) {

    static EncounterFacts of(Transcript transcript) {
        return new EncounterFacts(transcript, ClinicalExtractor.extractForNote(transcript),
                transcript.sentences(), null, null);
    }

    /** The same facts with the presenting problem the history opens with, and the chief complaint's words for it. */
    EncounterFacts withComplaint(PresentingProblem chosen, String label) {
        return new EncounterFacts(transcript, extraction, sentences, chosen, label);
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
