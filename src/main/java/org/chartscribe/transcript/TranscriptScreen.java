package org.chartscribe.transcript;

import java.util.List;
import java.util.Optional;

/**
 * What makes a string unusable as a transcript, checked the same way by the REST and FHIR adapters
 * before any note is made. The messages describe the rule, never the text (it is PHI).
 */
public final class TranscriptScreen {

    /** Why a transcript is refused. {@link #isMalformed()} problems are the client's bad input (400); the rest are 422. */
    public enum Rejection {
        CONTROL_CHARACTERS("must not contain control characters other than tab, carriage return and line feed", true),
        INVALID_UNICODE("must be valid Unicode text: no unpaired surrogates, noncharacters, or U+FFFD"
                + " (which stands in for bytes that were not valid UTF-8)", true),
        NO_WORDS("contains no words, only punctuation, symbols, digits or emoji; a note is charted from the words"
                + " of a conversation or dictation", false);

        private final String message;
        private final boolean malformed;

        Rejection(String message, boolean malformed) {
            this.message = message;
            this.malformed = malformed;
        }

        /** Completes "transcript ...": says what the rule is, not what was sent. */
        public String message() {
            return message;
        }

        public boolean isMalformed() {
            return malformed;
        }
    }

    private TranscriptScreen() {}

    /** The characters first (a malformed text is not judged further), then whether it has words. */
    public static Optional<Rejection> check(String transcript) {
        Optional<Rejection> characters = characters(transcript);
        if (characters.isPresent()) {
            return characters;
        }
        return hasWords(transcript) ? Optional.empty() : Optional.of(Rejection.NO_WORDS);
    }

    /** Control characters (but tab, CR, LF) and invalid Unicode, in one pass. */
    public static Optional<Rejection> characters(String text) {
        Rejection found = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                if (isNoncharacter(cp)) {
                    return Optional.of(Rejection.INVALID_UNICODE);
                }
            } else if (Character.isSurrogate(c) || isNoncharacter(c) || c == '\uFFFD') {
                return Optional.of(Rejection.INVALID_UNICODE);
            } else if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                // Keep looking: invalid Unicode is the more telling answer when both are present.
                found = Rejection.CONTROL_CHARACTERS;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A word is two or more letters in a row, in any script, outside the speaker labels ("Doctor:", "[patient]"). */
    public static boolean hasWords(String text) {
        List<SpeakerLabels.Label> labels = null;
        int label = 0; // labels are sorted and words come in order: one pass over both
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int letters = 0;
            while (i < n && Character.isLetter(text.codePointAt(i))) {
                letters++;
                i += Character.charCount(text.codePointAt(i));
            }
            if (letters >= 2) {
                if (labels == null) {
                    labels = SpeakerLabels.find(text);
                }
                while (label < labels.size() && labels.get(label).contentStart() <= start) {
                    label++;
                }
                if (label == labels.size() || start < labels.get(label).start()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never meant for interchange. */
    private static boolean isNoncharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }
}
