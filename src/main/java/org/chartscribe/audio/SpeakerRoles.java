package org.chartscribe.audio;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chartscribe.audio.SpeechRecognizer.HeardSegment;
import org.chartscribe.note.RecognisedTranscript;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.TranscriptParser;
import org.chartscribe.transcript.Turn;

/**
 * Turns what a recogniser heard into the transcript a note is written from, with a role on every
 * segment. Diarisation only says "speaker 1" and "speaker 2": the one who speaks first is taken for
 * the clinician (who usually opens a visit) and the note engine's own role inference then swaps the
 * two when the "patient" talks like the clinician (asks, examines, prescribes). One voice is a
 * dictation by the clinician; segments from an engine without diarisation stay {@code unknown}.
 * The text is one {@code Doctor:} / {@code Patient:} / {@code Speaker:} line per segment, so the
 * note's evidence offsets index exactly the text returned to the client.
 */
public final class SpeakerRoles {
    public static final String CLINICIAN = "clinician";
    public static final String PATIENT = "patient";
    public static final String UNKNOWN = "unknown";

    private SpeakerRoles() {}

    public static RecognisedTranscript assign(List<HeardSegment> heard) {
        List<HeardSegment> spoken = heard.stream().filter(s -> s.text() != null && !s.text().isBlank())
                .map(s -> new HeardSegment(s.speaker(), s.startMs(), s.endMs(), s.text().strip())).toList();
        Set<String> labels = new LinkedHashSet<>();
        spoken.stream().map(HeardSegment::speaker).filter(l -> l != null && !l.isBlank()).forEach(labels::add);
        if (labels.size() <= 1) {
            String role = labels.isEmpty() ? UNKNOWN : CLINICIAN;
            List<RecognisedTranscript.Segment> segments = spoken.stream()
                    .map(s -> new RecognisedTranscript.Segment(role, s.startMs(), s.endMs(), s.text())).toList();
            String text = String.join("\n", spoken.stream().map(HeardSegment::text).toList());
            return new RecognisedTranscript(text, segments);
        }
        List<String> order = List.copyOf(labels);
        RecognisedTranscript firstGuess = labelled(spoken, order.get(0), order.get(1));
        if (inferredSwapped(firstGuess)) {
            return labelled(spoken, order.get(1), order.get(0));
        }
        return firstGuess;
    }

    private static RecognisedTranscript labelled(List<HeardSegment> spoken, String clinician, String patient) {
        StringBuilder text = new StringBuilder();
        List<RecognisedTranscript.Segment> segments = new ArrayList<>(spoken.size());
        for (HeardSegment s : spoken) {
            String role = clinician.equals(s.speaker()) ? CLINICIAN : patient.equals(s.speaker()) ? PATIENT : UNKNOWN;
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(switch (role) {
                case CLINICIAN -> "Doctor: ";
                case PATIENT -> "Patient: ";
                default -> "Speaker: ";
            }).append(s.text());
            segments.add(new RecognisedTranscript.Segment(role, s.startMs(), s.endMs(), s.text()));
        }
        return new RecognisedTranscript(text.toString(), segments);
    }

    /** Whether the note engine reads the lines labelled Doctor as the patient's (it swaps both roles at once). */
    private static boolean inferredSwapped(RecognisedTranscript labelled) {
        Transcript parsed = TranscriptParser.parse(labelled.text());
        int lineStart = 0;
        for (RecognisedTranscript.Segment segment : labelled.segments()) {
            int lineEnd = labelled.text().indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? labelled.text().length() : lineEnd;
            if (segment.speaker().equals(CLINICIAN)) {
                for (Turn turn : parsed.turns()) {
                    if (turn.start() >= lineStart && turn.start() < lineEnd) {
                        return turn.role() == Role.PATIENT;
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return false;
    }
}
