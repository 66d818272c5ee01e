package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chartscribe.coding.AssessmentStatements.Place;
import org.chartscribe.coding.AssessmentStatements.Statement;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.TranscriptParser;
import org.chartscribe.transcript.Turn;

/**
 * What the patient (or a relative speaking for the patient) reports, for visits where the clinician
 * states no assessment a coder could use. A coder then codes the presenting complaint as documented:
 * the symptoms the patient reports ({@link Place#REASON} statements), and a symptom the clinician asks
 * about that the patient affirms ("Any nausea or vomiting?" - "Yes, both."). A diagnosis the patient
 * names counts only when the clinician also names it ({@link #confirmedByClinician}); questions and
 * other people's conditions are not the patient's.
 */
final class PatientStatements {

    private static final Pattern AFFIRMED = Pattern.compile(
            "^\\W*(?:yes|yeah|yep|yup|i do|i did|i have|i am|both|a little|some|definitely|sometimes)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The question words before the symptom asked about: "have you had any", "are you having". */
    private static final Pattern ASKING = Pattern.compile(
            "^\\W*(?:(?:and|so|okay|ok|hm|alright)\\W+)*(?:(?:do|did|have|are|were) you (?:been )?(?:have|had|having|noticed|noticing|feel|felt|feeling|get|got|getting)?\\s*|any(?:thing)?\\s+)?(?:any\\s+)?",
            Pattern.CASE_INSENSITIVE);
    /** The patient's words before the complaint: "I have", "I've been having", "my ... hurts". */
    static final Pattern COMPLAINT = Pattern.compile(
            "\\b(?:i(?:'ve| have)? (?:been )?(?:having|got|get|have|had|feel|felt|am feeling|developed|noticed)|i'm having|i'm feeling|"
                    + "he(?:'s| has| is)? (?:been )?(?:having|got|has)|she(?:'s| has| is)? (?:been )?(?:having|got|has)|complaining of)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The clinician asking where the pain is: "Where's your pain?", "Where are you having pain?", "Where does it hurt?". */
    private static final Pattern WHERE_PAIN = Pattern.compile(
            "\\bwhere(?:'s| is| are| does| do)?\\b[^?]{0,40}\\b(?:pain|hurts?|hurting|sore)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVES = Pattern.compile(
            "\\b(?:family|mother|father|sister|brother|mom|dad|grand\\w+|aunt|uncle|cousin)\\b", Pattern.CASE_INSENSITIVE);

    /** Block numbers of patient statements start here, apart from the note's and the clinician's blocks. */
    static final int FIRST_BLOCK = 5000;

    private PatientStatements() {}

    static boolean fromPatient(Statement s) {
        return s.block() > FIRST_BLOCK;
    }

    static List<Statement> statements(String transcript) {
        Transcript parsed = TranscriptParser.parse(transcript);
        List<Turn> turns = parsed.turns();
        List<Statement> out = new ArrayList<>();
        int block = FIRST_BLOCK;
        for (int t = 0; t < turns.size(); t++) {
            Turn turn = turns.get(t);
            if (turn.role() == Role.PATIENT || turn.role() == Role.OTHER) {
                Sentence site = t > 0 && asksWhereThePainIs(turns.get(t - 1)) && !turn.sentences().isEmpty()
                        ? turn.sentences().get(0) : null;
                if (site != null && !site.text().strip().endsWith("?")) {
                    // "Where's your pain?" - "All over my belly.": the answer names the site of the pain asked about
                    out.add(new Statement(site.text(), site.start(), Place.REASON, ++block, false, "pain"));
                }
                for (Sentence s : turn.sentences()) {
                    if (s == site) {
                        continue;
                    }
                    String text = s.text().strip();
                    if (text.endsWith("?") || turn.role() == Role.PATIENT && RELATIVES.matcher(text).find()) {
                        continue;
                    }
                    out.add(new Statement(s.text(), s.start(), Place.REASON, ++block));
                }
            } else if (turn.role() == Role.CLINICIAN && t + 1 < turns.size() && affirms(turns.get(t + 1))) {
                List<Sentence> said = turn.sentences();
                Sentence last = said.isEmpty() ? null : said.get(said.size() - 1);
                if (last != null && last.text().strip().endsWith("?")) {
                    String q = last.text().strip();
                    java.util.regex.Matcher m = ASKING.matcher(q);
                    int from = m.lookingAt() ? m.end() : 0;
                    int to = q.length() - 1;
                    if (from < to) {
                        int at = last.start() + last.text().indexOf(q) + from;
                        out.add(new Statement(q.substring(from, to), at, Place.BODY, ++block));
                    }
                }
            }
        }
        return out;
    }

    private static boolean asksWhereThePainIs(Turn turn) {
        if (turn.role() != Role.CLINICIAN || turn.sentences().isEmpty()) {
            return false;
        }
        String last = turn.sentences().get(turn.sentences().size() - 1).text();
        return last.strip().endsWith("?") && WHERE_PAIN.matcher(last).find();
    }

    private static boolean affirms(Turn answer) {
        return (answer.role() == Role.PATIENT || answer.role() == Role.OTHER) && !answer.sentences().isEmpty()
                && AFFIRMED.matcher(answer.sentences().get(0).text()).find();
    }

    /** Whether the offset falls in a turn of the patient or a companion (their words are read by {@link #statements}). */
    static boolean saidByPatient(String transcript, int offset) {
        for (Turn turn : TranscriptParser.parse(transcript).turns()) {
            if (offset < turn.end()) { // a speaker label before the turn's words belongs to the turn
                return turn.role() == Role.PATIENT || turn.role() == Role.OTHER;
            }
        }
        return false;
    }

    /** The normalised words the clinician said, joined with spaces and padded, to test a phrase against. */
    static String clinicianWords(String transcript) {
        StringBuilder out = new StringBuilder(" ");
        for (Turn turn : TranscriptParser.parse(transcript).turns()) {
            if (turn.role() == Role.CLINICIAN) {
                for (Sentence s : turn.sentences()) {
                    ClinicalTokens.of(s.text()).forEach(tok -> out.append(tok.norm()).append(' '));
                }
            }
        }
        return out.toString();
    }

    /** The clinician named the same condition (its normalised words) somewhere in the visit. */
    static boolean confirmedByClinician(List<String> phrase, String clinicianWords) {
        return clinicianWords.contains(" " + String.join(" ", phrase) + " ");
    }
}
