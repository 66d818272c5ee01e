package org.chartscribe.coding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPT codes ChartScribe can suggest, with short descriptions written for the project (the AMA's
 * descriptors are licensed: an operator who holds a licence loads them with {@code CHARTSCRIBE_CPT_PATH},
 * a {@code code<TAB>description} file, and those texts are used instead).
 */
public final class CptCodeSet {

    private static final Pattern CODE = Pattern.compile("\\d{4}[0-9FTU]");

    static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("99202", "Office visit, new patient, straightforward decision making or 15+ minutes"),
            Map.entry("99203", "Office visit, new patient, low complexity decision making or 30+ minutes"),
            Map.entry("99204", "Office visit, new patient, moderate complexity decision making or 45+ minutes"),
            Map.entry("99205", "Office visit, new patient, high complexity decision making or 60+ minutes"),
            Map.entry("99211", "Office visit, established patient, clinician presence not required"),
            Map.entry("99212", "Office visit, established patient, straightforward decision making or 10+ minutes"),
            Map.entry("99213", "Office visit, established patient, low complexity decision making or 20+ minutes"),
            Map.entry("99214", "Office visit, established patient, moderate complexity decision making or 30+ minutes"),
            Map.entry("99215", "Office visit, established patient, high complexity decision making or 40+ minutes"),
            Map.entry("99381", "Preventive visit, new patient, under 1 year"),
            Map.entry("99382", "Preventive visit, new patient, age 1 to 4"),
            Map.entry("99383", "Preventive visit, new patient, age 5 to 11"),
            Map.entry("99384", "Preventive visit, new patient, age 12 to 17"),
            Map.entry("99385", "Preventive visit, new patient, age 18 to 39"),
            Map.entry("99386", "Preventive visit, new patient, age 40 to 64"),
            Map.entry("99387", "Preventive visit, new patient, 65 and over"),
            Map.entry("99391", "Preventive visit, established patient, under 1 year"),
            Map.entry("99392", "Preventive visit, established patient, age 1 to 4"),
            Map.entry("99393", "Preventive visit, established patient, age 5 to 11"),
            Map.entry("99394", "Preventive visit, established patient, age 12 to 17"),
            Map.entry("99395", "Preventive visit, established patient, age 18 to 39"),
            Map.entry("99396", "Preventive visit, established patient, age 40 to 64"),
            Map.entry("99397", "Preventive visit, established patient, 65 and over"),
            Map.entry("20550", "Injection into a tendon sheath or ligament"),
            Map.entry("20551", "Injection at a tendon origin or insertion"),
            Map.entry("20552", "Trigger point injections, one or two muscles"),
            Map.entry("20600", "Small joint aspiration or injection, no ultrasound"),
            Map.entry("20605", "Intermediate joint aspiration or injection, no ultrasound"),
            Map.entry("20610", "Major joint aspiration or injection, no ultrasound"),
            Map.entry("20611", "Major joint aspiration or injection with ultrasound guidance"),
            Map.entry("96372", "Therapeutic or diagnostic injection under the skin or into muscle"),
            Map.entry("93000", "Electrocardiogram, tracing with interpretation and report"),
            Map.entry("94010", "Breathing capacity test (spirometry)"),
            Map.entry("94060", "Spirometry before and after a bronchodilator"),
            Map.entry("94640", "Inhaled treatment by nebuliser or inhaler"),
            Map.entry("10060", "Drainage of a skin abscess, simple or single"),
            Map.entry("10120", "Removal of a foreign body under the skin, simple"),
            Map.entry("11102", "Skin biopsy by tangential technique, single lesion"),
            Map.entry("12001", "Simple wound repair, 2.5 cm or less"),
            Map.entry("17110", "Destruction of benign lesions such as warts, up to 14"),
            Map.entry("69209", "Earwax removal by irrigation"),
            Map.entry("69210", "Impacted earwax removal with instruments"),
            Map.entry("90471", "Vaccine administration, first vaccine, injection"),
            Map.entry("90460", "Vaccine administration under 19 with counselling, first component"),
            Map.entry("81002", "Urine dipstick test, read by hand, no microscopy"),
            Map.entry("81025", "Urine pregnancy test"),
            Map.entry("82962", "Blood glucose by a home-type meter"),
            Map.entry("87880", "Rapid strep antigen test"),
            Map.entry("87804", "Rapid influenza antigen test"),
            Map.entry("29125", "Short arm splint, static"),
            Map.entry("29515", "Short leg splint"),
            Map.entry("97161", "Physical therapy evaluation, low complexity"),
            Map.entry("97162", "Physical therapy evaluation, moderate complexity"),
            Map.entry("97163", "Physical therapy evaluation, high complexity"),
            Map.entry("97164", "Physical therapy re-evaluation"),
            Map.entry("97165", "Occupational therapy evaluation, low complexity"),
            Map.entry("97166", "Occupational therapy evaluation, moderate complexity"),
            Map.entry("97167", "Occupational therapy evaluation, high complexity"),
            Map.entry("97110", "Therapeutic exercise, each 15 minutes"),
            Map.entry("97112", "Neuromuscular re-education, each 15 minutes"),
            Map.entry("97116", "Gait training, each 15 minutes"),
            Map.entry("97140", "Manual therapy, each 15 minutes"),
            Map.entry("97530", "Therapeutic activities, each 15 minutes"),
            Map.entry("97035", "Ultrasound therapy, each 15 minutes"),
            Map.entry("90791", "Psychiatric diagnostic evaluation"),
            Map.entry("90832", "Psychotherapy, about 30 minutes (16 to 37)"),
            Map.entry("90834", "Psychotherapy, about 45 minutes (38 to 52)"),
            Map.entry("90837", "Psychotherapy, about 60 minutes (53 or more)"),
            Map.entry("90833", "Psychotherapy with an E/M visit, about 30 minutes (add-on)"),
            Map.entry("90836", "Psychotherapy with an E/M visit, about 45 minutes (add-on)"),
            Map.entry("90838", "Psychotherapy with an E/M visit, about 60 minutes (add-on)"),
            Map.entry("98940", "Chiropractic manipulation, one or two spinal regions"),
            Map.entry("98941", "Chiropractic manipulation, three or four spinal regions"),
            Map.entry("98942", "Chiropractic manipulation, five spinal regions"));

    private final Map<String, String> licensed;
    private final String label;

    private CptCodeSet(Map<String, String> licensed, String label) {
        this.licensed = licensed;
        this.label = label;
    }

    public static CptCodeSet builtin() {
        return new CptCodeSet(Map.of(), "E/M 2021 rules; built-in descriptions (" + BUILT_IN.size() + " codes)");
    }

    /** A licensed {@code code<TAB>description} file; a malformed line fails with file and line. */
    public static CptCodeSet load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CodeSetFormatException(file.toString(), 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, String> codes = new HashMap<>();
        for (CodingTables.Row row : CodingTables.rows(file.toString(), String.join("\n", lines))) {
            String[] cols = row.cols();
            if (cols.length < 2 || !CODE.matcher(cols[0].trim()).matches() || cols[1].isBlank()) {
                if (row.line() == 1 && cols[0].trim().equalsIgnoreCase("code")) {
                    continue; // header row
                }
                throw row.fail("expected a 5-character CPT code<TAB>description");
            }
            codes.put(cols[0].trim(), cols[1].trim());
        }
        if (codes.isEmpty()) {
            throw new CodeSetFormatException(file.toString(), 0, "no codes found");
        }
        return new CptCodeSet(Map.copyOf(codes), "E/M 2021 rules; licensed file " + file.getFileName() + " ("
                + NumberFormat.getIntegerInstance(Locale.US).format(codes.size()) + " codes)");
    }

    /** The licensed text when loaded, else the built-in one. */
    public String description(String code) {
        return licensed.getOrDefault(code, BUILT_IN.getOrDefault(code, "CPT " + code));
    }

    public String label() {
        return label;
    }
}
