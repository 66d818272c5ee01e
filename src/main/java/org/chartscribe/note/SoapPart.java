package org.chartscribe.note;

import java.util.Locale;

/** The four divisions of a SOAP note, in the order they are rendered. */
public enum SoapPart {
    SUBJECTIVE, OBJECTIVE, ASSESSMENT, PLAN;

    /** The lower-case key used in JSON ("subjective", ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
