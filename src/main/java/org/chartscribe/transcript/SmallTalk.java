package org.chartscribe.transcript;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises what carries no clinical content: greetings, thanks, back-channel ("mm-hmm", "okay"),
 * chat about the weather, and spoken fillers ("um", "you know"). Kept as word lists so that tuning
 * is a data change.
 */
public final class SmallTalk {

    /** Answers to a yes/no question. */
    public enum Answer { YES, NO, NONE }

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?<![\\w'-])(?:um+|uh+|uh-huh|mm-hmm|mhm|hmm+|er|erm|ah|you know|i mean|kind of like|sort of like)"
                    + "(?![\\w'-])\\s*[,.]?");

    /** Sentence openers that only manage the conversation. */
    private static final Pattern OPENERS = Pattern.compile(
            "(?i)^(?:(?:so|okay|ok|oh|and|but|then|also|well|yeah|yes|alright|all right|now|right|great|good|perfect|hey|"
                    + "hey dragon|dragon|cool|sure|um|uh|got it|i see)\\b\\s*[,.]?\\s*)+");

    /** Words that, when a sentence has nothing else, make it small talk. */
    private static final Set<String> CHAT_WORDS = Set.copyOf(java.util.List.of(
            "hi", "hello", "hey", "good", "morning", "afternoon", "evening", "how", "are", "you", "doing", "today",
            "i'm", "im", "i", "am", "fine", "well", "great", "okay", "ok", "alright", "all", "right", "thanks", "thank",
            "so", "much", "yes", "yeah", "yep", "no", "nope", "sure", "mm-hmm", "uh-huh", "mhm", "um", "uh", "oh",
            "nice", "to", "meet", "see", "it's", "its", "is", "was", "that", "that's", "sounds", "perfect", "bye",
            "goodbye", "take", "care", "have", "a", "day", "weekend", "the", "weather", "and", "too", "again", "got",
            "it", "cool", "wonderful", "awesome", "excellent", "glad", "hear", "come", "in", "please", "sit", "down",
            "welcome", "back", "doctor", "dr", "how's", "going", "been", "me", "for", "your", "we", "let's", "get",
            "started", "absolutely", "definitely", "exactly", "of", "course", "understood", "understand", "gotcha",
            "alrighty", "well,", "not", "bad", "pretty", "really", "lovely", "question", "questions", "any", "do",
            "other", "there", "anything", "else", "hmm", "ah", "right.", "what", "about", "this", "can", "just",
            "let", "me", "know", "will", "do.", "appreciate", "nurse", "dax", "dragon", "note", "finalize", "ready",
            "yourself", "myself", "happy", "hope", "sorry", "wait", "long", "new", "patient", "name"));

    /** Topics of chat that happen to share words with clinical talk. */
    static final Pattern CHAT_TOPICS = Pattern.compile(
            "(?i)\\b(?:weather|sunny|raining|snow(?:ing)?|traffic|parking|vacation plans|the game|football season|"
                    + "finalize the note|tell dax|hey,? dragon|^(?:hey,? )?dragon|show me (?:the|my|your)|nice to meet you|good to see you|nice to see you|how are you|"
                    + "do you have any (?:other )?questions|any (?:other )?questions|rest of (?:your|her|his|their|the) day|"
                    + "have a (?:good|great|nice) (?:day|one|weekend|evening)|take care)\\b");

    /**
     * Words each branch of {@link #CHAT_TOPICS} says whatever its optional parts (a branch's unconditional
     * text holds one): on a lowered sentence with none of them the pattern cannot match, and most sentences
     * have none. A branch added to the pattern needs its word here; {@code SmallTalkShortcutTest} checks.
     */
    static final java.util.List<String> CHAT_TOPIC_WORDS = java.util.List.of("weather", "sunny", "raining", "snow",
            "traffic", "parking", "vacation plans", "the game", "football season", "finalize the note", "tell dax",
            "dragon", "show me ", "nice to meet you", "good to see you", "nice to see you", "how are you", "questions",
            "rest of ", "have a ", "take care");

    private static final Pattern YES = Pattern.compile(
            "(?i)^(?:yes|yeah|yep|yup|correct|that's right|i do|i have|i did|(?:yes|yeah),? i (?:do|have|did)|"
                    + "yes,? (?:ma'am|sir))[.!]?$");
    private static final Pattern NO = Pattern.compile(
            "(?i)^(?:no|nope|nah|never|not really|none|(?:no|nope|nah),? (?:not really|never|none|i (?:do not|don't|have not|haven't|"
                    + "did not|didn't))|no,? not that i(?:'ve| have) noticed|no,? nothing like that|nothing|(?:no,? )?not at all|"
                    + "(?:no,? )?i don't think so|(?:no,? )?not that i(?:'m aware of| know of| can think of)|no,? (?:ma'am|sir)|(?:no,? )?none of (?:that|those|them)|"
                    + "no to all(?: of (?:that|those|them))?)[.!]?$");

