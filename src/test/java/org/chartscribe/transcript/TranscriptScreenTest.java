package org.chartscribe.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.chartscribe.transcript.TranscriptScreen.Rejection;
import org.junit.jupiter.api.Test;

class TranscriptScreenTest {
    private static final String SPEECH = "Doctor: How is the back today? Patient: Better, but it still hurts when I bend.";

    @Test
    void ordinaryTextPassesWithTabsLineBreaksAccentsAndEmoji() {
        assertThat(TranscriptScreen.check(SPEECH)).isEmpty();
        assertThat(TranscriptScreen.check("Doctor:\tHello.\r\nPatient: Señora Müller, ça va 😀 (U+1F600).")).isEmpty();
    }

    @Test
    void controlCharactersOtherThanTabCrLfAreRefused() {
        for (char c : new char[] {'\u0000', '\u0001', '\u0007', '\u000B', '\f', '\u001B', '\u007F', '\u0085', '\u009F'}) {
            assertThat(TranscriptScreen.check(SPEECH + c)).as("U+%04X", (int) c).contains(Rejection.CONTROL_CHARACTERS);
        }
        assertThat(TranscriptScreen.check("\u0000".repeat(100))).contains(Rejection.CONTROL_CHARACTERS);
        assertThat(Rejection.CONTROL_CHARACTERS.isMalformed()).isTrue();
    }

    @Test
    void unpairedSurrogatesNoncharactersAndReplacementCharactersAreInvalidUnicode() {
        for (String bad : new String[] {"\uD800", "\uDC00", "\uDC00\uD800", "x\uD83D", "\uFFFE", "\uFFFF", "\uFDD0", "\uFFFD",
                new String(Character.toChars(0x1FFFF)), new String(Character.toChars(0x10FFFE))}) {
            assertThat(TranscriptScreen.check(SPEECH + bad)).as(bad).contains(Rejection.INVALID_UNICODE);
        }
        // Invalid Unicode is the answer even when a control character comes first.
        assertThat(TranscriptScreen.check("\u0000" + SPEECH + "\uD800")).contains(Rejection.INVALID_UNICODE);
    }

    @Test
    void textWithoutWordsIsUnprocessable() {
        for (String wordless : new String[] {"!?.,;".repeat(20), "😀🤕 ".repeat(30), "120/80 98.6 72 -- ## 2026-12-04 ** 1, 2, 3",
                "Doctor: !!!!!!!!\nPatient: ????????\n[doctor] ...\nDr. Smith: ---", "a . b . c . d . e . f"}) {
            Optional<Rejection> rejection = TranscriptScreen.check(wordless);
            assertThat(rejection).as(wordless).contains(Rejection.NO_WORDS);
            assertThat(rejection.get().isMalformed()).isFalse();
        }
    }

    @Test
    void wordsInAnyScriptCountButSpeakerLabelsDoNot() {
        assertThat(TranscriptScreen.hasWords("医生：你好。病人：腰疼。")).isTrue();
        assertThat(TranscriptScreen.hasWords("Врач: Здравствуйте!")).isTrue();
        assertThat(TranscriptScreen.hasWords("Doctor: ok?")).isTrue();
        assertThat(TranscriptScreen.hasWords("Doctor: ?\nPatient: !")).isFalse();
    }

    @Test
    void manyLabelsAndNoWordsAreCheckedInLinearTime() {
        String labels = "Doctor: !\nPatient: ?\n".repeat(10_000);
        long started = System.nanoTime();
        assertThat(TranscriptScreen.hasWords(labels)).isFalse();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }
}
