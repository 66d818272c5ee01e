package org.chartscribe.coding;

/** A code set file that cannot be read; names the file and the 1-based line so an operator can fix it. */
public class CodeSetFormatException extends RuntimeException {

    private final String source;
    private final int line;

    public CodeSetFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
