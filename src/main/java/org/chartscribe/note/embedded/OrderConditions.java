package org.chartscribe.note.embedded;

import java.util.regex.Pattern;

/**
 * Whether a test the clinician names is ordered today. "I don't think you need an x-ray" orders
 * nothing, and "if it doesn't get better we can get an MRI" orders it only then: charted as a plain
 * order, either would be a wrong fact in the plan.
 */
final class OrderConditions {

    enum Condition {
        /** Nothing says otherwise: the test is ordered. */
        ORDERED,
        /** Said not to be needed, or put off. */
        NOT_NEEDED,
        /** Ordered only if the problem does not improve: "Consider MRI if symptoms persist." */
        IF_NO_BETTER,
        /** Ordered only under a condition the note cannot state briefly: left out. */
        OTHER_CONDITION
    }

    /** How far before the test's name its condition may be said. */
    static final int REACH = 80;

    private static final Pattern NOT_NEEDED = Pattern.compile("\\b(?:(?:do ?n't|do not|does ?n't|does not|wo ?n't|will not) "
            + "(?:think (?:you|he|she|they|we) )?(?:need|needs)|(?:do ?n't|do not) (?:want|have) to (?:get|do|order)|"
            + "no need (?:for|to)|not (?:going|gonna|gon na) (?:to )?(?:order|get|do)|hold off on|holding off on|"
            + "(?:no|not) (?:further )?(?:need|necessary))\\b[^.?!]*$");
    // "to rule out if", "to see if": a reason for the test, not a condition on it
    private static final Pattern CONDITION = Pattern.compile("(?<!\\b(?:out|see|check|know|tell|determine|sure|wonder|ask|"
            + "evaluate|assess|look) )\\b(?:if|unless|in case)\\b[^.?!]*$");
    private static final Pattern NO_BETTER = Pattern.compile("\\b(?:if|in case)\\b[^.?!]*?\\b(?:(?:does ?n't|does not|do ?n't|"
            + "do not|is ?n't|is not|are ?n't|are not|not) (?:get(?:ting)? better|improv|work|help|go away|resolv|settle|"
            + "clear)|(?:get|gets|getting) worse|worsen|still (?:hurt|pain|ha)|persist|no improvement|no better|"
            + "continue to (?:hurt|have))");

    private OrderConditions() {}

    /** @param lead the words of the clause before the test's name, lower case */
    static Condition of(String lead) {
        String near = lead.length() > REACH ? lead.substring(lead.length() - REACH) : lead;
        if (NOT_NEEDED.matcher(near).find()) {
            return Condition.NOT_NEEDED;
        }
        java.util.regex.Matcher condition = CONDITION.matcher(near);
        if (condition.find()) {
            return NO_BETTER.matcher(near.substring(condition.start())).find() ? Condition.IF_NO_BETTER
                    : Condition.OTHER_CONDITION;
        }
        return Condition.ORDERED;
    }
}
