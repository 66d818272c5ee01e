package org.chartscribe.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m}/{@code %msg}/{@code %message} with line breaks and other control characters
 * escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u001B}...), for every logger, ours and the
 * libraries'. A value a client sent (a header, an element name in a FHIR body) that reaches any log
 * message can then never start a line of its own and pass for an entry we wrote. Registered in
 * {@code logback-spring.xml}.
 */
public final class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return neutralise(super.convert(event));
    }

    /** The text with every ISO control character and Unicode line or paragraph separator escaped. */
    public static String neutralise(String text) {
        if (text == null || text.chars().noneMatch(SafeMessageConverter::unsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
