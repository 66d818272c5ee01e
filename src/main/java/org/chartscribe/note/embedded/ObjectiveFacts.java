package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Vital;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialty;

/**
 * The objective part placed by fact type rather than by where it was said: measured vital signs are
 * written from their values ("BP 130/80 mmHg, HR 72 bpm.") under the vital-signs heading only; a sentence
 * that reports a test's result goes to the results heading, written as test and findings
 * ({@link ResultLines}), never into the exam; exam findings under the general exam heading are grouped by
 * body system ("Cardiovascular: 2/6 systolic murmur."); and talk of the examination itself ("she can sit
 * up", "take a deep breath") is left out. Items placed by a dictated label keep their place.
 */
final class ObjectiveFacts {

    /** Heading words that take results, best first ("Results", "Diagnostics", "Radiographs", "Pertinent Labs"). */
    private static final List<String> RESULT_WORDS = List.of("results", "diagnostics", "radiographs", "labs", "testing");
    private static final List<String> EXAM_WORDS = List.of("physical", "examination");

    /** What the clinician tells or asks the patient while examining: not a finding. */
    private static final Pattern EXAM_TALK = Pattern.compile("(?i)\\b(?:take (?:a |another )?(?:deep |big )?breaths?|"
            + "breathe (?:in|out|normally)|look (?:up|down|straight|at me)|follow my (?:finger|light)|(?:sit|stand|hop) up|"
            + "lie (?:back|down|flat)|lay (?:back|down|flat)|bend (?:over|forward|down)|squeeze my|push against|"
            + "pull against|say ah|open (?:your|her|his|their) mouth|how does (?:that|this|it) feel|"
            + "does (?:that|this|it) hurt|press(?:ing)? (?:here|there|down)|push(?:ing)? (?:here|there|down)|"
            + "right here|tell me (?:if|when)|let me know (?:if|when)|relax (?:your|her|his|their))\\b"
            + "|^(?:she|he|they|the patient|you) (?:can|could|may|will) (?:go ahead|sit|lie|lay|stand|bend|turn|"
            + "move|relax|get|hop|put|lean)\\b");

    /** A vital sign named without a number ("blood pressure is a little high"): it stays under Vital Signs. */
    private static final Pattern VITAL_WORD = Pattern.compile("(?i)\\b(?:vitals?|vital signs|blood pressures?|bp|"
            + "heart rate|pulse|temperature|temp|fever|febrile|afebrile|oxygen|o2|sat(?:uration)?s?|respiratory rate|"
            + "respirations|weight|weighs|height|bmi)\\b");

    /** A dose said with a drug's name. */
    private static final Pattern DRUG_ORDER = Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?\\s*(?:mg|milligrams?|mcg|units)\\b");
    private static final org.chartscribe.clinical.DrugLexicon DRUGS = org.chartscribe.clinical.DrugLexicon.builtIn();

    /** Past any spoken order: system lines come after the exam's unsystematic remarks. */
    private static final int SYSTEM_ORDER_BASE = 10_000_000;

    private ObjectiveFacts() {}

    static List<Classified> place(List<Classified> items, Specialty specialty, EncounterFacts facts) {
        List<String> headings = specialty.headings(SoapPart.OBJECTIVE);
        String vitalHint = hint(headings, List.of("vital"));
        String resultHint = hint(headings, RESULT_WORDS);
        String examHeading = heading(headings, EXAM_WORDS);
        String examHint = examHeading == null ? null : HeadingChooser.words(examHeading).stream()
                .filter(EXAM_WORDS::contains).findFirst().orElse(null);
        List<Vital> vitals = facts == null ? List.of() : facts.extraction().vitals();

        List<Classified> out = new ArrayList<>();
        List<Classified> vitalItems = new ArrayList<>();
        Map<String, List<Classified>> bySystem = new LinkedHashMap<>();
        for (Classified item : items) {
            if (item.part() != SoapPart.OBJECTIVE || item.headingHint() != null) {
                out.add(item);
                continue;
            }
            String text = item.text();
            if (EXAM_TALK.matcher(text).find() && !ResultLines.hasResultWord(text)) {
                continue; // said to the patient while examining
            }
            if (resultHint != null) {
                java.util.Optional<String> result = ResultLines.of(text, item.evidence(), facts);
                if (result.isPresent()) {
                    out.add(with(item, result.get(), resultHint));
                    continue;
                }
            }
            List<Vital> measured = vitalHint == null ? List.of() : within(vitals, item.evidence());
            if (!measured.isEmpty()) {
                vitalItems.add(with(item, vitalLine(measured), vitalHint));
                continue;
            }
            if (DRUG_ORDER.matcher(text).find() && !DRUGS.find(item.lookup()).isEmpty()) {
                continue; // "Tramadol, 50 mg, every 6 hours" said during the exam is an order, charted in the plan
            }
            String system = ExamSystems.of(item.lookup() + " " + text.toLowerCase(Locale.ROOT));
            if (vitalHint != null && system == null && VITAL_WORD.matcher(text).find()) {
                out.add(with(item, text, vitalHint)); // "no fever", "blood pressure a little high"
                continue;
            }
            String chosen = HeadingChooser.choose(specialty, SoapPart.OBJECTIVE, item);
            if (examHint != null && HeadingChooser.words(chosen).contains("vital") && !VITAL_WORD.matcher(text).find()) {
                chosen = examHeading; // a finding is not a vital sign
                item = with(item, text, examHint);
            }
            if (examHeading != null && chosen.equals(examHeading)) {
                if (system != null) {
                    bySystem.computeIfAbsent(system, k -> new ArrayList<>()).add(item);
                    continue;
                }
            }
            out.add(item);
        }
        if (!vitalItems.isEmpty()) {
            out.add(merged(vitalItems, null, vitalHint));
        }
        // findings by system follow the exam's general remarks, in the order clinicians chart systems
        bySystem.forEach((system, list) -> out.add(reordered(merged(list, system, examHint),
                SYSTEM_ORDER_BASE + ExamSystems.rank(system))));
        out.sort(java.util.Comparator.comparingInt(Classified::order));
        return out;
    }

