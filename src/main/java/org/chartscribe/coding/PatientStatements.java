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
            "\\b(?:i(?:'ve| have)? (?:been )?(?:having|got|get|have|had|feel|felt|am feeling|developed|noticed)|i'm having|i'm feeling|got (?:a|an)|"
                    + "he(?:'s| has| is)? (?:been )?(?:having|got|has)|she(?:'s| has| is)? (?:been )?(?:having|got|has)|complaining of)\\b",
            Pattern.CASE_INSENSITIVE);
    /** The clinician asking where the pain is: "Where's your pain?", "Where are you having pain?", "Where does it hurt?". */
    private static final Pattern WHERE_PAIN = Pattern.compile(
            "\\bwhere(?:'s| is| are| does| do)?\\b[^?]{0,40}\\b(?:pain|hurts?|hurting|sore)\\b", Pattern.CASE_INSENSITIVE);
    /** The clinician asking about a site: "What happened to your right leg?" (group 1 is the site). */
    private static final Pattern WHAT_HAPPENED = Pattern.compile(
            "\\bwhat happened to (?:your|his|her|the) ((?:(?:right|left) )?[a-z]+)\\b", Pattern.CASE_INSENSITIVE);
    /** The patient telling how it was hurt: the pain asked about is then an injury of the site (Injury, elbow). */
    private static final Pattern TRAUMA = Pattern.compile(
            "\\b(?:i|he|she) (?:hit|banged|bumped|struck|twisted|jammed|injured|fell|slipped|tripped)\\b|\\bfell (?:on|off|down)\\b",
            Pattern.CASE_INSENSITIVE);
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
                String asked = t > 0 && !turn.sentences().isEmpty() ? asked(turns.get(t - 1), turn) : "";
                Sentence site = asked.isEmpty() ? null : turn.sentences().get(0);
                if (site != null && !site.text().strip().endsWith("?")) {
                    // "Where's your pain?" - "All over my belly.": the answer names the site of the pain asked about;
                    // "What happened to your leg?" - "The dog bit me.": the answer says what happened to that site
                    out.add(new Statement(site.text(), site.start(), Place.REASON, ++block, false, asked));
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

    /**
     * What the clinician's question asked about, read with the answer's words: "pain" for where the pain is
     * ("injury" when the answer tells how it was hurt: a pain after a blow is coded as the injury of the site),
     * the site for what happened to it; "" when the turn asks neither.
     */
    private static String asked(Turn question, Turn answer) {
        if (question.role() != Role.CLINICIAN || question.sentences().isEmpty()) {
            return "";
        }
        String last = question.sentences().get(question.sentences().size() - 1).text();
        if (!last.strip().endsWith("?")) {
            return "";
        }
        if (WHERE_PAIN.matcher(last).find()) {
            boolean hurt = answer.sentences().stream().anyMatch(s -> TRAUMA.matcher(s.text()).find());
            return hurt ? "injury" : "pain";
        }
        java.util.regex.Matcher site = WHAT_HAPPENED.matcher(last);
        return site.find() ? site.group(1) : "";
    }

    /** Whether the next turn after the clinician's sentence is the patient's (or a companion's) "yes". */
    static boolean affirmed(Transcript parsed, Sentence question) {
        List<Turn> turns = parsed.turns();
        for (int t = 0; t + 1 < turns.size(); t++) {
            if (turns.get(t).start() <= question.start() && question.start() < turns.get(t).end()) {
                List<Sentence> said = turns.get(t).sentences();
                // the question ends the turn (the coder's sentences may join the turn's last pieces)
                return !said.isEmpty() && question.start() + question.text().length() >= said.get(said.size() - 1).start()
                        && affirms(turns.get(t + 1));
            }
        }
        return false;
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
