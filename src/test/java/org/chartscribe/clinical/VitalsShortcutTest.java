package org.chartscribe.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The vitals extractor skips a clause for a pattern when the clause holds none of that pattern's words;
 * on many generated clauses made of the patterns' own words, whenever a pattern matches, the clause holds one.
 */
class VitalsShortcutTest {

    private static final String[] NAMES = {"SPO2", "SPO2_ROOM_AIR", "PAIN_SCORE", "BP", "HR", "RR", "TEMP", "WEIGHT",
        "HEIGHT_CM", "BMI", "PAIN_LEVEL"};
    private static final String[] WORDS = {"oxygen", "saturation", "o2", "sat", "sats", "spo2", "pulse", "ox", "oximetry",
        "level", "sating", "satting", "98", "%", "percent", "on", "room", "air", "7", "/", "10", "out", "of", "blood",
        "pressure", "bp", "120", "over", "80", "heart", "rate", "hr", "72", "bpm", "beats", "per", "a", "minute",
        "respiratory", "respirations", "resp", "rr", "breathing", "breaths", "16", "temperature", "temp", "fever",
        "febrile", "to", "t", "max", "tmax", "101.5", "98.6", "degrees", "degree", "fahrenheit", "celsius", "f", "c",
        "weight", "weighs", "weigh", "weighed", "weighing", "180", "pounds", "lbs", "kg", "height", "tall", "170", "cm",
        "centimeters", "bmi", "body", "mass", "index", "27.5", "pain", "score", "is", "was", "about", "today", ":",
        ",", "-", "the", "and", "95% on room air", "92 percent on room air"};
    private static final String[] SPACES = {" ", " ", " ", "  ", ""};

    @Test
    void everyMatchHoldsOneOfItsPatternsWords() throws ReflectiveOperationException {
        Pattern[] patterns = new Pattern[NAMES.length];
        String[][] words = new String[NAMES.length][];
        for (int k = 0; k < NAMES.length; k++) {
            patterns[k] = (Pattern) field(NAMES[k]).get(null);
            words[k] = (String[]) field(NAMES[k] + "_WORDS").get(null);
        }
        int[] matched = new int[NAMES.length];
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(7);
            for (int w = 0; w < n; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(SPACES[random.nextInt(SPACES.length)]);
            }
            String s = sb.toString();
            for (int k = 0; k < NAMES.length; k++) {
                java.util.regex.Matcher m = patterns[k].matcher(s);
                while (m.find()) {
                    matched[k]++;
                    String consumed = s.substring(m.start(), m.end());
                    boolean holds = false;
                    for (String word : words[k]) {
                        holds |= consumed.contains(word);
                    }
                    assertThat(holds).as(NAMES[k] + " on " + s).isTrue();
                }
            }
        }
        for (int k = 0; k < NAMES.length; k++) {
            assertThat(matched[k]).as(NAMES[k] + " matched").isPositive();
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = VitalsExtractor.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
