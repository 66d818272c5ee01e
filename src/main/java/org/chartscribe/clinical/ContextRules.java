package org.chartscribe.clinical;

import java.util.List;

/**
 * A NegEx/ConText-style assertion classifier written for this project. Trigger phrases open a
 * scope before (PRE) or after (POST) themselves; a scope covers a few words and stops at a
 * termination phrase ("but", "however", "which"...) or the end of the sentence. Pseudo-triggers
 * ("no change", "not only") are matched as longer phrases and mean nothing, so they shadow the
 * trigger inside them.
 */
final class ContextRules {

    private enum Type { NEGATED, UNCERTAIN, HISTORICAL, FAMILY, HYPOTHETICAL, PSEUDO, TERMINATE }

    private enum Direction { PRE, POST, NONE }

    private record Trigger(Type type, Direction direction) {}

    /** Words a PRE scope reaches forward, and a POST scope back. */
    private static final int PRE_WINDOW = 8;
    private static final int POST_WINDOW = 4;
    private static final int FAMILY_WINDOW = 14;

    private static final PhraseMatcher<Trigger> TRIGGERS = new PhraseMatcher<>();

    static {
        pre(Type.NEGATED, "no", "not", "denies", "denied", "deny", "denying", "without", "negative for", "free of",
                "never", "no evidence of", "no sign of", "no signs of", "absence of", "nor", "rules out", "rule out of",
                "doesn't have", "don't have", "didn't have", "hasn't had", "haven't had", "have not had", "has not had",
                "never had", "haven't", "hasn't", "i've never had", "i have never had", "don't think i've ever had",
                "don't think i've had", "don't think i have", "don't think i ever had", "i haven't had", "i have not had",
                "i haven't", "i don't have", "i do not have", "i didn't have", "i don't think i've ever had",
                "no history of", "not any", "no more", "none of", "not experiencing", "not having", "don't think",
                "do not think", "doesn't look like", "does not look like", "not consistent with", "unlikely");
        post(Type.NEGATED, "is negative", "was negative", "were negative", "are negative", "is absent",
                "has resolved", "resolved", "went away", "is gone", "has gone away", "was ruled out", "ruled out");
        pre(Type.UNCERTAIN, "possible", "possibly", "probable", "probably", "likely", "maybe", "may have", "might have",
                "could be", "could have", "may be", "might be", "suspect", "suspected", "suspicion of", "suspicious for",
                "concern for", "concerned about", "worried about", "rule out", "r o", "question of", "questionable",
                "differential", "differential includes", "versus", "vs", "consider", "considering", "cannot exclude",
                "can't rule out", "not sure if", "not sure whether", "evaluate for", "to assess for", "work up for");
        post(Type.UNCERTAIN, "is possible", "is likely", "is suspected", "not ruled out", "cannot be excluded");
        pre(Type.HISTORICAL, "history of", "past medical history", "hx of", "previous", "previously", "prior",
                "status post", "s p", "used to have", "had a history");
        post(Type.HISTORICAL, "in the past", "years ago", "as a child", "when i was younger", "when i was a kid", "back then");
        pre(Type.FAMILY, "mother", "father", "mom", "dad", "sister", "brother", "siblings", "grandmother",
                "grandfather", "grandma", "grandpa", "aunt", "uncle", "cousin", "parents", "family history",
                "family member", "relatives", "mother's", "father's", "mom's", "dad's");
        post(Type.FAMILY, "runs in the family", "runs in my family", "in the family", "in my family");
        pre(Type.HYPOTHETICAL, "if", "in case", "should you", "watch for", "look out for", "call me if",
                "warning signs", "return if", "come back if", "unless", "signs of",
                // the risks of a treatment are not the patient's conditions ("risks include bleeding and stroke")
                "risk of", "risks of", "risk for", "at risk for", "risks include", "risks including", "risks are",
                "risks such as", "chance of", "chances of", "complications include", "complications such as",
                "complications like", "can cause", "could cause", "can lead to", "could lead to", "to prevent",
                "side effects", "side effects include", "side effect of");
        none(Type.PSEUDO, "no change", "no changes", "no increase", "not only", "no further", "not necessarily",
                "not certain", "without difficulty", "no problem", "no problems with", "not cause", "no acute distress",
                "gram negative", "not sure", "no longer", "if any", "no worries", "no question");
        none(Type.TERMINATE, "but", "however", "although", "though", "except", "aside from", "apart from", "which",
                "who", "because", "yet", "otherwise", "presents with",
                "complains of", "reports", "i have", "i've", "i had", "i am", "i'm", "you have", "she has", "he has",
                "patient has", "the patient");
    }

