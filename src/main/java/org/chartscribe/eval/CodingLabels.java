package org.chartscribe.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ICD-10-CM labels for evaluation rows, in the format of {@code src/test/resources/coding/aci-labels.tsv}:
 * one line per row, {@code id<TAB>codes} with the codes separated by spaces, principal first; blank
 * lines and lines starting with {@code #} are ignored. Ids are matched to the CSV's row ids (its
 * {@code encounter_id} or {@code id} column, else the row number). Codes are written dotted or not
 * ({@code M54.50} = {@code M5450}) and kept in the dotted form.
 */
public final class CodingLabels {

    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](?:\\.?[0-9A-Z]{1,4})?");

    private final Map<String, List<String>> byId;

    private CodingLabels(Map<String, List<String>> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The labelled codes of a row, principal first; empty when the row is not labelled. */
    public List<String> codes(String id) {
        return byId.getOrDefault(id, List.of());
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    public int size() {
        return byId.size();
    }

    /**
     * Reads a labels file. Any malformed line fails with the file and the 1-based line number (never
     * the line's text beyond the offending code: a label file holds codes, but say no more than needed).
     */
    public static CodingLabels read(Path path) throws EvalDataset.InvalidDatasetException {
        if (!Files.isRegularFile(path)) {
            throw new EvalDataset.InvalidDatasetException("no such labels file: " + path);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new EvalDataset.InvalidDatasetException("cannot read " + path + " as UTF-8 text: "
                    + e.getClass().getSimpleName());
        }
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = path + ":" + (i + 1) + ": ";
            String[] cols = line.strip().split("\t");
            if (cols.length != 2) {
                throw new EvalDataset.InvalidDatasetException(where + "expected id<TAB>codes (space-separated), found "
                        + cols.length + " tab-separated field" + (cols.length == 1 ? "" : "s"));
            }
            String id = cols[0].strip();
            if (id.isEmpty()) {
                throw new EvalDataset.InvalidDatasetException(where + "empty id");
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String raw : cols[1].strip().split("\\s+")) {
                String upper = raw.toUpperCase(Locale.ROOT);
                if (!CODE.matcher(upper).matches()) {
                    throw new EvalDataset.InvalidDatasetException(where + "not an ICD-10-CM code: '" + raw + "'");
                }
                codes.add(dotted(upper));
            }
            if (byId.put(id, List.copyOf(codes)) != null) {
                throw new EvalDataset.InvalidDatasetException(where + "duplicate id " + id);
            }
        }
        if (byId.isEmpty()) {
            throw new EvalDataset.InvalidDatasetException(path + " has no labels (expected id<TAB>codes lines)");
        }
        return new CodingLabels(byId);
    }

    /** {@code m5450} or {@code M54.50} to {@code M54.50}, as the code sets store codes. */
    static String dotted(String code) {
        String bare = code.strip().toUpperCase(Locale.ROOT).replace(".", "");
        return bare.length() <= 3 ? bare : bare.substring(0, 3) + "." + bare.substring(3);
    }

    @Override
    public String toString() {
        return "CodingLabels[" + byId.size() + " rows: " + Arrays.toString(byId.keySet().stream().limit(3).toArray()) + "...]";
    }
}
