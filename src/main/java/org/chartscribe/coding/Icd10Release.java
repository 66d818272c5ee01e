package org.chartscribe.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the compact ICD-10-CM release resource written by {@code scripts/build-icd10cm-resource.py}
 * (format in that script): every billable code with its title, 7th characters expanded from their
 * tables, and the Alphabetic Index. Any malformed line fails with the source and line number.
 */
final class Icd10Release {

    static final String RESOURCE = "/coding/icd10cm-release.tsv.gz";
    private static final Pattern YEAR = Pattern.compile("^(FY\\d{4})\\s*(?:\\((.*)\\))?");

    private Icd10Release() {}

    /** The built-in release, read once per JVM (it is immutable): every coder and test shares it. */
    static Icd10CodeSet builtin() {
        return Builtin.SET;
    }

    private static final class Builtin {
        static final Icd10CodeSet SET = readBuiltin();
    }

    /** Reads the resource anew (the load benchmark measures this). */
    static Icd10CodeSet readBuiltin() {
        try (InputStream in = Icd10Release.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CodeSetFormatException(RESOURCE, 0, "resource missing from the build");
            }
            return read(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the stream starts like a gzip file (the release resource format). */
    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    static Icd10CodeSet read(String source, InputStream gz) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
        Map<String, String[]> rules = new HashMap<>();
        Map<String, String> billable = new HashMap<>(1 << 17);
        Set<String> headers = new HashSet<>(1 << 15);
        List<AlphabeticIndex.Term> index = new ArrayList<>(90_000);
        List<AlphabeticIndex.Term> external = new ArrayList<>(9_000);
        int[] parentAt = new int[32];
        int[] externalParentAt = new int[32];
        String release = null;
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            if (line.startsWith("#release\t")) {
                release = line.substring(9).strip();
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            switch (c[0]) {
                case "R" -> {
                    need(source, n, c, 3);
                    rules.put(c[1], c[2].split("\\|"));
                }
                case "C" -> {
                    need(source, n, c, 3);
                    String code = c[1];
                    if (c.length > 3 && !c[3].isEmpty()) {
                        String[] rule = rules.get(c[3]);
                        if (rule == null) {
                            throw new CodeSetFormatException(source, n, "unknown 7th-character table " + c[3]);
                        }
                        headers.add(code);
                        String stem = pad(code);
                        for (String ext : rule) {
                            int eq = ext.indexOf('=');
                            billable.put(stem + ext.substring(0, eq), c[2] + ", " + ext.substring(eq + 1));
                        }
                    } else {
                        billable.put(code, c[2]);
                    }
                    for (int len = 3; len < code.length(); len++) {
                        if (code.charAt(len - 1) != '.') {
                            headers.add(code.substring(0, len));
                        }
                    }
                }
                case "I" -> indexRow(source, n, c, index, parentAt);
                case "E" -> indexRow(source, n, c, external, externalParentAt);
                default -> throw new CodeSetFormatException(source, n, "unknown record type");
            }
        }
        if (release == null || billable.isEmpty()) {
            throw new CodeSetFormatException(source, 0, release == null ? "no #release line" : "no billable codes");
        }
        headers.removeAll(billable.keySet());
        Matcher m = YEAR.matcher(release);
        String year = m.find() ? m.group(1) : "unknown year";
        String detail = m.group(2) == null ? "" : m.group(2) + ", ";
        return new Icd10CodeSet(billable, headers, year, detail + "full code set with Alphabetic Index",
                new AlphabeticIndex(index), external.isEmpty() ? AlphabeticIndex.EMPTY : new AlphabeticIndex(external));
    }

    /** One row of an index (the Alphabetic Index or the External Cause Index), its parent from the level. */
    private static void indexRow(String source, int n, String[] c, List<AlphabeticIndex.Term> index, int[] parentAt) {
        need(source, n, c, 7);
        int level;
        try {
            level = Integer.parseInt(c[1]);
        } catch (NumberFormatException e) {
            throw new CodeSetFormatException(source, n, "index level is not a number");
        }
        if (level < 0 || level >= parentAt.length || level > 0 && index.isEmpty()) {
            throw new CodeSetFormatException(source, n, "index level out of order");
        }
        int id = index.size();
        parentAt[level] = id;
        index.add(new AlphabeticIndex.Term(id, level, level == 0 ? -1 : parentAt[level - 1],
                c[2], c[3].isEmpty() ? "" : c[3], c[4].isEmpty() ? "" : c[4],
                c[5].isEmpty() ? "" : c[5], c[6].isEmpty() ? "" : c[6]));
    }

    /** {@code S93.4} + 7th character needs the placeholder X: {@code S93.4XX}. */
    private static String pad(String dotted) {
        StringBuilder s = new StringBuilder(dotted.length() == 3 ? dotted + "." : dotted);
        while (s.length() < 7) {
            s.append('X');
        }
        return s.toString();
    }

    private static void need(String source, int line, String[] cols, int min) {
        if (cols.length < min) {
            throw new CodeSetFormatException(source, line, "expected at least " + min + " tab-separated fields");
        }
    }
}
