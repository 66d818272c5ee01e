package org.chartscribe.coding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of the coder's data files: UTF-8 text, one tab-separated row a line, blank lines and
 * lines starting with {@code #} skipped. Each row keeps its 1-based line number, so a file that cannot
 * be read is reported with its name and line ({@link CodeSetFormatException}).
 */
final class CodingTables {

    /** A data row: its columns as written (not stripped) and where it is. */
    record Row(String source, int line, String[] cols) {

        /** Column {@code i} stripped, or fails naming the line when the row is shorter. */
        String col(int i, String expected) {
            if (i >= cols.length || cols[i].isBlank()) {
                throw fail("expected " + expected);
            }
            return cols[i].strip();
        }

        CodeSetFormatException fail(String problem) {
            return new CodeSetFormatException(source, line, problem);
        }
    }

    private CodingTables() {}

    /** The rows of {@code text}, read from {@code source} (named in errors). */
    static List<Row> rows(String source, String text) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(new Row(source, i + 1, line.split("\t")));
            }
        }
        return rows;
    }

    /** A data file built into the jar, as text; fails at start-up when the build left it out. */
    static String resource(String path) {
        try (InputStream in = CodingTables.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new CodeSetFormatException(path, 0, "resource missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
