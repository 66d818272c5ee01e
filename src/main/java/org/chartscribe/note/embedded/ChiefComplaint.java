package org.chartscribe.note.embedded;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chief complaint as a note writes it: the reason for the visit in a few words ("Knee pain."),
 * taken from the sentence that states it ("... is a 58-year-old male here for evaluation of knee
 * pain"). The whole sentence stays in the history, where it opens the narrative.
 */
final class ChiefComplaint {

    private static final Pattern REASON = Pattern.compile(
            "(?i)\\b(?:(?:here|presents?|presenting|is seen|seen|saw (?:(?:mr|mrs|ms|miss|mx)\\.? ?[a-z]+|him|her|them|the patient)|coming in|came in|comes in|referred)(?: today| to(?: the)? "
                    + "clinic(?: today)?| to establish care)? (?:for|with))"
                    + " (?:an? |the |his |her |their |some )?(?:(?:evaluation|follow-up|"
                    + "follow up|management|consultation|reevaluation|re-evaluation) (?:of|for) )?(?:an? |the |his |her "
                    + "|their |some )?([^.;]{3,60}?)\\s*(?:[.;]|$| today\\b| and\\b| that\\b| which\\b| who\\b| since\\b)");

    private static final int MAX_WORDS = 8;

    private ChiefComplaint() {}

    /** The reason for the visit in the sentence's own words, capitalised, or empty. */
    static Optional<String> reason(String sentence) {
        Matcher m = REASON.matcher(sentence);
        if (!m.find()) {
            return Optional.empty();
        }
        String reason = m.group(1).trim();
        if (reason.split("\\s+").length > MAX_WORDS) {
            return Optional.empty();
        }
        return Optional.of(Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".");
    }
}
