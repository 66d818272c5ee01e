package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.PresentingProblems;
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

    /** What the answer to a yes/no question says: uncertain or longer answers are NONE and fold nothing. */
    enum Polarity { YES, NO, MILD, OCCASIONAL, NONE }

    /** An answer that does not know (also read by {@link SymptomReview}); recognisers write "do n't" apart. */
    static final Pattern UNSURE = Pattern.compile("\\b(?:i (?:don't|do n't) know|i do not know|not sure|maybe|"
            + "i (?:can't|ca n't) remember|i (?:don't|do n't) remember|i guess|possibly|hard to say|i (?:can't|ca n't) tell|"
            + "not that i remember)\\b");
    private static final Pattern NO_LEAD = Pattern.compile("^(?:no|nope|nah)\\b[,.!]?\\s*");
    private static final Pattern NO_REST = Pattern.compile("^(?:i (?:haven't|have not|didn't|did not|don't|do not) "
            + "(?:noticed?|had|have|gotten|get|felt|feel)(?: any(?:thing)?)?(?: like that| of that| of those)?|none|nothing|"
            + "never|not at all|none at all|nothing at all|not really,? no)$");
    private static final Pattern YES_LEAD = Pattern.compile("^(?:yes|yeah|yep|yup|uh-huh|mm-hmm)\\b[,.!]?\\s*");
    private static final Pattern MILD = Pattern.compile("^(?:a little(?: bit)?|a bit|a little,? yes|some|somewhat|slightly|mild(?:ly)?)$");
    private static final Pattern OCCASIONAL = Pattern.compile("^(?:sometimes|occasionally|once in a while|on and off|off and on|"
            + "every now and then|every once in a while|from time to time)$");
    private static final Pattern YES_REST = Pattern.compile("^(?:i do|i have|i did|definitely|for sure|absolutely|a lot|quite a bit)$");
    /** A later sentence of the answer that takes back or qualifies a bare "no"/"yes". */
    private static final Pattern HEDGE = Pattern.compile("\\b(?:but|sometimes|actually|except|a little|once in a while|"
            + "occasionally|maybe|not sure|well)\\b");
    /** "Does it hurt when you walk?", "do you have pain when you climb stairs?" */
    private static final Pattern HURTS_WHEN = Pattern.compile("^(?:(?:and|so|now|also|okay|ok)[ ,]+)*(?:does it|does that|"
            + "do you|is there any) (?:hurt|have (?:any )?pain|get (?:any )?pain|pain)(?: more| worse)? (?:when|if|with|while) "
            + "you(?:'re)? ([a-z]+(?: [a-z]+)?)(?: on it| it| around| at all)?\\??$");
    /** Words in a companion's speaker label that name how they are related to the patient. */
    private static final Pattern RELATION = Pattern.compile("\\b(wife|husband|spouse|partner|son|daughter|mother|father|mom|"
            + "dad|parent|caregiver|guardian|owner|sister|brother)\\b");

    private QuestionFolding() {}

    static Optional<Classified> fold(Sentence question, Turn answerTurn, int order) {
        return fold(question, answerTurn, order, Pronouns.THEY);
    }

    static Optional<Classified> fold(Sentence question, Turn answerTurn, int order, Pronouns pronouns) {
        return fold(question, answerTurn, order, pronouns, null);
    }

    /**
     * @param source the transcript's text, to read a companion's speaker label ("[patient_wife]"), or null:
     *               a companion's answer is then attributed to "family" rather than charted as the patient's own
     */
    static Optional<Classified> fold(Sentence question, Turn answerTurn, int order, Pronouns pronouns, String source) {
        if (answerTurn.role() != Role.PATIENT && answerTurn.role() != Role.OTHER) {
            return Optional.empty();
        }
        Sentence answer = answerTurn.sentences().get(0);
        Polarity polarity = polarity(answerTurn);
        if (polarity == Polarity.NONE) {
            return Optional.empty();
        }
        SmallTalk.Answer kind = polarity == Polarity.NO ? SmallTalk.Answer.NO : SmallTalk.Answer.YES;
        String attribution = answerTurn.role() == Role.OTHER ? attribution(source, answerTurn, pronouns) : null;
        Optional<Classified> folded = folded(question, answer, order, pronouns, polarity, kind);
        return attribution == null ? folded : folded.map(c -> attributed(c, attribution, polarity));
    }

    /** The answer's polarity from its first sentence; later sentences that hedge make it uncertain. */
    static Polarity polarity(Turn answerTurn) {
        List<Sentence> sentences = answerTurn.sentences();
        String first = SmallTalk.withoutFillers(sentences.get(0).text()).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+([,.?!])", "$1").replaceAll("^(?:(?:okay|ok|oh|well|um|uh|hmm)\\s*[,.]?\\s*)+", "")
                .replaceAll("[.!]+$", "").trim();
        if (UNSURE.matcher(first).find()) {
            return Polarity.NONE;
        }
        Polarity p = polarityOf(first);
        if (p == Polarity.NO || p == Polarity.YES) {
            for (int i = 1; i < sentences.size(); i++) {
                if (HEDGE.matcher(sentences.get(i).text().toLowerCase(Locale.ROOT)).find()) {
                    return Polarity.NONE;
                }
            }
        }
        return p;
    }

    private static Polarity polarityOf(String answer) {
        SmallTalk.Answer bare = SmallTalk.answer(answer);
        if (bare == SmallTalk.Answer.NO) {
            return Polarity.NO;
        }
        if (bare == SmallTalk.Answer.YES) {
            return Polarity.YES;
        }
        Matcher no = NO_LEAD.matcher(answer);
        if (no.find()) {
            String rest = answer.substring(no.end());
            return SmallTalk.answer(rest) == SmallTalk.Answer.NO || NO_REST.matcher(rest).matches() ? Polarity.NO
                    : Polarity.NONE;
        }
        Matcher yes = YES_LEAD.matcher(answer);
        String rest = yes.find() ? answer.substring(yes.end()) : answer;
        if (MILD.matcher(rest).matches()) {
            return Polarity.MILD;
        }
        if (OCCASIONAL.matcher(rest).matches()) {
            return Polarity.OCCASIONAL;
        }
        return YES_REST.matcher(rest).matches() ? Polarity.YES : Polarity.NONE;
    }

    private static Optional<Classified> folded(Sentence question, Sentence answer, int order, Pronouns pronouns,
                                               Polarity polarity, SmallTalk.Answer kind) {
        String q = SmallTalk.withoutFillers(question.text()).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+([,?])", "$1").replaceAll("\\s{2,}", " ").trim();
        Matcher hurts = HURTS_WHEN.matcher(q);
        if (hurts.find()) {
            return PresentingProblems.activity(hurts.group(1)).map(activity -> classified(
                    lead(polarity) + "pain with " + activity + ".", question, answer, order, null));
        }
        Matcher m = SIMPLE_QUESTION.matcher(q);
        if (!m.find()) {
            // a habit goes where its words lead (social history), not to the review of systems
            return polarity == Polarity.YES || polarity == Polarity.NO
                    ? habit(q, kind, pronouns).map(text -> classified(text, question, answer, order, null))
                    : Optional.empty();
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
        String text = lead(polarity) + topic + ".";
        return Optional.of(classified(text, question, answer, order, kind == SmallTalk.Answer.NO ? "review" : null));
    }

    private static String lead(Polarity polarity) {
        return switch (polarity) {
            case NO -> "Denies ";
            case MILD -> "Reports mild ";
            case OCCASIONAL -> "Reports occasional ";
            default -> "Reports ";
        };
    }

    /** "Per his wife": who answered for the patient, from the speaker label; "family" when it names no relation. */
    private static String attribution(String source, Turn turn, Pronouns pronouns) {
        String label = "";
        if (source != null) {
            int lineStart = source.lastIndexOf('\n', Math.max(0, turn.start() - 1)) + 1;
            label = source.substring(lineStart, Math.max(lineStart, turn.start())).toLowerCase(Locale.ROOT);
        }
        Matcher m = RELATION.matcher(label);
        if (!m.find()) {
            return "Per family";
        }
        String whose = pronouns.singular() ? pronouns.possessive() : "the patient's";
        return "Per " + whose + " " + m.group(1);
    }

    /** A companion's answer, said as theirs: "Per his wife, no fever." */
    private static Classified attributed(Classified c, String attribution, Polarity polarity) {
        String text = c.text();
        String rest;
        if (text.startsWith("Denies ")) {
            rest = "no " + text.substring("Denies ".length());
        } else if (text.startsWith("Reports ")) {
            rest = "positive for " + text.substring("Reports ".length());
        } else if (text.startsWith("Does not ")) {
            rest = "does not " + text.substring("Does not ".length());
        } else {
            rest = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        String out = attribution + ", " + rest;
        return new Classified(c.part(), out, c.evidence(), Role.OTHER, c.order(), Cues.lookup(out), c.headingHint(),
                c.informativeness());
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
