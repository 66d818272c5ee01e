package org.chartscribe.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an evaluation CSV: a header row, a dialogue column and a reference-note column, optionally
 * an id column. Column names match case-insensitively so that ACI-Bench ({@code encounter_id,
 * dialogue, note}) and MTS-Dialog ({@code ID, dialogue, section_text}) both work unchanged.
 */
public final class EvalDataset {

    /** One encounter to score. */
    public record Row(String id, String dialogue, String referenceNote) {
        @Override
        public String toString() {
            return "Row[id=" + id + "]"; // the texts are the user's clinical data
        }
    }

    /** The file cannot be used; the message is safe to print (names columns and paths, never content). */
    public static final class InvalidDatasetException extends Exception {
        InvalidDatasetException(String message) {
            super(message);
        }
    }

    static final List<String> NOTE_COLUMNS = List.of("note", "section_text");
    static final List<String> ID_COLUMNS = List.of("encounter_id", "id");

    private EvalDataset() {}

    public static List<Row> read(Path path, String noteColumn, int limit) throws InvalidDatasetException {
        if (!Files.isRegularFile(path)) {
            throw new InvalidDatasetException("no such file: " + path);
        }
        String csv;
        try {
            csv = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidDatasetException("cannot read " + path + " as UTF-8 text: " + e.getClass().getSimpleName());
        }
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1); // spreadsheet exports start with a byte-order mark
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String dialogue = column(header, List.of("dialogue"))
                    .orElseThrow(() -> new InvalidDatasetException(path + " has no 'dialogue' column (found: "
                            + header.keySet() + ")"));
            List<String> noteCandidates = noteColumn == null ? NOTE_COLUMNS : List.of(noteColumn);
            String note = column(header, noteCandidates)
                    .orElseThrow(() -> new InvalidDatasetException(path + " has no reference note column "
                            + noteCandidates + " (found: " + header.keySet() + "); name it with --note-column"));
            Optional<String> id = column(header, ID_COLUMNS);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= limit) {
                    break;
                }
                String rowId = id.map(c -> value(record, c)).filter(s -> !s.isBlank())
                        .orElse(String.valueOf(record.getRecordNumber()));
                rows.add(new Row(rowId.strip(), value(record, dialogue), value(record, note)));
            }
            if (rows.isEmpty()) {
                throw new InvalidDatasetException(path + " has a header but no rows");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidDatasetException("cannot parse " + path + " as CSV: " + e.getMessage());
        }
    }

    private static Optional<String> column(Map<String, Integer> header, List<String> wanted) {
        for (String w : wanted) {
            for (String name : header.keySet()) {
                if (name != null && name.strip().toLowerCase(Locale.ROOT).equals(w.toLowerCase(Locale.ROOT))) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    private static String value(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column) : "";
    }
}