    /** One item for several: "Musculoskeletal: Tenderness over the knee. Small effusion." */
    private static Classified merged(List<Classified> list, String system, String hint) {
        Set<String> sentences = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        double informativeness = 0;
        StringBuilder lookup = new StringBuilder();
        for (Classified c : list) {
            String sentence = system == null ? c.text() : ExamSystems.fragment(c.text());
            if (sentences.add(sentence)) {
                evidence.addAll(c.evidence());
                informativeness = Math.max(informativeness, c.informativeness());
                lookup.append(c.lookup());
            }
        }
        String text = system == null ? joinedVitals(sentences) : system + ": " + String.join(" ", sentences);
        Classified first = list.get(0);
        return new Classified(SoapPart.OBJECTIVE, text, evidence, first.speaker(), first.order(), lookup.toString(),
                hint, informativeness);
    }

    /** Vital-sign lines said in several sentences read as one: "BP 130/80 mmHg, HR 72 bpm." */
    private static String joinedVitals(Set<String> lines) {
        Set<String> parts = new LinkedHashSet<>();
        for (String line : lines) {
            for (String part : line.replaceAll("\\.$", "").split(", ")) {
                parts.add(part);
            }
        }
        return String.join(", ", parts) + ".";
    }

    static String vitalLine(List<Vital> vitals) {
        Set<String> parts = new LinkedHashSet<>();
        for (Vital v : vitals) {
            String label = switch (v.kind()) {
                case BLOOD_PRESSURE -> "BP";
                case HEART_RATE -> "HR";
                case RESPIRATORY_RATE -> "RR";
                case TEMPERATURE -> "Temp";
                case OXYGEN_SATURATION -> "SpO2";
                case WEIGHT -> "Weight";
                case HEIGHT -> "Height";
                case BMI -> "BMI";
                case PAIN -> "Pain";
            };
            // units the transcript may not say (mmHg, bpm) are left to the label, as charts do
            String value = switch (v.kind()) {
                case BLOOD_PRESSURE -> v.value().toPlainString() + "/" + v.second().toPlainString();
                case OXYGEN_SATURATION -> v.value().toPlainString() + "%";
                case WEIGHT, HEIGHT -> v.display();

                default -> v.value().toPlainString();
            };
            parts.add(label + " " + value);
        }
        return String.join(", ", parts) + ".";
    }

    /** The measured vitals said inside the item's evidence; a pain score is history, not a vital sign here. */
    private static List<Vital> within(List<Vital> vitals, List<Evidence> evidence) {
        List<Vital> found = new ArrayList<>();
        for (Vital v : vitals) {
            if (v.kind() == Vital.Kind.PAIN || v.kind() == Vital.Kind.HEIGHT) {
                continue; // a pain score is history; a height in inches may not be the words said
            }
            for (Evidence e : evidence) {
                if (v.start() >= e.start() && v.end() <= e.end()) {
                    found.add(v);
                    break;
                }
            }
        }
        return found;
    }

    private static Classified reordered(Classified c, int order) {
        return new Classified(c.part(), c.text(), c.evidence(), c.speaker(), order, c.lookup(), c.headingHint(),
                c.informativeness());
    }

    private static Classified with(Classified item, String text, String hint) {
        return new Classified(item.part(), text, item.evidence(), item.speaker(), item.order(), item.lookup(), hint,
                item.informativeness());
    }

    private static String heading(List<String> headings, List<String> words) {
        for (String word : words) {
            for (String heading : headings) {
                if (HeadingChooser.words(heading).contains(word)) {
                    return heading;
                }
            }
        }
        return null;
    }

    private static String hint(List<String> headings, List<String> words) {
        for (String word : words) {
            for (String heading : headings) {
                if (HeadingChooser.words(heading).contains(word)) {
                    return word;
                }
            }
        }
        return null;
    }
}