    // compiled once: these run on every sentence
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile("\\s+([,.?!])");
    private static final Pattern ANSWER_OPENER = Pattern.compile("^(?:(?:okay|ok|oh|well|um|uh|hmm)\\s*[,.]?\\s*)+");
    private static final Pattern FINAL_STOP = Pattern.compile("[.!]+$");

    private SmallTalk() {}

    /** The text without spoken fillers; spacing is tidied but nothing else changes. */
    public static String withoutFillers(String text) {
        String s = mayHaveFillers(text) ? FILLERS.matcher(text).replaceAll("") : text;
        return Whitespace.collapse(s).trim();
    }

    /** Whether {@code text[from, to)} is a one-word filler of {@link #FILLERS}: um+, uh+, uh-huh, mm-hmm, mhm, hmm+, er, erm, ah. */
    private static boolean isFillerWord(String text, int from, int to) {
        String w = text.substring(from, to).toLowerCase(Locale.ROOT);
        switch (w) {
            case "uh-huh", "mm-hmm", "mhm", "er", "erm", "ah" -> {
                return true;
            }
            default -> {
                // um+, uh+, hmm+
                int i = w.startsWith("u") ? 1 : w.startsWith("hm") ? 2 : -1;
                if (i < 0 || i >= w.length()) {
                    return false;
                }
                char repeated = w.startsWith("u") ? w.charAt(1) : 'm';
                if (repeated != 'm' && repeated != 'h') {
                    return false;
                }
                for (int k = i; k < w.length(); k++) {
                    if (w.charAt(k) != repeated) {
                        return false;
                    }
                }
                return true;
            }
        }
    }
    private static final String[] FILLER_PHRASES = {"you know", "i mean", "kind of like", "sort of like"};

    /**
     * False only when {@link #FILLERS} cannot match: no word (a run of word characters, apostrophes
     * and hyphens) is a one-word filler and no filler phrase occurs. Most sentences have none, and
     * the scan costs far less than trying the pattern at every position.
     */
    private static boolean mayHaveFillers(String text) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '\'' || c == '-';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                char first = Character.toLowerCase(text.charAt(start));
                if ((first == 'u' || first == 'm' || first == 'h' || first == 'e' || first == 'a')
                        && isFillerWord(text, start, i)) {
                    return true;
                }
                start = -1;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : FILLER_PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** The text without conversational openers such as "okay, so, well, ...". */
    public static String withoutOpeners(String text) {
        return OPENERS.matcher(text).replaceFirst("");
    }

    /** True when the sentence has no content beyond greetings, thanks, back-channel or chat. */
    public static boolean isSmallTalk(String sentence) {
        String s = withoutFillers(sentence).toLowerCase(Locale.ROOT);
        if (s.isBlank()) {
            return true;
        }
        // most sentences hold a word that is not chat: the cheap word check goes first
        return onlyChatWords(s) || wordCount(s) <= 12 && mayNameChatTopic(s) && CHAT_TOPICS.matcher(s).find();
    }

    private static boolean mayNameChatTopic(String lower) {
        for (String word : CHAT_TOPIC_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Words as runs of letters, digits, apostrophes and hyphens (at least 1). */
    private static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '-';
            if (word && !in) {
                n++;
            }
            in = word;
        }
        return Math.max(1, n);
    }

    /** Whether every word (letters, digits, apostrophes, hyphens) is a chat word; no allocation per word. */
    private static boolean onlyChatWords(String s) {
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '-';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                if (!CHAT_WORDS.contains(s.substring(start, i))) {
                    return false;
                }
                start = -1;
            }
        }
        return true;
    }

    /** Whether a short answer is a bare yes or no (after fillers are removed). */
    public static Answer answer(String sentence) {
        String s = normalisedAnswer(sentence);
        if (NO.matcher(s).matches()) {
            return Answer.NO;
        }
        if (YES.matcher(s).matches()) {
            return Answer.YES;
        }
        return Answer.NONE;
    }

    private static String normalisedAnswer(String sentence) {
        String s = SPACE_BEFORE_PUNCT.matcher(withoutFillers(sentence).toLowerCase(Locale.ROOT)).replaceAll("$1").trim();
        s = ANSWER_OPENER.matcher(s).replaceAll("");
        return FINAL_STOP.matcher(s).replaceAll("").trim();
    }
}
