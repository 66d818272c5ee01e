package org.chartscribe.note.embedded;

import static org.chartscribe.transcript.Whitespace.isSpace;

import java.util.List;
import java.util.regex.Pattern;
import org.chartscribe.note.SoapPart;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.SmallTalk;
import org.chartscribe.transcript.Whitespace;

/**
 * Rewrites spoken sentences into note style: fillers, hedges and repeated words go, ACI-Bench's
 * spaced punctuation is fixed, the patient's "I" and the clinician's "you" become the patient in the
 * third person ({@link Person}), and clinicians' intentions and findings take note phrasing
 * ({@link ClinicianVoice}). Every rule deletes words, swaps pronouns and verb endings, or uses a
 * fixed phrase, so no number, drug, dose or side can appear that the speaker did not say.
 */
final class NoteStyle {

    private static final List<Rewrite> SPOKEN_FORMS = List.of(
            rw("\\s+([,.;:?!])", "$1", " ,", " .", " ;", " :", " ?", " !"),
            rw("\\s+(n't|'s|'re|'ve|'ll|'d|'m)\\b", "$1", " n't", " '"),
            rw("(?i)\\bwan na\\b", "want to", "wan na"),
            rw("(?i)\\bgon na\\b", "going to", "gon na"),
            rw("(?i)\\bgot ta\\b", "got to", "got ta"),
            rw("(?i)(?<![\\w'])'cause\\b", "because", "'cause"),
            rw("\\.{2,}|\u2026", " ", "..", "\u2026"),
            rw("(?i)\\bhey,? dragon,?\\s*", "", "dragon"),
            // said to the listener, not about the patient: "dad, so for the first problem ..."
            rw("(?i)^(?:(?:hi|hey|okay|so|alright|and)\\s+)*(?:dad|mom|mum|sir|ma'am|buddy|honey|sweetie|sweetheart)\\b,?\\s+"
                    + "(?=(?:so|i|i'm|i'll|we|we'll|let's|for|your|you|it|this|that's)\\b)", "", "dad", "mom", "mum", "sir",
                    "ma'am", "buddy", "honey", "sweet"),
            rw("(?i)(?<=^|[,;]\\s)(?:like|so|and|but|okay|ok|um|uh|well|yeah|now),\\s", "", ","),
            rw("\\s*-\\s*$", "", "-"),
            // tokenised text: "a 3 -year-old", "a 2 -week history"
            rw("(?<=\\d) -(?=[a-z])", "-", " -"),
            // a clause abandoned after a few words and said again: "if it's not if the pain is not better"
            rw("(?i)\\b(if|when|because|whether|unless)\\s+(?:(?:it|it's|its|is|isn't|not|you|you're|i|i'm|we|we're|"
                    + "she|she's|he|he's|they|they're|the|that|that's|this|there|there's|your|my|do|don't|does|doesn't|"
                    + "can|can't|have|has|are|was)\\s+){1,3}\\1\\b", "$1", "if ", "when ", "because ", "whether ", "unless "),
            rw("(?<=^|\\s)[A-Za-z]{1,4}-\\s+", "", "-"),
            rw(",\\s*(?:okay|ok|all right|alright|right|yeah|you know|correct|does that sound good|sound good|"
                    + "does that make sense|is that okay)\\s*[?.!]*\\s*$", ".", ","),
            rw("(?i)^(?:okay|ok|all right|alright|right)\\s*[?.!]*\\s*$", ""));

    /** "i , i", "my , my", "the the": a speaker restarting a word. */
    private static final Pattern REPEATED = Pattern.compile("(?i)\\b([a-z']+)(?:\\s*,\\s*|\\s+)\\1\\b");
    private static final Pattern LEADING_PUNCT = Pattern.compile("^[,;:.\\-\\s]+");
    private static final Pattern LONE_I = Pattern.compile("(?<![\\w'])i(?=[\\s,.;:!?']|$)");
    /** Unpunctuated speech cut at a discourse marker leaves "... tablets and": the joining word goes. */
    private static final Pattern DANGLING_END = Pattern.compile(
            "(?i)(?:[\\s,]+(?:and|or|but|so|because|then|to|of|the|a|an|that|if|um|uh|like))+[\\s,]*(?=[.!?]?$)");
    private static final Pattern DOUBLE_COMMA = Pattern.compile(",\\s*,");

    private NoteStyle() {}

    private static Rewrite rw(String regex, String replacement, String... needles) {
        return Rewrite.of(regex, replacement, needles);
    }

