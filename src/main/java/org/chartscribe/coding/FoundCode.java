package org.chartscribe.coding;

import java.util.List;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.SynonymTable.Kind;
import org.chartscribe.note.Evidence;

/**
 * A code found in one statement: where, from which words, and how specific. {@code spoken} is the
 * exact transcript span of the words when they were found in the transcript itself. How found codes
 * rank, how confident a suggestion is and the rationale it gives are decided here.
 */
record FoundCode(String code, Kind kind, Place place, int order, String phrase, boolean lostDetail,
                 List<String> notes, Source source, List<Evidence> spoken) {

    /** Where a code was found: the note's assessment or the clinician's words in the transcript. */
    enum Source { NOTE, DIALOGUE }

    /** Redacted: the phrase and evidence are the encounter's. */
    @Override
    public String toString() {
        return "FoundCode[" + code + ", " + kind + ", " + place + ", " + source + "]";
    }

    FoundCode withCode(String other, List<String> moreNotes) {
        return new FoundCode(other, kind, place, order, phrase, lostDetail, moreNotes, source, spoken);
    }

    /** Problems named in the note rank before those only the conversation names, within a group. */
    static int sourceRank(FoundCode f) {
        return f.source() == Source.NOTE ? 0 : 1;
    }

    static FoundCode better(FoundCode a, FoundCode b) {
        int ga = group(a);
        int gb = group(b);
        return gb < ga || gb == ga && sourceRank(b) < sourceRank(a) ? b : a;
    }

    /** Reason-for-visit codes first, then problems by where they were stated, history last. */
    static int group(FoundCode f) {
        int place = switch (f.place()) {
            case HEADING -> 1;
            case REASON -> 2;
            case BODY -> 3;
            case HISTORY -> 4;
        };
        // The note's problem list or the stated reason for the visit may open with the encounter's purpose;
        // a screening the clinician mentions while going through the plan does not.
        boolean purpose = f.source() == Source.NOTE ? f.place().ordinal() <= Place.REASON.ordinal() : f.place() == Place.REASON;
        if (f.kind() == Kind.ENCOUNTER && purpose) {
            return 0;
        }
        return place * 2 + (f.kind() == Kind.STATUS || f.kind() == Kind.SYMPTOM || f.kind() == Kind.ENCOUNTER ? 1 : 0);
    }

    static double confidence(FoundCode f, boolean first) {
        double base = switch (f.place()) {
            case HEADING -> 0.9;
            case REASON -> 0.85;
            case BODY -> 0.7;
            case HISTORY -> 0.5;
        };
        if (f.kind() == Kind.SYMPTOM) {
            base -= 0.1;
        }
        if (f.lostDetail()) {
            base -= 0.1; // an unspecified side or trimester the coder should check
        }
        if (first) {
            base += 0.02;
        }
        return Math.round(Math.max(0.3, Math.min(0.95, base)) * 100) / 100.0;
    }

    static String rationale(FoundCode f) {
        String where = f.source() == Source.DIALOGUE
                ? switch (f.place()) {
                    case HEADING -> "a problem the clinician addressed in the conversation's assessment";
                    case REASON -> "the reason for the visit the clinician stated";
                    case BODY -> "the clinician's diagnostic statement in the conversation";
                    case HISTORY -> "the history given in the conversation";
                }
                : switch (f.place()) {
                    case HEADING -> "a problem in the assessment";
                    case REASON -> "the reason for the visit";
                    case BODY -> "the assessment text";
                    case HISTORY -> "the history";
                };
        StringBuilder r = new StringBuilder("\"").append(f.phrase()).append("\" is ").append(where);
        if (f.kind() == Kind.SYMPTOM) {
            r.append("; symptom with no confirmed diagnosis explaining it");
        }
        for (String note : f.notes()) {
            r.append("; ").append(note);
        }
        if (f.lostDetail()) {
            r.append("; detail (side, trimester or type) not documented, unspecified code used");
        }
        return r.toString();
    }
}
