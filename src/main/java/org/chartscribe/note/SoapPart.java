package org.chartscribe.note;

import java.util.Locale;

/** The four divisions of a SOAP note, in the order they are rendered. */
public enum SoapPart {
    SUBJECTIVE, OBJECTIVE, ASSESSMENT, PLAN;

    /** The lower-case key used in JSON ("subjective", ...). */
    /** The division named by its JSON key ({@code "subjective"} ...), if it is one. */
    public static java.util.Optional<SoapPart> fromKey(String key) {
        return java.util.Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
