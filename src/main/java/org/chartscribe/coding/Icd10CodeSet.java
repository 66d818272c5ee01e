package org.chartscribe.coding;

import java.text.NumberFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded ICD-10-CM code set: billable codes with their titles, and (from an order file) the
 * non-billable header codes, so "exists" and "billable" can be told apart.
 */
public final class Icd10CodeSet {

    private final Map<String, String> billable;
    private final Set<String> headers;
    private final String fiscalYear;
    private final String origin;
    private final AlphabeticIndex index;
    private final AlphabeticIndex externalCauses;
    private final String[] sorted;

    /**
     * @param billable   dotted code to title
     * @param headers    dotted codes that exist but cannot be billed
     * @param fiscalYear e.g. {@code FY2026}, or {@code unknown year}
     * @param origin     what was loaded, e.g. {@code built-in subset}
     */
    public Icd10CodeSet(Map<String, String> billable, Set<String> headers, String fiscalYear, String origin) {
        this(new HashMap<>(billable), Set.copyOf(headers), fiscalYear, origin, AlphabeticIndex.EMPTY);
    }

    /** A release that comes with its Alphabetic Index (empty for a plain code list). */
    Icd10CodeSet(Map<String, String> billable, Set<String> headers, String fiscalYear, String origin,
                 AlphabeticIndex index) {
        this(billable, headers, fiscalYear, origin, index, AlphabeticIndex.EMPTY);
    }

    /** A release with its Alphabetic Index and its Index to External Causes (V00-Y99: how an injury happened). */
    Icd10CodeSet(Map<String, String> billable, Set<String> headers, String fiscalYear, String origin,
                 AlphabeticIndex index, AlphabeticIndex externalCauses) {
        this.externalCauses = externalCauses;
        this.billable = Collections.unmodifiableMap(billable);
        this.headers = Collections.unmodifiableSet(headers);
        this.fiscalYear = fiscalYear;
        this.origin = origin;
        this.index = index;
        this.sorted = billable.keySet().toArray(new String[0]);
        java.util.Arrays.sort(sorted);
    }

    /** Billable codes that start with {@code prefix} (dotted), in code order: how a coder reads a category in the Tabular. */
    public java.util.List<String> billableUnder(String prefix) {
        String p = dotted(prefix);
        int i = java.util.Arrays.binarySearch(sorted, p);
        i = i < 0 ? -i - 1 : i;
        java.util.List<String> out = new java.util.ArrayList<>();
        for (; i < sorted.length && sorted[i].startsWith(p); i++) {
            out.add(sorted[i]);
        }
        return out;
    }

    /** The release's Alphabetic Index; empty when only a code list was loaded. */
    public AlphabeticIndex index() {
        return index;
    }

    /** The release's Index to External Causes; empty when the release file carries none. */
    public AlphabeticIndex externalCauses() {
        return externalCauses;
    }

    /** Normalises {@code m5450} or {@code M54.50} to the dotted upper-case form. */
    public static String dotted(String code) {
        String bare = code.trim().toUpperCase(Locale.ROOT).replace(".", "");
        return bare.length() <= 3 ? bare : bare.substring(0, 3) + "." + bare.substring(3);
    }

    public boolean isBillable(String code) {
        return billable.containsKey(dotted(code));
    }

    public boolean exists(String code) {
        String d = dotted(code);
        return billable.containsKey(d) || headers.contains(d);
    }

    public Optional<String> title(String code) {
        return Optional.ofNullable(billable.get(dotted(code)));
    }

    public int billableCount() {
        return billable.size();
    }

    public String fiscalYear() {
        return fiscalYear;
    }

    /** The name responses carry in {@code code_sets.icd10cm}, e.g. {@code FY2026 (built-in subset, 1,689 codes)}. */
    public String label() {
        return fiscalYear + " (" + origin + ", " + NumberFormat.getIntegerInstance(Locale.US).format(billable.size())
                + " codes)";
    }

    @Override
    public String toString() {
        return "Icd10CodeSet[" + label() + "]";
    }
}
