package org.chartscribe.note.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames a patient's own words the way a history is written: a bare answer's leading "No," or
 * "Yes," goes, and "I don't have any X" becomes "I deny any X". Works on first-person text before
 * {@link Person} moves it to the third person ("She denies any X").
 */
final class PatientVoice {

    /** "No, ..." / "Yes, ..." / "Yeah, ...": the answer word adds nothing once the statement follows. */
    private static final Pattern ANSWER_WORD = Pattern.compile(
            "(?i)^(?:no|nope|yes|yeah|yep|yup|correct|right|sure)\\b\\s*[,.;!]\\s*(?=\\S)");

    private static final Pattern DENIAL = Pattern.compile(
            "(?i)^(?:i|we) (?:also |really |definitely )?(?:don't|do not|haven't|have not|didn't|did not|never)"
                    + "(?: really| ever| even)? (?:have|had|get|got|notice|noticed|feel|felt|experience|experienced|"
                    + "have had|have noticed|have felt|have experienced|been having)(?: any)? (?!(?:it|this|that|them|to|"
                    + "a chance|time|much|anything|enough|hurt|better|worse|well|good|bad|sick|like|that)\\b)");

    private PatientVoice() {}

    static String frame(String s) {
        String out = ANSWER_WORD.matcher(s).replaceFirst("");
        Matcher denial = DENIAL.matcher(out);
        if (denial.find() && ClinicalLexicon.isClinical(Cues.lookup(out.substring(denial.end())))) {
            return "I deny any " + out.substring(denial.end());
        }
        return out;
    }
}
