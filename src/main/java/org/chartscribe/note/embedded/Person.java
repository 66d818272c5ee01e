package org.chartscribe.note.embedded;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves speech into the third person of a note: the patient's "I" and the clinician's "you" both
 * become the patient ("she", "the patient", ...), with the verb that follows made to agree
 * ("I have" -> "she has", "you feel" -> "she feels"). Only pronouns and verb endings change.
 */
final class Person {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;]");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?|[^A-Za-z]+");

    /** Words that may sit between a subject and its verb ("I still feel"). */
    private static final Set<String> ADVERBS = Set.of("just", "really", "still", "also", "usually", "always", "never",
            "sometimes", "often", "kinda", "actually", "only", "definitely", "probably", "even", "already", "generally",
            "mostly", "constantly", "normally", "occasionally", "rarely", "barely", "hardly", "now", "then", "typically",
            "certainly", "recently", "finally", "mainly", "frequently", "currently", "continually");

    /** Before "you", these make it an object ("I'll see you", "want you to"). */
    private static final Set<String> OBJECT_BEFORE = set("to", "for", "with", "at", "see", "tell", "give", "ask",
            "let", "want", "need", "help", "get", "put", "send", "show", "call", "about", "on", "of", "from", "by",
            "check", "examine", "thank", "bring", "keep", "start", "refer", "make", "have", "than", "into", "write",
            "order", "offer", "provide", "book", "sign", "admit", "discharge", "treat", "follow", "walk", "email",
            "text", "page", "message", "reassure", "counsel", "update", "inform", "notify", "warn", "like", "love",
            "around", "switch", "schedule", "take", "told", "gave", "asked", "sent", "put", "got", "saw", "seen",
            "prescribe", "encourage", "advise", "allow", "remind", "teach", "place", "without", "behind", "under",
            "over", "after", "before", "towards", "toward", "upon", "between", "through", "against", "hurt", "bother",
            "bothering", "bothers", "bothered", "wake", "woke", "keeps", "making", "made");

    /** Verbs that, right after "you", make it the subject of a clause. */
    private static final Set<String> FINITE_AFTER_SUBJECT = Set.of("have", "had", "are", "were", "will", "would",
            "can", "could", "should", "might", "may", "must", "don't", "didn't", "haven't", "hadn't", "aren't", "weren't",
            "won't", "can't", "couldn't", "shouldn't");

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("have", "has"), Map.entry("do", "does"), Map.entry("don't", "doesn't"), Map.entry("am", "is"),
            Map.entry("are", "is"), Map.entry("were", "was"), Map.entry("weren't", "wasn't"), Map.entry("aren't", "isn't"),
            Map.entry("haven't", "hasn't"), Map.entry("go", "goes"));

    private static final Map<String, String> PLURAL = Map.of("am", "are", "was", "were", "wasn't", "weren't");

    /** Present-tense verbs that take an "-s" after he, she or the patient. */
    private static final Set<String> VERBS = set("feel", "take", "get", "think", "need", "want", "wake", "notice",
            "use", "work", "live", "sleep", "eat", "drink", "smoke", "walk", "run", "know", "like", "love", "hate",
            "try", "see", "say", "mean", "remember", "forget", "hurt", "play", "stay", "keep", "wear", "believe", "hope",
            "wish", "lose", "miss", "watch", "check", "exercise", "drive", "bike", "swim", "come", "make", "seem",
            "tend", "start", "stop", "continue", "deal", "struggle", "agree", "understand", "guess", "wonder", "find",
            "look", "sit", "stand", "lift", "bend", "cough", "vomit", "worry", "cry", "carry", "spend", "travel",
            "ride", "call", "plan", "prefer", "avoid", "follow", "monitor", "record", "measure", "weigh", "put",
            "apply", "ice", "rest", "elevate", "buy", "pay", "read", "write", "attend", "visit", "wait", "enjoy",
            "sweat", "snore", "urinate", "experience", "bring", "become", "fall", "hear", "smell", "taste", "breathe",
            "swallow", "chew", "brush", "floss", "bleed", "itch", "ache", "burn", "tingle", "tolerate", "recall",
            "report", "deny", "endorse", "complain", "describe", "admit", "drop", "trip", "limp", "wheeze", "choke",
            "fatigue", "doze", "nap", "snack", "cook", "clean", "garden", "hike", "golf", "lift", "jog", "dance",
            "dress", "bathe", "shower", "climb", "kneel", "squat", "reach", "type", "text", "smoke", "vape", "chew",
            "forget", "miss", "skip", "run", "pass", "leak", "wet", "cramp", "throw", "pee", "poop", "hold", "handle",
            "develop", "notice", "get", "lie", "lay", "move", "turn", "twist", "push", "pull", "raise", "kick", "step",
            "land", "sneeze", "feed", "check", "change", "help", "improve", "last", "radiate", "spread", "occur",
            "happen", "wonder", "question", "recover", "heal", "appear", "sound", "respond", "demonstrate", "display",
            "exhibit", "present", "remain", "answer", "speak", "smile", "maintain", "ambulate", "grimace");

    private Person() {}

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** A patient's own words: "I", "me", "my", "myself" become the patient. */
    static String patientSpeech(String s, Pronouns p) {
        return convert(s, p, true);
    }

    /** A clinician's words to the patient: "you", "your", "yourself" become the patient. */
    static String toPatient(String s, Pronouns p) {
        return convert(s, p, false);
    }

    private static String convert(String s, Pronouns p, boolean firstPerson) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        Matcher m = TOKEN.matcher(s);
        String previous = null;
        boolean agree = false;
        boolean agreeSingular = true;
        // "she bends or sits": a verb joined to an agreed one by "and" / "or" agrees too
        int coordinate = 0;
        boolean atStart = true;
        // without a known sex, the first mention in a sentence is "the patient", as notes say, not "they"
        boolean named = p.singular();
        while (m.find()) {
            String tok = m.group();
            if (!Character.isLetter(tok.charAt(0))) {
                out.append(tok);
                if (SENTENCE_END.matcher(tok).find()) {
                    atStart = true;
                    named = p.singular();
                }
                continue;
            }
            String lower = tok.toLowerCase(java.util.Locale.ROOT);
            String replacement = null;
            boolean subject = false;
            String verb = null;
            if (firstPerson) {
                switch (lower) {
                    // "M R I", "C T": a spelled-out letter, not the speaker
                    case "i" -> subject = previous == null || previous.length() != 1 || previous.equals("i")
                            || previous.equals("a");
                    case "i'm" -> { subject = true; verb = "am"; }
                    case "i've" -> { subject = true; verb = "have"; }
                    case "i'll" -> { subject = true; verb = "will"; }
                    case "i'd" -> { subject = true; verb = "would"; }
                    case "me" -> replacement = p.object();
                    case "my" -> replacement = p.possessive();
                    case "myself" -> replacement = p.reflexive();
                    case "mine" -> replacement = p == Pronouns.SHE ? "hers" : p == Pronouns.HE ? "his" : "theirs";
                    default -> { }
                }
            } else {
                switch (lower) {
                    case "you" -> {
                        boolean object = previous != null && OBJECT_BEFORE.contains(previous)
                                || nextWordIs(s, m.end(), "to");
                        // "it looks like you have gained", "more than you were": a clause, whose subject is "you"
                        if (object && ("like".equals(previous) || "than".equals(previous))
                                && FINITE_AFTER_SUBJECT.contains(nextWord(s, m.end()))) {
                            object = false;
                        }
                        if (object) {
                            replacement = p.object();
                        } else {
                            subject = true;
                        }
                    }
                    case "you're" -> { subject = true; verb = "are"; }
                    case "you've" -> { subject = true; verb = "have"; }
                    case "you'll" -> { subject = true; verb = "will"; }
                    case "you'd" -> { subject = true; verb = "would"; }
                    case "your" -> replacement = p.possessive();
                    case "yourself" -> replacement = p.reflexive();
                    case "yours" -> replacement = p == Pronouns.SHE ? "hers" : p == Pronouns.HE ? "his" : "theirs";
                    default -> { }
                }
            }
            if (subject) {
                boolean opening = atStart;
                boolean first = !named;
                named = true;
                String subj = opening ? p.capitalSubject() : first ? "the patient" : p.subject();
                boolean singular = opening ? p.openerSingular() : first || p.singular();
                if (verb != null) {
                    out.append(subj).append(' ').append(agreeVerb(verb, singular));
                    agree = false;
                } else {
                    out.append(subj);
                    agree = true;
                    agreeSingular = singular;
                }
                previous = lower;
                atStart = false;
                continue;
            }
            if (replacement != null && !named && atStart && replacement.equals(p.possessive())) {
                replacement = "the patient's";
                named = true;
            }
            if (replacement != null) {
                out.append(atStart ? capitalise(replacement) : replacement);
                agree = false;
            } else if (agree && ADVERBS.contains(lower)) {
                out.append(tok);
            } else if (agree) {
                out.append(agreeVerb(lower, agreeSingular));
                agree = false;
                coordinate = 4;
            } else if (coordinate > 0 && VERBS.contains(lower) && ("and".equals(previous) || "or".equals(previous))
                    && !nextWordIs(s, m.end(), "is") && !nextWordIs(s, m.end(), "was")) {
                out.append(agreeVerb(lower, agreeSingular));
                coordinate = 0;
            } else {
                out.append(tok);
            }
            previous = lower;
            atStart = false;
            coordinate = Math.max(0, coordinate - 1);
        }
        return out.toString();
    }

    /** The lowercase word (letters and apostrophes) after white space from {@code from}, or "" at the end. */
    private static String nextWord(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '\'')) {
            end++;
        }
        return s.substring(i, end).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean nextWordIs(String s, int from, String word) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.regionMatches(true, i, word + " ", 0, word.length() + 1);
    }

    /** Whether a lowercase word is a verb form this class knows: "feel", "feels", "felt" is not known. */
    static boolean isKnownVerb(String word) {
        if (VERBS.contains(word) || IRREGULAR.containsValue(word)) {
            return true;
        }
        if (word.endsWith("ies") && VERBS.contains(word.substring(0, word.length() - 3) + "y")) {
            return true;
        }
        if (word.endsWith("es") && VERBS.contains(word.substring(0, word.length() - 2))) {
            return true;
        }
        return word.endsWith("s") && VERBS.contains(word.substring(0, word.length() - 1));
    }

    static String agreeVerb(String verb, boolean singular) {
        if (!singular) {
            return PLURAL.getOrDefault(verb, verb);
        }
        String irregular = IRREGULAR.get(verb);
        if (irregular != null) {
            return irregular;
        }
        if (!VERBS.contains(verb)) {
            return verb;
        }
        if (verb.endsWith("s") || verb.endsWith("sh") || verb.endsWith("ch") || verb.endsWith("x")
                || verb.endsWith("o")) {
            return verb + "es";
        }
        if (verb.endsWith("y") && verb.length() > 2 && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        return verb + "s";
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
