package org.chartscribe.coding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads ICD-10-CM code sets: the built-in release (the whole code set and its Alphabetic Index, derived
 * from the CDC files by {@code scripts/build-icd10cm-resource.py}), the same format built from a newer
 * release (gzip), a CDC order file ({@code icd10cm_order_YYYY.txt}, fixed width) or a tab-separated
 * {@code code<TAB>title} file (also {@code code<TAB>dotted<TAB>title}). The format is detected from the
 * content; any malformed line fails with file and line.
 */
public final class Icd10CodeSetLoader {

    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](?:\\.?[0-9A-Z]{1,4})?");
    private static final Pattern ORDER_LINE = Pattern.compile("^\\d{5} [A-Z0-9]");
    private static final Pattern YEAR_COMMENT = Pattern.compile("fiscal-year:\\s*(FY\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?i)(?:fy|_|-)(20\\d\\d)(?!\\d)");

    private Icd10CodeSetLoader() {}

    /** The release built into the jar (see {@link Icd10Release}). */
    public static Icd10CodeSet builtin() {
        return Icd10Release.builtin();
    }

    /** Loads a file whose format is detected from its content. */
    public static Icd10CodeSet load(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new CodeSetFormatException(file.toString(), 0, "not a readable file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (Icd10Release.isGzip(bytes)) {
                return Icd10Release.read(file.toString(), new java.io.ByteArrayInputStream(bytes));
            }
            return parse(file.toString(), new String(bytes, StandardCharsets.ISO_8859_1), name);
        } catch (IOException e) {
            throw new CodeSetFormatException(file.toString(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * @param source shown in errors
     * @param origin shown in the label, e.g. the file name
     */
    static Icd10CodeSet parse(String source, String text, String origin) {
        List<String> lines = text.lines().toList();
        String year = fiscalYear(source, lines);
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            boolean order = ORDER_LINE.matcher(line).find() && !line.contains("\t");
            return order ? parseOrder(source, lines, year, "CDC order file " + origin)
                    : parseTabular(source, lines, year, origin);
        }
        throw new CodeSetFormatException(source, 0, "no codes found");
    }

    private static Icd10CodeSet parseOrder(String source, List<String> lines, String year, String origin) {
        Map<String, String> billable = new HashMap<>();
        Set<String> headers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            // Columns (1-based): order 1-5, code 7-13, billable flag 15, short title 17-76, long title 78+.
            if (line.length() < 17 || !ORDER_LINE.matcher(line).find() || line.charAt(13) != ' ') {
                throw new CodeSetFormatException(source, i + 1, "not a fixed-width order file line");
            }
            String code = code(source, i + 1, line.substring(6, 13).trim());
            char flag = line.charAt(14);
            String title = line.length() > 77 ? line.substring(77).trim() : line.substring(16).trim();
            if (flag == '1') {
                if (title.isEmpty()) {
                    throw new CodeSetFormatException(source, i + 1, "billable code without a title");
                }
                billable.put(code, title);
            } else if (flag == '0') {
                headers.add(code);
            } else {
                throw new CodeSetFormatException(source, i + 1, "billable flag must be 0 or 1");
            }
        }
        return checked(source, new Icd10CodeSet(billable, headers, year, origin));
    }

    private static Icd10CodeSet parseTabular(String source, List<String> lines, String year, String origin) {
        Map<String, String> billable = new HashMap<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (first && cols[0].trim().equalsIgnoreCase("code")) {
                first = false;
                continue; // a header row
            }
            first = false;
            if (cols.length < 2 || cols.length > 3) {
                throw new CodeSetFormatException(source, i + 1, "expected code<TAB>title" + (cols.length == 1 && line.contains(",")
                        ? " (this looks like CSV: give a tab-separated file or the CDC fixed-width order file)" : ""));
            }
            String code = code(source, i + 1, cols[0].trim());
            if (cols.length == 3 && !Icd10CodeSet.dotted(cols[1]).equals(code)) {
                throw new CodeSetFormatException(source, i + 1, "dotted code does not match the code");
            }
            String title = cols[cols.length - 1].trim();
            if (title.isEmpty()) {
                throw new CodeSetFormatException(source, i + 1, "empty title");
            }
            if (billable.put(code, title) != null) {
                throw new CodeSetFormatException(source, i + 1, "duplicate code " + code);
            }
        }
        return checked(source, new Icd10CodeSet(billable, Set.of(), year, origin));
    }

    private static Icd10CodeSet checked(String source, Icd10CodeSet set) {
        if (set.billableCount() == 0) {
            throw new CodeSetFormatException(source, 0, "no billable codes found");
        }
        return set;
    }

    private static String code(String source, int line, String raw) {
        if (!CODE.matcher(raw.toUpperCase(java.util.Locale.ROOT)).matches()) {
            // The raw value is a code, not patient data, so it is safe to show.
            throw new CodeSetFormatException(source, line, "not an ICD-10-CM code: '" + raw + "'");
        }
        return Icd10CodeSet.dotted(raw);
    }

    private static String fiscalYear(String source, List<String> lines) {
        for (String line : lines) {
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = YEAR_COMMENT.matcher(line);
            if (m.find()) {
                return m.group(1).toUpperCase(java.util.Locale.ROOT);
            }
        }
        Matcher m = YEAR_IN_NAME.matcher(Path.of(source).getFileName().toString());
        return m.find() ? "FY" + m.group(1) : "unknown year";
    }
}
