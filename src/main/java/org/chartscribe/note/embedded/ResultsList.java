package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.Evidence;

/**
 * The results section as one list a reader can trust: one line per test ("Total cholesterol: 222 (elevated).",
 * not "Total cholesterol: elevated." and "Total cholesterol: 222." apart), a reading contained in a fuller one
 * left out ("Back x-ray: normal." beside "Back x-ray: normal alignment."), a bare finding contradicted by its
 * own negation on the same study left out ("X-ray: fracture." beside "X-ray: no fracture."), and an image given
 * a lab's value ("X-ray: 6421.", "X-ray: low.") left out: a number or a level is never what an image shows.
 */
final class ResultsList {

    private static final Pattern LABELLED = Pattern.compile("^([A-Z][^:]{1,40}): (.+?)\\.?$");
    private static final Pattern IMAGING = Pattern.compile("(?i)\\b(?:x-rays?|mri|ct|ultrasound|echocardiogram|"
            + "mammogram|scan|radiographs?)\\b");
    private static final Pattern LAB_VALUE = Pattern.compile("(?i)^(?:\\d[\\d.,/]*%?|low|high|elevated|decreased)$");
    private static final Pattern NUMBER = Pattern.compile("^\\d[\\d.,/]*(?: ?[a-zA-Z/%]+)?$");
    private static final Pattern EF = Pattern.compile("^EF \\d+%$");
    private static final Pattern LEVEL = Pattern.compile("(?i)^(?:elevated|low|high|normal|within normal limits|"
            + "borderline|abnormal)$");

    private ResultsList() {}

    /** Whether the line is "Test: reading." rather than a sentence kept as said. */
    static boolean isLabelled(String line) {
        return LABELLED.matcher(line.strip()).matches();
    }

    /** The results lines consolidated per test; lines that are not "Test: reading." pass unchanged. */
    static List<Classified> consolidated(List<Classified> results) {
        Map<String, List<Classified>> byTest = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>(); // a test's key, or an unlabelled item, in first-said order
        for (Classified c : results) {
            Matcher m = LABELLED.matcher(c.text().strip());
            if (!m.matches()) {
                order.add(c);
                continue;
            }
            if (IMAGING.matcher(m.group(1)).find() && LAB_VALUE.matcher(m.group(2).strip()).matches()) {
                continue; // "X-ray: 6421.": a lab's value read onto an image
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!byTest.containsKey(key)) {
                order.add(key);
            }
            byTest.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Classified> out = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof Classified c) {
                out.add(c);
            } else {
                out.addAll(merged(byTest.get((String) o)));
            }
        }
        return out;
    }

    private static List<Classified> merged(List<Classified> lines) {
        Classified first = lines.get(0);
        long numbers = lines.stream().filter(c -> NUMBER.matcher(reading(c)).matches()).count();
        if (lines.size() == 1 || numbers > 1) {
            return lines; // two values of one test are two readings in time ("5.5", then "5.1"), kept apart
        }
        Matcher head = LABELLED.matcher(first.text().strip());
        head.matches();
        String test = head.group(1);
        List<String> readings = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Classified c : lines) {
            Matcher m = LABELLED.matcher(c.text().strip());
            m.matches();
            for (String r : m.group(2).split(", ")) {
                if (!readings.contains(r.strip())) {
                    readings.add(r.strip());
                }
            }
            c.evidence().stream().filter(e -> !evidence.contains(e)).forEach(evidence::add);
        }
        List<String> kept = new ArrayList<>();
        for (String r : readings) {
            String lower = r.toLowerCase(Locale.ROOT);
            boolean contradicted = readings.stream().anyMatch(o -> o.toLowerCase(Locale.ROOT).equals("no " + lower));
            boolean inFuller = readings.stream().anyMatch(o -> !o.equals(r) && o.toLowerCase(Locale.ROOT).startsWith(lower + " "))
                    // "reduced ejection fraction" says less than the "EF 45%" read from the same study
                    || lower.equals("reduced ejection fraction") && readings.stream().anyMatch(o -> EF.matcher(o).matches());
            if (!contradicted && !inFuller) {
                kept.add(r);
            }
        }
        String text = test + ": " + withLevel(kept) + ".";
        return List.of(new Classified(first.part(), text, evidence, first.speaker(), first.order(), first.lookup(),
                first.headingHint(), first.informativeness()));
    }

    private static String reading(Classified line) {
        Matcher m = LABELLED.matcher(line.text().strip());
        return m.matches() ? m.group(2).strip() : "";
    }

    /** "222" and "elevated" said apart are one reading: "222 (elevated)". */
    private static String withLevel(List<String> readings) {
        List<String> numbers = readings.stream().filter(r -> NUMBER.matcher(r).matches()).toList();
        List<String> levels = readings.stream().filter(r -> LEVEL.matcher(r).matches()).toList();
        if (numbers.size() == 1 && levels.size() == 1 && readings.size() == 2) {
            return numbers.get(0) + " (" + levels.get(0).toLowerCase(Locale.ROOT) + ")";
        }
        return String.join(", ", readings);
    }
}
