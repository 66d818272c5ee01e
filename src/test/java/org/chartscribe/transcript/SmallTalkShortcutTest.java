package org.chartscribe.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat-topic words are a necessary condition for the chat-topic pattern. */
class SmallTalkShortcutTest {

    @Test
    void everyBranchOfThePatternSaysOneOfTheWords() {
        String source = SmallTalk.CHAT_TOPICS.pattern();
        assertThat(source).startsWith("(?i)\\b(?:").endsWith(")\\b");
        for (String branch : branches(source.substring("(?i)\\b(?:".length(), source.length() - ")\\b".length()))) {
            assertThat(SmallTalk.CHAT_TOPIC_WORDS).as(branch).anyMatch(branch::contains);
        }
    }

    @Test
    void chatAboutTheWeatherOrTheNoteIsStillSmallTalk() {
        assertThat(SmallTalk.isSmallTalk("Crazy weather we are having this week.")).isTrue();
        assertThat(SmallTalk.isSmallTalk("Hey Dragon, finalize the note.")).isTrue();
        assertThat(SmallTalk.isSmallTalk("Do you have any other questions for me?")).isTrue();
        assertThat(SmallTalk.isSmallTalk("The knee has been swelling after long walks.")).isFalse();
    }

    /** The top-level alternatives of a pattern's text. */
    private static List<String> branches(String alternation) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < alternation.length(); i++) {
            char c = alternation.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(alternation.substring(from, i));
                from = i + 1;
            }
        }
        out.add(alternation.substring(from));
        return out;
    }
}