    /** Note-style text for a sentence heard on its own (no division, pronouns unknown). */
    static String rewrite(String sentence, Role speaker) {
        return rewrite(sentence, speaker, SoapPart.SUBJECTIVE, Pronouns.THEY, true);
    }

    /**
     * Note-style text for a sentence of the given speaker in the given division; empty when nothing
     * is left. {@code secondPerson}: whether the clinician's "you" is the patient (not an owner or parent).
     */
    static String rewrite(String sentence, Role speaker, SoapPart part, Pronouns pronouns, boolean secondPerson) {
        return rewrite(sentence, speaker, part, pronouns, secondPerson, false);
    }

    /** @param opensAnswer the first sentence of a patient's turn (see {@link PatientVoice}) */
    static String rewrite(String sentence, Role speaker, SoapPart part, Pronouns pronouns, boolean secondPerson,
                          boolean opensAnswer) {
        String s = SmallTalk.withoutFillers(sentence);
        s = apply(s, SPOKEN_FORMS);
        s = collapseRepeats(s);
        s = ClinicianVoice.withoutPadding(s);
        s = tidy(SmallTalk.withoutOpeners(tidy(s)));
        if (s.isEmpty()) {
            return "";
        }
        if (speaker == Role.PATIENT) {
            s = Person.patientSpeech(PatientVoice.frame(s, opensAnswer), pronouns);
        } else if (speaker == Role.CLINICIAN || speaker == Role.UNKNOWN) {
            s = ClinicianVoice.phrase(s, part);
            if (secondPerson) {
                s = Person.toPatient(s, pronouns);
            }
        }
        s = tidy(NoteNumbers.digits(mayHaveLoneI(s) ? LONE_I.matcher(s).replaceAll("I") : s));
        if (s.isEmpty()) {
            return "";
        }
        s = withoutTrailingTag(s);
        if (mayDangle(s)) {
            s = DANGLING_END.matcher(s).replaceAll("");
        }
        if (s.isEmpty()) {
            return "";
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        if (s.endsWith("?") || s.endsWith(",") || s.endsWith(";") || s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.endsWith(".") && !s.endsWith("!")) {
            s = s + ".";
        }
        return s;
    }

    private static String tidy(String s) {
        if (!s.isEmpty() && isLeadingPunct(s.charAt(0))) {
            s = LEADING_PUNCT.matcher(s).replaceAll("");
        }
        if (s.indexOf(',') >= 0) {
            s = DOUBLE_COMMA.matcher(s).replaceAll(",");
        }
        return withoutSpaceBeforePunct(Whitespace.collapse(s)).trim();
    }

    private static boolean isLeadingPunct(char c) {
        return c == ',' || c == ';' || c == ':' || c == '.' || c == '-' || isSpace(c);
    }

    /** White space before , . ; : ? ! goes. */
    static String withoutSpaceBeforePunct(String s) {
        int n = s.length();
        StringBuilder sb = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!isSpace(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            if (j < n && ",.;:?!".indexOf(s.charAt(j)) >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(n);
                }
                sb.append(s, copied, i);
                copied = j;
            }
            i = j;
        }
        return sb == null ? s : sb.append(s, copied, n).toString();
    }

    private static final java.util.Set<String> TAGS = java.util.Set.of("okay", "ok", "alright", "right");
    /** Words after which "right" is the side ("on the right", "to your right"), not a tag. */
    private static final java.util.Set<String> BEFORE_SIDE = java.util.Set.of("the", "on", "to", "your", "my", "his",
            "her", "their", "all", "is", "was", "are", "were", "be", "that's", "it's", "feel", "feels", "looks", "sounds",
            "turn", "go", "from", "at", "a", "and", "or", "left", "that", "for", "of", "in", "with", "upper", "lower");
    /** Words after which "okay" describes something ("she is okay", "eating okay"), not a tag. */
    private static final java.util.Set<String> BEFORE_STATE = java.util.Set.of("is", "was", "are", "were", "be", "been",
            "it's", "that's", "i'm", "he's", "she's", "they're", "you're", "we're", "look", "looks", "looked", "seem",
            "seems", "seemed", "sound", "sounds", "feel", "feels", "felt", "fine", "all", "pretty", "mostly", "just", "get",
            "got", "doing", "going", "eating", "drinking", "sleeping", "feeling", "healing", "working", "walking",
            "breathing", "getting", "coming", "looking", "managing", "moving", "handling", "holding", "not", "and", "or",
            "that", "it", "this", "everything");

