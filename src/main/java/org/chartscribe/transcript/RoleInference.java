package org.chartscribe.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the speaker labels are the right way round. Speech recognisers sometimes tag the
 * clinician as the patient and the other way round for a whole recording; the clinician is the one
 * who asks the questions, examines, orders and prescribes, and the patient is the one who tells
 * what happened to them. When the speaker labelled "patient" clearly talks like the clinician,
 * the two roles are swapped.
 */
final class RoleInference {

    // grouped by first letter (in the same order within a letter, so the same phrase matches), the
    // matcher tries one group per position instead of every phrase
    private static final Pattern CLINICIAN_TALK = Pattern.compile(
            "(?=[acdefghilmprtwy])\\b(?:a(?:re you|ny questions)|c(?:an you|ould you)|d(?:o you|id you|oes it)|"
                    + "e(?:xam|xamination)|f(?:ollow up)|g(?:o ahead and)|h(?:ave you|ow long|ow often)|"
                    + "i(?:s it|'m going to order| want to order|'ll order| want you to|'d like you to|'m going to have you)|"
                    + "l(?:et me|et's)|m(?:y assessment|y impression)|p(?:rescribe|rescription)|r(?:efer you|ecommend)|"
                    + "t(?:ell me about|ake a look)|w(?:hat brings you)|y(?:our blood pressure|our lungs|our heart))\\b");

    private static final Pattern PATIENT_TALK = Pattern.compile(
            "(?=[idmyt])\\b(?:i've been|i have been|it hurts|it's been|my (?:back|knee|pain|wife|husband|mom|dad|doctor|shoulder|"
                    + "foot|leg|arm|head|stomach|chest)|i don't know|i noticed|i feel|i felt|i started|i was|i had|"
                    + "i take|i'm taking|i've had|i think so|yes sir|yes ma'am|thank you doctor|doctor)\\b");

    /** How much more clinician-like the "patient" must sound before the labels are swapped. */
    private static final double MARGIN = 1.5;
    private static final int MIN_EVIDENCE = 4;

    /** Enough turns of each speaker to tell who is who (20 each in a dialogue); keeps long visits fast. */
    private static final int MAX_TURNS = 40;

    private RoleInference() {}

    static List<Turn> correct(List<Turn> turns, String source) {
        double clinicianAsClinician = 0;
        double patientAsClinician = 0;
        int seen = 0;
        for (Turn turn : turns) {
            if (turn.role() != Role.CLINICIAN && turn.role() != Role.PATIENT) {
                continue;
            }
            if (++seen > MAX_TURNS) {
                break;
            }
            String text = source.substring(turn.start(), turn.end()).toLowerCase(Locale.ROOT);
            double score = count(CLINICIAN_TALK, text) - count(PATIENT_TALK, text);
            if (turn.role() == Role.CLINICIAN) {
                clinicianAsClinician += score;
            } else {
                patientAsClinician += score;
            }
        }
        boolean swapped = patientAsClinician >= MIN_EVIDENCE
                && patientAsClinician > MARGIN * Math.max(clinicianAsClinician, 0) + MIN_EVIDENCE / 2.0;
        if (!swapped) {
            return turns;
        }
        List<Turn> out = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            Role role = switch (turn.role()) {
                case CLINICIAN -> Role.PATIENT;
                case PATIENT -> Role.CLINICIAN;
                default -> turn.role();
            };
            List<Sentence> sentences = turn.sentences().stream()
                    .map(s -> new Sentence(s.text(), s.start(), s.end(), role)).toList();
            out.add(new Turn(role, turn.start(), turn.end(), sentences));
        }
        return out;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
