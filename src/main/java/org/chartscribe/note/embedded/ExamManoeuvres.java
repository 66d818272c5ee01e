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
import org.chartscribe.transcript.Turn;

/**
 * A patient's answer to an exam manoeuvre as the finding it shows: "Does it hurt when I press on your
 * right knee?" / "Ouch, yes." becomes "Tenderness on palpation of the right knee."; "Does it hurt when I
 * bend your knee?" / "No." becomes "No pain with flexion of the knee.". Only when the question names both
 * the manoeuvre and the body site; "does this hurt?" over an unnamed spot charts nothing.
 */
final class ExamManoeuvres {

    private static final Pattern ASKS_PAIN = Pattern.compile("\\b(?:(?:does|did|do) (?:this|that|it) (?:hurt|feel sore|"
            + "feel tender|bother you)|(?:is|was) (?:this|that|it) (?:tender|sore|painful)|any (?:pain|tenderness)|"
            + "(?:do|did) you (?:have|feel) (?:any )?(?:pain|tenderness)|how about|what about)\\b");
    private static final Pattern PALPATION = Pattern.compile("\\b(?:press|pressing|push|pushing|palpate|palpating|"
            + "touch|touching|squeeze|squeezing|feel|feeling)\\b");
    private static final Pattern FLEXION = Pattern.compile("\\b(?:bend|bending|flex|flexing)\\b");
    private static final Pattern EXTENSION = Pattern.compile("\\b(?:straighten|straightening|extend|extending)\\b");
    private static final Pattern MOTION = Pattern.compile("\\b(?:move|moving|rotate|rotating|twist|twisting|turn|"
            + "turning|raise|raising|lift|lifting)\\b");
    /** The site with its side and aspect: "right knee", "the inside of your left knee", "lower back". */
    private static final Pattern SITE = Pattern.compile("\\b(?:(left|right)\\s+)?(?:(medial|lateral|inner|outer|"
            + "inside|outside|front|back)\\s+(?:side\\s+|part\\s+|aspect\\s+)?(?:of\\s+)?(?:(?:your|her|his|their|the)\\s+)?)?"
            + "(?:(left|right)\\s+)?(knee|shoulder|elbow|wrist|hip|ankle|heel|foot|calf|thigh|neck|lower back|back|"
            + "spine|abdomen|belly|stomach|shin|forearm|hand|thumb|finger|toe|kneecap)\\b");
    private static final Pattern YES = Pattern.compile("^(?:(?:oh|ah|um|uh)[ ,.]+)*(?:yes|yeah|yep|yup|ouch|ow+|"
            + "it does|that does|that hurts|it hurts|a little|a bit|very much|mm-hmm|uh-huh|definitely|"
            + "that's tender|it's tender|that's sore|it's sore|some|kind of|sort of)\\b");
    private static final Pattern NO = Pattern.compile("^(?:(?:oh|ah|um|uh)[ ,.]+)*(?:no|nope|nah|not really|not at all|"
            + "it doesn't|that doesn't|doesn't|no pain)\\b");

    private ExamManoeuvres() {}

    static Optional<Classified> fold(Sentence question, Turn answerTurn, int order) {
        if (answerTurn.role() != Role.PATIENT || answerTurn.sentences().isEmpty()) {
            return Optional.empty();
        }
        String q = question.text().toLowerCase(Locale.ROOT);
        if (!ASKS_PAIN.matcher(q).find()) {
            return Optional.empty();
        }
        String manoeuvre = manoeuvre(q);
        Matcher site = SITE.matcher(q);
        if (manoeuvre == null || !site.find()) {
            return Optional.empty();
        }
        Sentence answer = answerTurn.sentences().get(0);
        String a = answer.text().toLowerCase(Locale.ROOT).strip();
        boolean no = NO.matcher(a).find();
        boolean yes = !no && YES.matcher(a).find();
        if (!no && !yes) {
            return Optional.empty();
        }
        String text = (no ? "No " + lowerFirst(manoeuvre) : manoeuvre) + " " + siteWords(site) + ".";
        return Optional.of(new Classified(SoapPart.OBJECTIVE, text,
                List.of(new Evidence(question.start(), question.end()), new Evidence(answer.start(), answer.end())),
                Role.CLINICIAN, order, Cues.lookup(text), null, ClinicalLexicon.informativeness(Cues.lookup(text))));
    }

    private static String manoeuvre(String q) {
        if (PALPATION.matcher(q).find()) {
            return "Tenderness on palpation of the";
        }
        if (FLEXION.matcher(q).find()) {
            return "Pain with flexion of the";
        }
        if (EXTENSION.matcher(q).find()) {
            return "Pain with extension of the";
        }
        if (MOTION.matcher(q).find()) {
            return "Pain with movement of the";
        }
        return null;
    }

    /** "medial right knee" from "the inside of your right knee". */
    private static String siteWords(Matcher m) {
        String side = m.group(1) != null ? m.group(1) : m.group(3);
        String aspect = m.group(2) == null ? null : switch (m.group(2)) {
            case "inner", "inside" -> "medial";
            case "outer", "outside" -> "lateral";
            case "front" -> "anterior";
            case "back" -> "posterior";
            default -> m.group(2);
        };
        StringBuilder out = new StringBuilder();
        if (aspect != null) {
            out.append(aspect).append(' ');
        }
        if (side != null) {
            out.append(side).append(' ');
        }
        return out.append(m.group(4)).toString();
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
