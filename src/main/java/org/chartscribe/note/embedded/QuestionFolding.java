package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;
import org.chartscribe.transcript.SmallTalk;
import org.chartscribe.transcript.Turn;

/**
 * Turns a clinician's simple symptom question answered by a bare "no" or "yes" into a statement
 * ("Any chest pain?" / "No." becomes "Denies chest pain."). Only simple questions are folded: the
 * statement reuses the question's own words, so nothing is invented; anything else is dropped.
 */
final class QuestionFolding {

    private static final Pattern SIMPLE_QUESTION = Pattern.compile(
            "^(?:(?:and|so|but|now|also|okay|ok|alright|all right|um|uh)[ ,]+)*(?:any symptoms like|any other symptoms like|"
                    + "symptoms like|how about|what about|are you experiencing any|are you experiencing|do you get any|"
                    + "did you notice any|have you ever had any|have you ever had|any history of|do you have any|do you have|have you had any|have you had|"
                    + "have you noticed any|have you noticed|are you having any|are you having|any other|any|"
                    + "have you been having any|have you been having|did you have any|did you have|"
                    + "have you experienced any|have you experienced|is there any|was there any)\\s+(.{3,100}?)\\??$");

    private static final Pattern FIRST_OR_SECOND_PERSON = Pattern.compile("\\b(?:i|me|my|we|us|you|you're|yourself)\\b");

    private static final int MAX_WORDS = 14;

    /** Speech padding at the end of a question ("any weakness at all", "... or anything like that"). */
    private static final Pattern TOPIC_TAIL = Pattern.compile(
            "(?:,?\\s*(?:at all|or anything(?: like that)?|anything like that|anything(?: else)?|or something|"
                    + "by any chance|so far))+$");
    /** "any symptoms, nausea or vomiting": the generic word before the list goes. */
    private static final Pattern TOPIC_HEAD = Pattern.compile("^(?:(?:any|other|symptoms|problems|issues)\\s*,\\s*)+");
    /** A topic that names nothing ("Any other symptoms?" "No."). */
    private static final Pattern EMPTY_TOPIC = Pattern.compile(
            "^(?:other |new |more )?(?:symptoms?|problems?|issues?|questions?|concerns?|changes?|complaints?)$");

    private QuestionFolding() {}

    static Optional<Classified> fold(Sentence question, Turn answerTurn, int order) {
        return fold(question, answerTurn, order, Pronouns.THEY);
    }

    static Optional<Classified> fold(Sentence question, Turn answerTurn, int order, Pronouns pronouns) {
        if (answerTurn.role() != Role.PATIENT && answerTurn.role() != Role.OTHER) {
            return Optional.empty();
        }
        Sentence answer = answerTurn.sentences().get(0);
        SmallTalk.Answer kind = SmallTalk.answer(answer.text());
        if (kind == SmallTalk.Answer.NONE) {
            return Optional.empty();
        }
        String q = SmallTalk.withoutFillers(question.text()).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+([,?])", "$1").replaceAll("\\s{2,}", " ").trim();
        Matcher m = SIMPLE_QUESTION.matcher(q);
        if (!m.find()) {
            return Optional.empty();
        }
        String topic = m.group(1).replaceAll("\\byourself\\b", "self").replaceAll("\\byour\\b", pronouns.possessive())
                .replaceAll("(?<=[,] |or |and )any ", "").replaceAll(",?\\s*or not$", "").trim();
        topic = TOPIC_HEAD.matcher(TOPIC_TAIL.matcher(topic).replaceAll("").trim()).replaceAll("");
        if (EMPTY_TOPIC.matcher(topic).matches()) {
            return Optional.empty();
        }
        if (FIRST_OR_SECOND_PERSON.matcher(topic).find() || topic.split("\\s+").length > MAX_WORDS
                || !ClinicalLexicon.isClinical(Cues.lookup(topic))) {
            return Optional.empty();
        }
        String text = (kind == SmallTalk.Answer.NO ? "Denies " : "Reports ") + topic + ".";
        String lookup = Cues.lookup(topic);
        return Optional.of(new Classified(SoapPart.SUBJECTIVE, text,
                List.of(new Evidence(question.start(), question.end()), new Evidence(answer.start(), answer.end())),
                Role.PATIENT, order, lookup, kind == SmallTalk.Answer.NO ? "review" : null,
                ClinicalLexicon.informativeness(lookup)));
    }
}
