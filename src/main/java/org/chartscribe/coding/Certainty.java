package org.chartscribe.coding;

import java.util.List;
import java.util.Set;

/**
 * Whether a phrase is asserted. Outpatient coding never codes "possible", "probable", "rule out",
 * "consistent with" or a negated condition as confirmed: the words after such a cue (to the end of
 * the clause) are not coded, while a symptom stated before the cue still is.
 */
final class Certainty {

    /** FAMILY: a relative's condition ("family history of colon cancer"), never the patient's. */
    enum Status { ASSERTED, UNCERTAIN, NEGATED, FAMILY }

    private static final List<List<String>> UNCERTAIN = phrases(
            "possible", "possibly", "probable", "probably", "likely", "suspect", "suspected", "suspicious for",
            "suspicion of", "concern for", "concerned about", "concerning for", "worried about", "rule out", "r o",
            "question of", "questionable", "consistent with", "compatible with", "versus", "v", "vs",
            "differential", "may be", "may have", "might", "could be", "cannot exclude", "can not exclude",
            "presumed", "evaluate for", "evaluation for", "to assess for", "screen for", "if", "risk of",
            "possibility of", "not sure", "most likely", "suggestive of", "working diagnosis", "similar to",
            "symptoms of", "sign of", "signs of", "check for", "test for", "testing for", "look for", "determine",
            "see if", "see whether", "checking for", "looking for", "screening for", "evaluating for", "assess for", "whether", "make sure", "to see", "in case", "worry about", "concerned that",
            "at risk for", "lower risk of", "reduce risk of", "sounds like", "seems like", "appears to be", "i m guessing", "i guess");
    /** Negations, and "completed" ("you have completed your covid-19 series": a vaccination, not an infection). */
    private static final List<List<String>> NEGATING = phrases(
            "no", "not", "denie", "deny", "denied", "negative for", "without evidence of", "no evidence of",
            "ruled out", "free of", "completed", "absence of", "resolved", "never", "don t think", "do not think");
    private static final List<List<String>> FAMILY = phrases("family history of", "family history", "family hx", "fhx",
            "runs in the family", "runs in her family", "runs in his family", "runs in their family");
    /** The patient's own past condition: "history of", "personal history of", "hx of", "h/o". */
    private static final List<List<String>> HISTORY = phrases("history of", "hx of", "h o", "past history of");
    /** Words that end a clause: a cue does not reach past them. */
    private static final Set<String> CLAUSE_BREAKS = Set.of("but", "however", "although", "and", "which", "so");

    /** Words after a condition that make it the name of a test or a vaccine ("stress test", "shingles vaccine"). */
    private static final Set<String> PROCEDURE_WORDS = Set.of("test", "testing", "vaccine", "vaccination", "shot",
            "booster", "screening", "titer", "panel", "antibody", "swab", "clinic", "specialist", "medication");

    private Certainty() {}

    static boolean namesAProcedure(List<ClinicalTokens.Token> tokens, int after) {
        return after < tokens.size() && PROCEDURE_WORDS.contains(tokens.get(after).norm());
    }

    /** The status of the phrase whose first token is {@code at}, looking back within the statement. */
    static Status of(List<ClinicalTokens.Token> tokens, String text, int at) {
        for (int i = at - 1; i >= 0 && i >= at - 12; i--) {
            if (breaksClause(tokens, text, i, at)) {
                return Status.ASSERTED;
            }
            if (startsWith(tokens, i, FAMILY, at) || tokens.get(i).norm().equals("family") && i == at - 1
                    && tokens.get(at).norm().equals("history")) {
                return Status.FAMILY; // the last: a phrase that itself opens "history of ..." after "family"
            }
            if (startsWith(tokens, i, UNCERTAIN, at)) {
                return Status.UNCERTAIN;
            }
            if (at - i <= 5 && startsWith(tokens, i, NEGATING, at) && !describesControl(tokens, i)) {
                return Status.NEGATED;
            }
        }
        return Status.ASSERTED;
    }

    /** Whether the phrase at {@code at} is called the patient's history ("history of breast cancer"), within its clause. */
    static boolean historyOf(List<ClinicalTokens.Token> tokens, String text, int at) {
        for (int i = at - 1; i >= 0 && i >= at - 6; i--) {
            if (breaksClause(tokens, text, i, at)) {
                return false;
            }
            if (startsWith(tokens, i, HISTORY, at)) {
                // "history of present illness" is a heading, not the patient's past
                return !(i + 2 < at && tokens.get(i + 2).norm().equals("present"));
            }
        }
        return false;
    }

    /** "not well controlled diabetes" qualifies the diabetes, it does not negate it. */
    private static boolean describesControl(List<ClinicalTokens.Token> tokens, int i) {
        String next = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
        return next.equals("well") || next.equals("controlled") || next.equals("adequately");
    }

    private static boolean breaksClause(List<ClinicalTokens.Token> tokens, String text, int i, int at) {
        if (CLAUSE_BREAKS.contains(tokens.get(i).norm()) && i < at - 1) {
            return true;
        }
        // A period, semicolon or colon between this token and the phrase ends the cue's reach.
        // (words rewritten from one spoken form share its span: nothing lies between them)
        int end = tokens.get(i).end();
        String between = text.substring(end, Math.max(end, tokens.get(i + 1 <= at ? i + 1 : at).start()));
        return between.contains(".") || between.contains(";") || between.contains(":");
    }

    private static boolean startsWith(List<ClinicalTokens.Token> tokens, int i, List<List<String>> cues, int limit) {
        for (List<String> cue : cues) {
            if (i + cue.size() > limit) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < cue.size() && all; k++) {
                all = tokens.get(i + k).norm().equals(cue.get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> phrases(String... cues) {
        return java.util.Arrays.stream(cues).map(ClinicalTokens::norms).toList();
    }
}
