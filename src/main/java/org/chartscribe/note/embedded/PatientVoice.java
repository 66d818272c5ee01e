package org.chartscribe.note.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames a patient's own words the way a history is written: a bare answer's leading "No," or
 * "Yes," goes, "I don't have any X" becomes "I deny any X", and an answer that does not start with
 * the patient is reported ("joint pain in my knee" becomes "I report joint pain in my knee", "it's
 * worse at night" "I report that it's worse at night"). Works on first-person text before
 * {@link Person} moves it to the third person ("She denies any X", "The patient reports ...").
 */
final class PatientVoice {

    /** "No, ..." / "Yes, ..." / "Yeah, ...": the answer word adds nothing once the statement follows. */
    private static final Pattern ANSWER_WORD = Pattern.compile(
            "(?i)^(?:no|nope|yes|yeah|yep|yup|correct|right|sure)\\b\\s*[,.;!]\\s*(?=\\S)"
                    // unpunctuated speech: "no it's been about the same", "yeah in the morning"; not "no pain"
                    + "|^(?:no|nope|yes|yeah|yep|yup)\\s+(?=(?:i|i'm|i've|i'd|it|it's|that|that's|this|they|they're|he|"
                    + "he's|she|she's|we|we've|my|in|on|at|just|only|mostly|usually|sometimes|maybe|probably|actually)\\b)");

    private static final Pattern DENIAL = Pattern.compile(
            "(?i)^(?:i|we) (?:also |really |definitely )?(?:don't|do not|haven't|have not|didn't|did not|never)"
                    + "(?: really| ever| even)? (?:have|had|get|got|notice|noticed|feel|felt|experience|experienced|"
                    + "have had|have noticed|have felt|have experienced|been having)(?: any)? (?!(?:it|this|that|them|to|"
                    + "a chance|time|much|anything|enough|hurt|better|worse|well|good|bad|sick|like|that)\\b)");

    /** Openings that already say who: the patient's own "I", "my", or a verb with the subject left out. */
    private static final Pattern SELF_FIRST = Pattern.compile(
            "(?i)^(?:i|i'm|i've|i'd|i'll|my|me|we|we're|we've|our|myself|not|never|no|none|nothing|yes|yeah|okay|"
                    + "sure|thank|thanks|um|uh|oh|well|so|and|but|because|if|when|what|how|why|do|does|did|is|are|can|"
                    + "could|should|would|will|maybe|probably)\\b");
    /** A clause with its own subject ("it's worse", "the pain started"): reported "that ...". */
    private static final Pattern CLAUSE_FIRST = Pattern.compile(
            "(?i)^(?:it|it's|its|that|that's|this|there|there's|he|she|they|his|her|their|the|everything|"
                    + "nothing|something|someone|everyone)\\b");
    /** A finite verb makes the answer a clause ("most days it's about a six"), not a noun phrase. */
    private static final Pattern FINITE_VERB = Pattern.compile(
            "(?i)(?:'s|\\b(?:is|was|are|were|has|have|had|does|did|gets|got|goes|went|started|hurts|feels|felt|"
                    + "comes|came|seems|seemed|happens|happened))\\b");

    /** Asides a history leaves out ("to be honest, ..."). */
    private static final Pattern ASIDE = Pattern.compile(
            "(?i)^(?:to be honest|honestly|i mean|you know|actually|basically),?\\s+");

    private PatientVoice() {}

    static String frame(String s) {
        return frame(s, false);
    }

    /** @param opensAnswer the first sentence of the patient's turn, which a history reports as such */
    static String frame(String s, boolean opensAnswer) {
        String out = ASIDE.matcher(ANSWER_WORD.matcher(s).replaceFirst("")).replaceFirst("");
        Matcher denial = DENIAL.matcher(out);
        if (denial.find() && ClinicalLexicon.isClinical(Cues.lookup(out.substring(denial.end())))) {
            return "I deny any " + out.substring(denial.end());
        }
        if (!opensAnswer || out.isEmpty() || SELF_FIRST.matcher(out).find()) {
            return out;
        }
        String lowered = Character.toLowerCase(out.charAt(0)) + out.substring(1);
        boolean clause = CLAUSE_FIRST.matcher(out).find() || FINITE_VERB.matcher(out).find();
        return (clause ? "I report that " : "I report ") + lowered;
    }
}
