package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** A rule anchored at the text's start, tried once there, rewrites as trying it everywhere does. */
class RewriteAnchorTest {

    @Test
    void readsWhetherAPatternCanMatchOnlyAtTheStart() {
        assertThat(Rewrite.anchoredAtStart("^(?:so|and)\\s+")).isTrue();
        assertThat(Rewrite.anchoredAtStart("(?i)^(?:okay|ok)\\s*[?.!|]*$")).isTrue();
        assertThat(Rewrite.anchoredAtStart("(?i)^okay|\\bok\\b")).isFalse();
        assertThat(Rewrite.anchoredAtStart("(?:^|, )so\\b")).isFalse();
        assertThat(Rewrite.anchoredAtStart("(?im)^okay")).isFalse();
        assertThat(Rewrite.anchoredAtStart("\\^okay")).isFalse();
    }

    @Test
    void everyAnchoredRuleRewritesAsReplaceAllDoes() throws Exception {
        List<String> sentences = new ArrayList<>(List.of("", "Okay.", "okay okay", "So, I think we will start you on it.",
                "I think this is a sprain. I think so.", "We'll get an x-ray; we will see.", "Right?", "right right"));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/primary-care-1100-words.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                for (String s : line.replaceFirst("^\\[\\w+\\]\\s*", "").split("(?<=[.?!])\\s+")) {
                    sentences.add(s);
                }
            }
        }
        int anchored = 0;
        for (Rewrite rule : rules()) {
            if (!rule.anchored()) {
                continue;
            }
            anchored++;
            for (String s : sentences) {
                for (String variant : List.of(s, s.toLowerCase(java.util.Locale.ROOT), "And " + s)) {
                    Matcher m = rule.pattern().matcher(variant);
                    String once = m.lookingAt() ? rule.pattern().matcher(variant).replaceFirst(rule.replacement()) : variant;
                    assertThat(once).as(rule.pattern() + " on " + variant)
                            .isEqualTo(rule.pattern().matcher(variant).replaceAll(rule.replacement()));
                }
            }
        }
        assertThat(anchored).isGreaterThan(5);
    }

    /** Every rule list of the note-style rewrite and the clinician's voice. */
    private static List<Rewrite> rules() throws IllegalAccessException {
        List<Rewrite> out = new ArrayList<>();
        for (Class<?> type : List.of(NoteStyle.class, ClinicianVoice.class)) {
            for (Field f : type.getDeclaredFields()) {
                if (List.class.isAssignableFrom(f.getType()) && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    for (Object o : (List<?>) f.get(null)) {
                        if (o instanceof Rewrite r) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        return out;
    }
}
