package org.chartscribe.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.chartscribe.FuzzBudget;

/**
 * Any string a client can get past JSON or FHIR parsing reaches the screen and the language check, and
 * any that passes them reaches the parser: none may throw or hang, and every turn and sentence the parser
 * returns must index the string it was given. Seeds: TranscriptFuzzTestInputs/parse/ (text files).
 */
class TranscriptFuzzTest {

    @DictionaryEntries({"Doctor:", "Patient:", "[doctor]", "[patient]", "Dr. ", "Speaker 1:", "Nurse:", "Mother:",
            "\\x0A", ". ", "? ", "mg", "\\xF0\\x9F\\x98\\x80", "\\xC3\\xA9", "\\xCC\\x81"})
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void parse(byte[] input) throws Exception {
        FuzzBudget.inTime(() -> parseOnce(input));
    }

    private static void parseOnce(byte[] input) {
        // The bytes as a client's UTF-8 body would decode them, and as raw UTF-16 code units: the second
        // reaches lone surrogates and every control character, which JSON escapes can also produce.
        check(new String(input, StandardCharsets.UTF_8));
        check(new String(input, StandardCharsets.UTF_16BE));
    }

    private static void check(String text) {
        boolean acceptable = TranscriptScreen.check(text).isEmpty();
        TranscriptLanguage.looksEnglish(text);
        if (!acceptable && TranscriptScreen.characters(text).isPresent()) {
            return; // refused before any parsing, as the adapters do
        }
        Transcript transcript = TranscriptParser.parse(text);
        assertThat(transcript.source()).isSameAs(text);
        int previousEnd = 0;
        for (Turn turn : transcript.turns()) {
            assertThat(turn.start()).isBetween(0, text.length());
            assertThat(turn.end()).isBetween(turn.start(), text.length());
            for (Sentence sentence : turn.sentences()) {
                assertThat(sentence.start()).isBetween(0, text.length());
                assertThat(sentence.end()).isBetween(sentence.start(), text.length());
                assertThat(sentence.text()).isEqualTo(text.substring(sentence.start(), sentence.end()));
                assertThat(sentence.start()).as("sentences in order").isGreaterThanOrEqualTo(previousEnd);
                previousEnd = sentence.end();
            }
        }
    }
}
