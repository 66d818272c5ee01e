package org.chartscribe.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a raw transcript into speaker turns and sentences whose offsets index the original string.
 * A transcript without any speaker label is a dictation: one clinician turn.
 */
public final class TranscriptParser {

    private TranscriptParser() {}

    public static Transcript parse(String source) {
        Objects.requireNonNull(source, "source");
        List<SpeakerLabels.Label> labels = SpeakerLabels.find(source);
        if (labels.isEmpty()) {
            return new Transcript(source, List.of(turn(source, Role.CLINICIAN, 0, source.length())), true);
        }
        List<Turn> turns = new ArrayList<>();
        if (hasText(source, 0, labels.get(0).start())) {
            turns.add(turn(source, Role.UNKNOWN, 0, labels.get(0).start())); // e.g. a title line
        }
        for (int k = 0; k < labels.size(); k++) {
            SpeakerLabels.Label label = labels.get(k);
            int end = k + 1 < labels.size() ? labels.get(k + 1).start() : source.length();
            Turn turn = turn(source, label.role(), label.contentStart(), end);
            if (!turn.sentences().isEmpty()) {
                turns.add(turn);
            }
        }
        return new Transcript(source, RoleInference.correct(turns, source), false);
    }

    private static Turn turn(String source, Role role, int from, int to) {
        List<Sentence> sentences = SentenceSplitter.split(source, from, to, role);
        int start = sentences.isEmpty() ? from : sentences.get(0).start();
        int end = sentences.isEmpty() ? from : sentences.get(sentences.size() - 1).end();
        return new Turn(role, start, end, sentences);
    }

    private static boolean hasText(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
