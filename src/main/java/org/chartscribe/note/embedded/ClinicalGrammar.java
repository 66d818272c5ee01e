package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small grammar the assessment and plan are written with: sentence case, lists joined the way
 * a chart joins them ("CBC, CMP, and lipid panel"), and the abbreviations clinicians capitalise.
 */
final class ClinicalGrammar {

    private ClinicalGrammar() {}

    /** Abbreviations written in capitals in a chart (some with their usual mixed case). */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("ct", "CT"), Map.entry("mri", "MRI"), Map.entry("ekg", "EKG"), Map.entry("ecg", "ECG"),
            Map.entry("cbc", "CBC"), Map.entry("cmp", "CMP"), Map.entry("bmp", "BMP"), Map.entry("tsh", "TSH"),
            Map.entry("psa", "PSA"), Map.entry("inr", "INR"), Map.entry("bnp", "BNP"), Map.entry("ldl", "LDL"),
            Map.entry("hdl", "HDL"), Map.entry("egfr", "eGFR"), Map.entry("bun", "BUN"), Map.entry("copd", "COPD"),
            Map.entry("chf", "CHF"), Map.entry("gerd", "GERD"), Map.entry("ckd", "CKD"), Map.entry("cad", "CAD"),
            Map.entry("uti", "UTI"), Map.entry("uri", "URI"), Map.entry("hiv", "HIV"), Map.entry("adhd", "ADHD"),
            Map.entry("ptsd", "PTSD"), Map.entry("acl", "ACL"), Map.entry("mcl", "MCL"), Map.entry("pcl", "PCL"),
            Map.entry("dvt", "DVT"), Map.entry("covid", "COVID"), Map.entry("covid-19", "COVID-19"),
            Map.entry("ent", "ENT"), Map.entry("gi", "GI"), Map.entry("a1c", "A1c"), Map.entry("t4", "T4"),
            Map.entry("afib", "AFib"), Map.entry("ibs", "IBS"), Map.entry("bph", "BPH"), Map.entry("tia", "TIA"),
            Map.entry("dexa", "DEXA"), Map.entry("pt", "PT"), Map.entry("ot", "OT"), Map.entry("nsaids", "NSAIDs"),
            Map.entry("nsaid", "NSAID"), Map.entry("stemi", "STEMI"), Map.entry("fdp", "FDP"), Map.entry("mcp", "MCP"));

    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9\\-]*");

    /** The term with its abbreviations capitalised: "ct scan" gives "CT scan", "hemoglobin a1c" "hemoglobin A1c". */
    static String term(String lower) {
        Matcher m = WORD.matcher(lower);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(ABBREVIATIONS.getOrDefault(w, w)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A sentence: capitalised, one space between words, one final period. */
    static String sentence(String s) {
        String t = s.trim().replaceAll("\\s+", " ").replaceAll("[\\s,;:.]+$", "");
        return capitalise(t) + ".";
    }

    /** "a", "a and b", "a, b, and c". */
    static String list(List<String> items) {
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> items.get(0);
            case 2 -> items.get(0) + " and " + items.get(1);
            default -> String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