    private ContextRules() {}

    /**
     * The assertion of the words at [targetStart, targetEnd) in {@code sentence} (offsets within the
     * sentence; the sentence should be lowercase with numbers normalised).
     */
    static Assertion assess(String sentence, int targetStart, int targetEnd) {
        if (sentence.length() > LONG_SENTENCE) {
            // a trigger acts only within a few words, so a long run of speech is read around the target only:
            // reading all of it for every target made one unpunctuated clause cost quadratic time
            int from = Math.max(0, targetStart - REACH_CHARS);
            int to = Math.min(sentence.length(), targetEnd + REACH_CHARS);
            boolean beforeEnough = from == 0 || Words.of(sentence.substring(from, targetStart)).size() > REACH_WORDS;
            boolean afterEnough = to == sentence.length() || Words.of(sentence.substring(targetEnd, to)).size() > REACH_WORDS;
            if (beforeEnough && afterEnough) {
                return assessWhole(sentence.substring(from, to), targetStart - from, targetEnd - from);
            }
        }
        return assessWhole(sentence, targetStart, targetEnd);
    }

    /** Longer sentences are read around the target; the reach covers every window plus the longest trigger. */
    private static final int LONG_SENTENCE = 600;
    private static final int REACH_CHARS = 300;
    private static final int REACH_WORDS = FAMILY_WINDOW + 10;

    private static Assertion assessWhole(String sentence, int targetStart, int targetEnd) {
        List<PhraseMatcher.Match<Trigger>> found = TRIGGERS.find(sentence);
        List<Words.Word> words = Words.of(sentence);
        int targetFirst = wordIndexAt(words, targetStart);
        int targetLast = wordIndexAt(words, Math.max(targetStart, targetEnd - 1));
        boolean negated = false;
        boolean uncertain = false;
        boolean historical = false;
        boolean family = false;
        boolean hypothetical = false;
        for (PhraseMatcher.Match<Trigger> t : found) {
            if (t.start() >= targetStart && t.end() <= targetEnd) {
                continue; // a trigger inside the target ("no" in "nose" cannot happen; "prior" in a name can)
            }
            Trigger trigger = t.value();
            boolean applies = false;
            if (trigger.direction() == Direction.PRE && t.end() <= targetStart) {
                int from = wordIndexAt(words, t.end() - 1) + 1;
                int window = trigger.type() == Type.FAMILY ? FAMILY_WINDOW : PRE_WINDOW;
                applies = targetFirst - from < window && !terminatedBetween(found, t.end(), targetStart);
            } else if (trigger.direction() == Direction.POST && t.start() >= targetEnd) {
                int to = wordIndexAt(words, t.start());
                applies = to - targetLast <= POST_WINDOW && !terminatedBetween(found, targetEnd, t.start());
            }
            if (applies) {
                switch (trigger.type()) {
                    case NEGATED -> negated = true;
                    case UNCERTAIN -> uncertain = true;
                    case HISTORICAL -> historical = true;
                    case FAMILY -> family = true;
                    case HYPOTHETICAL -> hypothetical = true;
                    default -> { }
                }
            }
        }
        return new Assertion(negated, uncertain, historical, family, hypothetical, false);
    }

    private static boolean terminatedBetween(List<PhraseMatcher.Match<Trigger>> found, int from, int to) {
        for (PhraseMatcher.Match<Trigger> t : found) {
            if (t.value().type() == Type.TERMINATE && t.start() >= from && t.end() <= to) {
                return true;
            }
        }
        return false;
    }

    private static int wordIndexAt(List<Words.Word> words, int offset) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).end() > offset) {
                return i;
            }
        }
        return words.size();
    }

    private static void pre(Type type, String... phrases) {
        add(type, Direction.PRE, phrases);
    }

    private static void post(Type type, String... phrases) {
        add(type, Direction.POST, phrases);
    }

    private static void none(Type type, String... phrases) {
        add(type, Direction.NONE, phrases);
    }

    private static void add(Type type, Direction direction, String... phrases) {
        for (String p : phrases) {
            if (p.contains("n't")) {
                // speech recognisers write "do n't" apart
                TRIGGERS.add(p.replace("n't", " n't"), new Trigger(type, direction));
            }
            TRIGGERS.add(p, new Trigger(type, direction));
        }
    }
}
