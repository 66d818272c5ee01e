package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Set;
import org.chartscribe.clinical.WordPhrases;

/**
 * Cheap tests that let {@link SentenceGate} skip its costliest patterns on the sentences they cannot
 * match. Each is a necessary condition for its pattern (named in its comment): when it is false the
 * pattern finds nothing, when it is true the pattern still decides. So the gate admits exactly what it
 * did before, only faster; {@code FastPathEquivalenceTest} checks each against its pattern. A word added
 * to one of those patterns must be added here too.
 */
final class GateShortcuts {

    private GateShortcuts() {}

    /** {@code SECOND_PERSON}, {@code FILLER} and {@code CONVERSATION}, on the lowered sentence. */
    private static final WordPhrases SPEECH = WordPhrases.of(
            "you", "your", "yours", "yourself", "yourselves", "you're", "you'll", "you've", "you'd", "y'all", "ya",
            "okay", "ok", "yeah", "yep", "yup", "um*", "uh*", "uh-huh", "mm-hmm", "mhm", "hmm*", "gonna", "wanna",
            "gotta", "kinda", "sorta", "y'know", "you know", "i mean", "alright", "all right", "dragon", "haha",
            "hahaha", "lol", "oops", "whoops",
            "let me", "let's see", "let us see", "thank", "thanks", "sorry", "excuse me", "any questions", "bear with",
            "go ahead", "come on in", "have a seat", "nice to meet", "nice to see", "good to see", "how are", "hey",
            "hi", "hello", "bye", "goodbye", "wow", "oh", "ah", "gosh", "geez", "awesome", "cool", "fair enough",
            "no problem", "sounds good", "makes sense", "right");
    /** {@code FIRST_PERSON_SINGULAR}, as written. */
    private static final WordPhrases FIRST_PERSON = WordPhrases.of(
            "I", "I'm", "I've", "I'll", "I'd", "Me", "me", "My", "my", "Mine", "mine", "Myself", "myself");
    /** {@code UNGRAMMATICAL}'s word pairs, on the lowered sentence (its other two branches: {@link #mayBeUngrammatical}). */
    private static final WordPhrases UNGRAMMATICAL_PAIRS;

    static {
        List<String> be = List.of("is", "are", "was", "were");
        List<String> pairs = new java.util.ArrayList<>();
        pairs.addAll(WordPhrases.pairs(List.of("are", "were", "do", "have", "don't", "haven't", "aren't"),
                List.of("he", "she", "it")));
        pairs.addAll(WordPhrases.pairs(List.of("is", "was", "does", "has", "doesn't", "hasn't", "isn't"),
                List.of("they", "we")));
        pairs.addAll(WordPhrases.pairs(be, be));
        pairs.addAll(WordPhrases.pairs(List.of("reports", "states", "says"), List.of("been", "being")));
        pairs.addAll(WordPhrases.pairs(be, List.of("been")));
        pairs.addAll(List.of("denies any no", "denies no"));
        pairs.addAll(WordPhrases.pairs(List.of("the", "a", "an", "his", "her", "their"), List.of("and", "or", "but")));
        UNGRAMMATICAL_PAIRS = WordPhrases.of(pairs);
    }

    /** {@code NOT_CLINICAL}: the identity words anywhere, a dictated list label at the start. */
    private static final WordPhrases NOT_CLINICAL = WordPhrases.ignoringCase("date of birth", "dob*", "d.ob*", "do.b*",
            "d.o.b*", "social security", "medical record number", "mrn", "number", "problem", "item");
    /** {@code VISIT_NARRATION}. */
    private static final WordPhrases VISIT_NARRATION = WordPhrases.ignoringCase("let's", "let us", "we'll", "we will",
            "we're going to", "we are going to", "going to take", "going to do", "going to have", "going to check",
            "going to go", "going to look");
    /** {@code CLINIC_VOICE}: every "we ..." form starts with the word "we". */
    private static final WordPhrases CLINIC_VOICE = WordPhrases.ignoringCase("we", "us", "our", "ours");
    /** {@code PLURAL_FIRST_PERSON}, as written. */
    private static final WordPhrases PLURAL_FIRST_PERSON = WordPhrases.of("We", "we", "us", "Our", "our");
    /** {@code SUMMARY_OF_SPEECH}. */
    private static final WordPhrases SUMMARY_OF_SPEECH = WordPhrases.ignoringCase("endors*", "was endorsing",
            "sounds like");
    /** {@code REMOVABLE_FILLER}. */
    private static final WordPhrases REMOVABLE_FILLER = WordPhrases.ignoringCase("um*", "uh*", "you know", "i mean");
    /** {@code DOUBLE_OPENER}: the abandoned opener. */
    private static final WordPhrases DOUBLE_OPENER = WordPhrases.ignoringCase("there's", "there is", "it's", "it is");
    /** {@code TRAILING_COMMENT}: "which" or "that" opens every trailing comment. */
    private static final WordPhrases TRAILING_COMMENT = WordPhrases.ignoringCase("which", "that");

