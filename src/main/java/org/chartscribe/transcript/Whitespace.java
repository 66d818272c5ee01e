package org.chartscribe.transcript;

/** White space handling without regular expressions: it runs on every sentence of every note. */
public final class Whitespace {

    private Whitespace() {}

    /** White space as {@code \\s} means it: space, tab, newline, vertical tab, form feed, carriage return. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Runs of two or more white space characters become one space (as {@code replaceAll("\\s{2,}", " ")}). */
    public static String collapse(String s) {
        int n = s.length();
        int i = 0;
        while (i < n - 1 && !(isSpace(s.charAt(i)) && isSpace(s.charAt(i + 1)))) {
            i++;
        }
        if (i >= n - 1) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int j = i;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            if (j - i >= 2) {
                sb.append(' ');
                i = j;
            } else {
                sb.append(s.charAt(i));
                i++;
            }
        }
        return sb.toString();
    }
}
