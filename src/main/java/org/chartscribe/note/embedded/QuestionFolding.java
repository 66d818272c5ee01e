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

    /** "Do you smoke?", "do you drink alcohol?", "do you exercise regularly?" */
    private static final Pattern DO_YOU = Pattern.compile(
            "^(?:(?:and|so|but|now|also|okay|ok)[ ,]+)*do you (?:currently |still |ever |usually )?([a-z]+)\\b(.{0,80}?)\\??$");
    /** Verbs whose answer is not a habit to chart ("do you know", "do you want"). */
    private static final java.util.Set<String> NOT_A_HABIT = java.util.Set.of("know", "want", "think", "understand",
            "mean", "remember", "need", "like", "feel", "have", "see", "agree", "mind", "recall", "notice", "get");
    /** A second verb joined by "or"/"and" ("smoke or drink"). */
    private static final Pattern OR_VERB = Pattern.compile("\\b(or|and) ([a-z]+)\\b");

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
            // a habit goes where its words lead (social history), not to the review of systems
            return habit(q, kind, pronouns).map(text -> classified(text, question, answer, order, null));
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
        return Optional.of(classified(text, question, answer, order, kind == SmallTalk.Answer.NO ? "review" : null));
    }

    /**
     * "Do you smoke or drink?" answered "No" is "Does not smoke or drink."; answered "Yes", "The patient
     * smokes or drinks." Only the question's own verb and words are used.
     */
    private static Optional<String> habit(String q, SmallTalk.Answer kind, Pronouns pronouns) {
        Matcher m = DO_YOU.matcher(q);
        if (!m.find()) {
            return Optional.empty();
        }
        String verb = m.group(1);
        String rest = m.group(2).replaceAll("\\byour\\b", pronouns.possessive()).trim();
        String topic = (verb + " " + rest).trim();
        if (FIRST_OR_SECOND_PERSON.matcher(rest).find() || topic.split("\\s+").length > MAX_WORDS
                || !ClinicalLexicon.isClinical(Cues.lookup(topic)) || NOT_A_HABIT.contains(verb)) {
            return Optional.empty();
        }
        if (kind == SmallTalk.Answer.NO) {
            return Optional.of("Does not " + topic + ".");
        }
        String also = OR_VERB.matcher(rest).replaceAll(r -> " " + r.group(1) + " " + Person.agreeVerb(r.group(2), true));
        return Optional.of(pronouns.namingThePatient().capitalSubject() + " " + Person.agreeVerb(verb, true)
                + (also.isBlank() ? "" : " " + also.trim()) + ".");
    }

    private static Classified classified(String text, Sentence question, Sentence answer, int order,
                                         String headingHint) {
        String lookup = Cues.lookup(text);
        return new Classified(SoapPart.SUBJECTIVE, text,
                List.of(new Evidence(question.start(), question.end()), new Evidence(answer.start(), answer.end())),
                Role.PATIENT, order, lookup, headingHint, ClinicalLexicon.informativeness(lookup));
    }
}