    /** {@code OBJECT_CASE}'s verbs and prepositions, as written. */
    private static final Set<String> BEFORE_OBJECT = Set.of("continue", "start", "started", "put", "keep", "kept",
            "see", "give", "gave", "send", "sent", "get", "got", "have", "had", "tell", "told", "ask", "asked", "refer",
            "referred", "bring", "take", "took", "let", "help", "switch", "switched", "schedule", "place", "placed",
            "treat", "follow", "check", "examine", "call", "discharge", "admit", "counsel", "advise", "encourage",
            "remind", "allow", "want", "need", "for", "with", "to", "from", "about", "on", "at", "by", "of", "without",
            "than", "into");
    private static final WordPhrases SUBJECT_PRONOUN = WordPhrases.of("she", "he", "they", "we");
    /** {@code PAUSE_COMMA}'s words, lowered. */
    private static final Set<String> BEFORE_PAUSE = Set.of("the", "a", "an", "his", "her", "their", "its", "of", "to",
            "with", "for", "on", "in", "at", "from", "by", "has", "have", "had", "is", "are", "was", "were", "does",
            "did", "some", "any");

    static boolean maySoundSpoken(String lower) {
        return SPEECH.in(lower);
    }

    static boolean mayBeFirstPerson(String body) {
        return FIRST_PERSON.in(body);
    }

    static boolean mayBeUngrammatical(String lower) {
        return UNGRAMMATICAL_PAIRS.in(lower) || lower.contains("'s ")
                || lower.contains(", ") && (lower.contains("or anything") || lower.contains("or something")
                        || lower.contains("or not"));
    }

    static boolean mayBeNotClinical(String body) {
        return NOT_CLINICAL.in(body);
    }

    static boolean mayNarrateTheVisit(String body) {
        return VISIT_NARRATION.in(body);
    }

    static boolean mayBeTheClinicSpeaking(String body) {
        return CLINIC_VOICE.in(body);
    }

    static boolean maySayWe(String body) {
        return PLURAL_FIRST_PERSON.in(body);
    }

    static boolean maySummariseSpeech(String body) {
        return SUMMARY_OF_SPEECH.in(body);
    }

    static boolean mayHaveRemovableFiller(String text) {
        return REMOVABLE_FILLER.in(text);
    }

    static boolean mayHaveDoubleOpener(String text) {
        return DOUBLE_OPENER.in(text);
    }

    static boolean mayHaveTrailingComment(String text) {
        return TRAILING_COMMENT.in(text);
    }

    /**
     * {@code OBJECT_CASE}: "she", "he", "they" or "we" after white space, itself after one of the pattern's
     * verbs or prepositions (compared as the run of word characters before the space).
     */
    static boolean mayHaveSubjectAsObject(String text) {
        if (!SUBJECT_PRONOUN.in(text)) {
            return false;
        }
        int n = text.length();
        for (int p = 1; p < n; p++) {
            if (!Character.isWhitespace(text.charAt(p - 1)) || !startsPronoun(text, p)) {
                continue;
            }
            int end = p - 1;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && WordPhrases.isWordChar(text.charAt(start - 1))) {
                start--;
            }
            if (start < end && BEFORE_OBJECT.contains(text.substring(start, end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsPronoun(String text, int at) {
        for (String pronoun : new String[] {"she", "he", "they", "we"}) {
            int end = at + pronoun.length();
            if (text.startsWith(pronoun, at) && (end == text.length() || !WordPhrases.isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code PAUSE_COMMA}: a comma right after one of its words (in any case). */
    static boolean mayHavePauseComma(String text) {
        for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
            int start = comma;
            while (start > 0 && WordPhrases.isWordChar(text.charAt(start - 1))) {
                start--;
            }
            if (start < comma && comma - start <= 5
                    && BEFORE_PAUSE.contains(text.substring(start, comma).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
