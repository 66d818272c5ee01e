package org.chartscribe.transcript;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a transcript looks like English, from plain counts and no network: the engines chart English,
 * so a note from another language is flagged to its reader. A transcript is taken as not English when
 * most of its letters are not Latin (Chinese, Russian, Arabic ...); or when the short function words of
 * other languages ({@code de, que, le, und, ang ...}) outnumber English ones ({@code the, and, you ...});
 * or, for Latin scripts with diacritics whose language is not listed (Vietnamese, Polish ...), when
 * English function words are almost absent. Terse English dictation ("BP 128/82, HR 76, lungs CTAB")
 * has few function words but no diacritics, so it is not flagged. Calibrated on ACI-Bench and MTS-Dialog
 * (no English transcript or note flagged; see TranscriptLanguageTest).
 */
public final class TranscriptLanguage {
    private static final String RESOURCE = "/transcript/function-words.tsv";
    private static final Set<String> ENGLISH = new HashSet<>();
    private static final Set<String> OTHER = new HashSet<>();
    /** Below these counts a transcript is too short to judge and is taken as English. */
    private static final int MIN_LETTERS = 20;
    private static final int MIN_WORDS = 8;
    private static final int MIN_OTHER_WORDS = 3;
    private static final int MIN_WORDS_FOR_ABSENCE = 30;

    static {
        load();
    }

    private TranscriptLanguage() {}

    public static boolean looksEnglish(String text) {
        int letters = 0;
        int nonLatin = 0;
        int diacritics = 0;
        int words = 0;
        int english = 0;
        int other = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(text.codePointAt(i))) {
                int c = text.codePointAt(i);
                letters++;
                if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    nonLatin++;
                } else if (c > 0x7F) {
                    diacritics++;
                }
                i += Character.charCount(c);
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            words++;
            if (ENGLISH.contains(word)) {
                english++;
            } else if (OTHER.contains(word)) {
                other++;
            }
        }
        if (letters >= MIN_LETTERS && nonLatin * 2 > letters) {
            return false;
        }
        if (words >= MIN_WORDS && other >= MIN_OTHER_WORDS && other > english) {
            return false;
        }
        // Almost no English function words (under 5%) in a text with diacritics on 2% or more of its letters.
        return !(words >= MIN_WORDS_FOR_ABSENCE && english * 20 < words && diacritics * 50 >= letters);
    }

    private static void load() {
        try (InputStream in = TranscriptLanguage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cols = line.split("\t", 2);
                Set<String> target = cols[0].strip().equals("en") ? ENGLISH : OTHER;
                for (String word : cols[1].strip().split("\\s+")) {
                    target.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
