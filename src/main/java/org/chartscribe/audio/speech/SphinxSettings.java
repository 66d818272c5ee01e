package org.chartscribe.audio.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sphinx4's own default configuration with some global properties (beams, language weight, log level)
 * replaced, written to a file the recogniser loads. The defaults are tuned for accuracy on read news
 * with a 130,000-word model; the clinical model is small enough for much narrower beams.
 */
final class SphinxSettings {
    private static final String DEFAULT_CONFIG = "/edu/cmu/sphinx/api/default.config.xml";

    private SphinxSettings() {}

    static Path write(Map<String, String> overrides, Path dir) throws IOException {
        String xml;
        try (InputStream in = SphinxSettings.class.getResourceAsStream(DEFAULT_CONFIG)) {
            if (in == null) {
                throw new IOException("sphinx4-core lacks " + DEFAULT_CONFIG);
            }
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            Pattern global = Pattern.compile("(<property\\s+name=\"" + Pattern.quote(e.getKey()) + "\"\\s+value=\")[^\"]*(\"\\s*/>)");
            Matcher m = global.matcher(xml);
            if (!m.find()) {
                throw new IllegalArgumentException("not a Sphinx global property: " + e.getKey());
            }
            xml = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + e.getValue() + m.group(2)));
        }
        Path file = dir.resolve("sphinx.config.xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }
}
