package org.chartscribe.note;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which engine a request asks for: {@code auto} is the configured LLM if any, else embedded. */
public enum EngineChoice {
    AUTO, EMBEDDED, LLM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EngineChoice> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