    /**
     * Unpunctuated speech ends statements with a tag ("... as needed okay", "... on the left side right"),
     * which the punctuated form shows as ", okay?": the tag goes, unless the word before makes it a state
     * ("eating okay") or a side ("on the right").
     */
    static String withoutTrailingTag(String s) {
        int end = s.length();
        while (end > 0 && (".?!".indexOf(s.charAt(end - 1)) >= 0 || isSpace(s.charAt(end - 1)))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(s.charAt(begin - 1))) {
            begin--;
        }
        String tag = s.substring(begin, end).toLowerCase(java.util.Locale.ROOT);
        if (!TAGS.contains(tag) || begin == 0 || !isSpace(s.charAt(begin - 1))) {
            return s;
        }
        int prevEnd = begin;
        while (prevEnd > 0 && isSpace(s.charAt(prevEnd - 1))) {
            prevEnd--;
        }
        int prevBegin = prevEnd;
        while (prevBegin > 0 && (Character.isLetterOrDigit(s.charAt(prevBegin - 1)) || s.charAt(prevBegin - 1) == '\'')) {
            prevBegin--;
        }
        String previous = s.substring(prevBegin, prevEnd).toLowerCase(java.util.Locale.ROOT);
        // a word before it, and a clause of at least three words left
        if (previous.isEmpty() || Condenser.words(s.substring(0, prevEnd)) < 3) {
            return s;
        }
        boolean keep = tag.equals("right") ? BEFORE_SIDE.contains(previous) : BEFORE_STATE.contains(previous);
        return keep ? s : s.substring(0, prevEnd) + s.substring(end);
    }

    /** Whether {@link #LONE_I} can match: an "i" not inside a word, followed by a space, punctuation or the end. */
    private static boolean mayHaveLoneI(String s) {
        for (int at = s.indexOf('i'); at >= 0; at = s.indexOf('i', at + 1)) {
            char before = at == 0 ? ' ' : s.charAt(at - 1);
            boolean inWord = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')
                    || (before >= '0' && before <= '9') || before == '_' || before == '\'';
            char after = at + 1 < s.length() ? s.charAt(at + 1) : ' ';
            if (!inWord && (isSpace(after) || ",.;:!?'".indexOf(after) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> DANGLING_WORDS = java.util.Set.of("and", "or", "but", "so", "because",
            "then", "to", "of", "the", "a", "an", "that", "if", "um", "uh", "like");

    /**
     * Whether {@link #DANGLING_END} can match: it only matches at the end, where the last word (before
     * commas, white space and one final stop) is one of its joining words with a comma or space before it.
     */
    private static boolean mayDangle(String s) {
        int end = s.length();
        if (end > 0 && ".!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        while (end > 0 && (s.charAt(end - 1) == ',' || isSpace(s.charAt(end - 1)))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && s.charAt(begin - 1) != ',' && !isSpace(s.charAt(begin - 1))) {
            begin--;
        }
        return begin > 0 && DANGLING_WORDS.contains(s.substring(begin, end).toLowerCase(java.util.Locale.ROOT));
    }

    private static String collapseRepeats(String s) {
        if (!mayRepeat(s)) {
            return s;
        }
        String previous;
        do {
            previous = s;
            s = REPEATED.matcher(s).replaceAll("$1");
        } while (!s.equals(previous));
        return s;
    }

    /**
     * False only when {@link #REPEATED} cannot match: it needs a run of letters and apostrophes whose
     * end (from its start, or from an apostrophe) begins the next run. Most sentences have none.
     */
    private static boolean mayRepeat(String s) {
        int prevStart = -1;
        int prevEnd = -1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!isRunChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isRunChar(s.charAt(i))) {
                i++;
            }
            if (prevStart >= 0) {
                for (int k = prevStart; k < prevEnd; k++) {
                    boolean groupStart = k == prevStart || s.charAt(k) == '\'' || s.charAt(k - 1) == '\'';
                    if (groupStart && i - start >= prevEnd - k && s.regionMatches(true, k, s, start, prevEnd - k)) {
                        return true;
                    }
                }
            }
            prevStart = start;
            prevEnd = i;
        }
        return false;
    }

    static String collapseRepeatsForTest(String s) {
        return collapseRepeats(s);
    }

    static boolean mayHaveLoneIForTest(String s) {
        return mayHaveLoneI(s);
    }

    static boolean mayDangleForTest(String s) {
        return mayDangle(s);
    }

    static Pattern danglingEndForTest() {
        return DANGLING_END;
    }

    private static boolean isRunChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
    }

    private static String apply(String s, List<Rewrite> rewrites) {
        return Rewrite.applyAll(s, rewrites);
    }
}
