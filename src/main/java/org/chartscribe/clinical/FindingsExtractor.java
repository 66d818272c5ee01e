package org.chartscribe.clinical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Symptoms and findings from {@code clinical/findings.tsv}, each with its ConText assertion and
 * nearby body site. A finding asked about in a question takes its polarity from the answer in the
 * next sentence ("Any fever?" "No." is a negated fever).
 */
final class FindingsExtractor {

    /** Marks phrases that contain a finding word but are not findings ("body mass index", "fall asleep"). */
    private static final String NOT_A_FINDING = "";
    private static final PhraseMatcher<String> TERMS = new PhraseMatcher<>();
    private static final Pattern SPEAKER = Pattern.compile("^\\s*(?:\\[[^\\]]*\\]|[a-z][a-z ]{0,20}:)\\s*");
    private static final Pattern NO_ANSWER = Pattern.compile("^(?:no|nope|nah|not really|not at all|never|none|negative|"
            + "i don't|i do not|i haven't|i have not|i didn't|denies)\\b");
    private static final Pattern YES_ANSWER = Pattern.compile("^(?:yes|yeah|yep|yup|uh-huh|mm-hmm|i do|i have|i did|"
            + "sometimes|a little|a bit|kind of|definitely|correct|right)\\b");
    /** An organ named as part of a condition or a specialist ("the pain I had with kidney stones") is not where it hurts. */
    private static final Pattern NAMES_A_CONDITION = Pattern.compile("\\s+(?:stones?|disease|failure|transplant|"
            + "cancer|function|attack|surgeon|doctor|specialist)\\b");
    /** Words between a finding and its body site, at most ("pain in my left knee"). */
    private static final int SITE_REACH = 30;

    static {
        for (String[] row : TsvResource.rows("/clinical/findings.tsv")) {
            TERMS.add(row[0], row[0]);
            for (String synonym : TsvResource.list(row, 1)) {
                TERMS.add(synonym, row[0]);
            }
        }
        for (String phrase : List.of("body mass index", "fall asleep", "falling asleep", "fell asleep", "side effects",
                "no problem", "hurt your feelings", "sore loser", "mass index", "pain medication", "pain medicine",
                "pain management", "pain clinic", "pain killer", "pain killers", "pain reliever")) {
            TERMS.add(phrase, NOT_A_FINDING);
        }
    }

    private FindingsExtractor() {}

    static List<Finding> extract(NormalizedText nt, List<Clauses.Span> clauses, List<BodySite> sites) {
        String lower = nt.text();
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < clauses.size(); c++) {
            Clauses.Span clause = clauses.get(c);
            String sentence = lower.substring(clause.start(), clause.end());
            boolean question = sentence.endsWith("?");
            for (PhraseMatcher.Match<String> m : TERMS.find(sentence)) {
                if (m.value().equals(NOT_A_FINDING)) {
                    continue;
                }
                Assertion assertion = ContextRules.assess(sentence, m.start(), m.end());
                if (question) {
                    assertion = answered(assertion, c + 1 < clauses.size()
                            ? lower.substring(clauses.get(c + 1).start(), clauses.get(c + 1).end()) : "");
                }
                int start = clause.start() + m.start();
                int end = clause.start() + m.end();
                BodySite site = nearestSite(sites, clause, start, end, lower);
                findings.add(new Finding(m.value(), assertion, site == null ? null : originalSite(nt, site),
                        nt.originalStart(start), nt.originalEnd(end)));
            }
        }
        return List.copyOf(findings);
    }

    /** A question's polarity comes from the answer; an unanswered question leaves the finding uncertain. */
    static Assertion answered(Assertion inQuestion, String nextSentence) {
        String answer = SPEAKER.matcher(nextSentence.toLowerCase(Locale.ROOT)).replaceFirst("");
        boolean no = NO_ANSWER.matcher(answer).find();
        boolean yes = !no && YES_ANSWER.matcher(answer).find();
        // in "Do you have no appetite?" the "no" belongs to the question; the answer decides
        return new Assertion(no, !no && !yes, inQuestion.historical(), inQuestion.family(), inQuestion.hypothetical(), true);
    }

    private static BodySite nearestSite(List<BodySite> sites, Clauses.Span clause, int start, int end, String lower) {
        BodySite best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (BodySite s : sites) {
            if (s.start() < clause.start() || s.end() > clause.end()
                    || NAMES_A_CONDITION.matcher(lower).region(s.end(), clause.end()).lookingAt()) {
                continue;
            }
            int distance = s.end() <= start ? start - s.end() : s.start() >= end ? s.start() - end : 0;
            if (distance <= SITE_REACH && distance < bestDistance) {
                best = s;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static BodySite originalSite(NormalizedText nt, BodySite s) {
        return new BodySite(s.site(), s.laterality(), nt.originalStart(s.start()), nt.originalEnd(s.end()));
    }
}
