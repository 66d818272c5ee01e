package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.SpokenRuns;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.Turn;

/**
 * The clinician's sentences as a coder reads them. The transcript parser splits long spoken runs
 * finely for the note engine ("... i think you may have a sprain" becomes two pieces at "i think"),
 * which cuts a hedge off the diagnosis it qualifies and a problem cue off the problem it names. The
 * coder rejoins the pieces of one punctuated sentence of a turn and splits only runs longer than
 * {@link #LONG_RUN_WORDS} words, at discourse markers and question openings, so what it reads does not
 * change with the engine's tuning. Offsets are the transcript's.
 */
final class SpokenSentences {

    /** Where an unpunctuated run starts a new sentence: a discourse marker, a question, a new intention. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)(?<=\\s)(?=(?:okay|ok|alright|all right|so(?! that| much| far| many| long)|now|um|uh|anyway|and then|"
                    + "but|do you|have you|are you|did you|does it|is it|is there|can you|how (?:long|often|much|many|are|is|"
                    + "about)|what|when did|where|i want|i'm going|i am going|let's|let me|any other|hey dragon)\\b)");
    static final int LONG_RUN_WORDS = 28;
    private static final int MIN_PIECE_WORDS = 4;

    private SpokenSentences() {}

    /** The clinician's sentences in transcript order. */
    static List<Sentence> clinician(Transcript parsed) {
        String src = parsed.source();
        List<Sentence> out = new ArrayList<>();
        for (Turn turn : parsed.turns()) {
            if (turn.role() != Role.CLINICIAN) {
                continue;
            }
            int start = -1;
            int end = -1;
            for (Sentence piece : turn.sentences()) {
                if (start >= 0 && !continues(src, end, piece.start())) {
                    emit(src, start, end, out);
                    start = -1;
                }
                if (start < 0) {
                    start = piece.start();
                }
                end = piece.end();
            }
            if (start >= 0) {
                emit(src, start, end, out);
            }
        }
        return out;
    }

    /** The next piece continues the sentence: no sentence end and no line break between them. */
    private static boolean continues(String src, int end, int nextStart) {
        if (end <= 0 || nextStart < end) {
            return false;
        }
        char last = src.charAt(end - 1);
        if (last == '.' || last == '?' || last == '!' || last == '"' || last == ')') {
            return false;
        }
        for (int i = end; i < nextStart; i++) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r' || c == '.' || c == '?' || c == '!') {
                return false;
            }
        }
        return true;
    }

    private static void emit(String src, int start, int end, List<Sentence> out) {
        SpokenRuns.split(src, start, end, Role.CLINICIAN, BOUNDARY, LONG_RUN_WORDS, MIN_PIECE_WORDS, out);
    }
}
