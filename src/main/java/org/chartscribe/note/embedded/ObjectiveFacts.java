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
            + "move|relax|get|hop|put|lean)\\b"
            + "|\\b(?:going to|gon na|gonna|want to|wan na|i'll|i will|let me|let's|just) (?:go ahead and )?(?:do (?:a |an |your |the )?"
            + "(?:quick |brief )?(?:physical )?exam\\w*|examine|check (?:out )?(?:you|your|her|his|their)|listen to|"
            + "take a (?:quick )?look|look at (?:you|your|her|his|their))");

    /**
     * Assessment and plan talk said while examining: risks, options, plans, the differential, what a finding
     * means. It is charted in the assessment and plan, never as an exam finding.
     */
    private static final Pattern PLAN_TALK = Pattern.compile("(?i)\\b(?:risks?|recommend\\w*|treatment|treat|"
            + "differential|we (?:will|'ll|can|could|should)|i (?:will|'ll|want|would like|think)|"
            + "plan|proceed|decided|discuss\\w*|if needed|refrain|be mindful|may (?:have|be)|might|could be|possibly|"
            + "likely|worried|concern\\w*|rule out|means?|meaning|injections?|prescri\\w*|supplements?|"
            + "candidate|give (?:him|her|them|you)|follow(?:-| )?up|referr?\\w*|schedul\\w*|stroke|syndrome)\\b");
    /** What a finding means, said to the patient after it: "..., so that means ...", "which is good". */
    private static final Pattern EXPLANATION = Pattern.compile("(?i)[,;]?\\s*\\b(?:so |and )?(?:that|which|this)(?: would)? "
            + "(?:means?|is good|'s good|looks good|is interesting|'s interesting)\\b.*$");
    /** A symptom the patient denies while being examined: review of systems, not an exam finding. */
    private static final Pattern DENIED_SYMPTOM = Pattern.compile("(?i)^(?:no|denies(?: any)?) ((?:chest|abdominal|belly|"
            + "back|neck|joint|calf) pain|pain|numbness|tingling|shortness of breath|nausea|vomiting|dizziness|headaches?|"
            + "fevers?|chills|weakness)\\.?$");

    /** A vital sign named without a number ("blood pressure is a little high"): it stays under Vital Signs. */
    private static final Pattern VITAL_WORD = Pattern.compile("(?i)\\b(?:vitals?|vital signs|blood pressures?|bp|"
            + "heart rate|pulse|temperature|temp|fever|febrile|afebrile|oxygen|o2|sat(?:uration)?s?|respiratory rate|"
            + "respirations|weight|weighs|height|bmi)\\b");

    /** A dose said with a drug's name. */
    private static final Pattern DRUG_ORDER = Pattern.compile("(?i)\\b\\d+(?:\\.\\d+)?\\s*(?:mg|milligrams?|mcg|units)\\b");
    private static final org.chartscribe.clinical.DrugLexicon DRUGS = org.chartscribe.clinical.DrugLexicon.builtIn();

    /** Characters within which a second finding of the same kind is the same remark ("edema ... in your ankles"). */
    private static final int SAME_REMARK = 150;

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
        for (Classified item : bySystemRemark(items)) {
            if (item.part() != SoapPart.OBJECTIVE || item.headingHint() != null) {
                out.add(item);
                continue;
            }
            String text = item.text();
            if (EXAM_TALK.matcher(text).find() && !ResultLines.hasResultWord(text)) {
                continue; // said to the patient while examining
            }
            java.util.regex.Matcher denied = DENIED_SYMPTOM.matcher(text.strip());
            if (denied.find()) {
                // "No chest pain." asked during the exam: a pertinent negative of the review of systems
                out.add(new Classified(SoapPart.SUBJECTIVE, "Denies " + denied.group(1).toLowerCase(Locale.ROOT) + ".",
                        item.evidence(), item.speaker(), item.order(), item.lookup(), "review", item.informativeness()));
                continue;
            }
            if (resultHint != null) {
                java.util.Optional<String> result = ResultLines.of(text, item.evidence(), facts);
                if (result.isEmpty() && facts != null && !item.evidence().isEmpty()) {
                    result = ResultLines.composedFromSaid(said(facts, item.evidence()), item.evidence(), facts);
                }
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
            String explained = EXPLANATION.matcher(text).replaceFirst(".");
            if (!explained.equals(text) && explained.split(" ").length >= 4) {
                text = explained; // "small effusion, which means there is fluid in the knee": the finding only
                item = with(item, text, item.headingHint());
            }
            if (PLAN_TALK.matcher(text).find() && measured.isEmpty()) {
                continue; // the assessment and plan write it from the facts; a positive finding in it is recomposed
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
        if (examHeading != null) {
            addPositives(ExamFindings.positives(facts), bySystem, out);
        }
        // findings by system follow the exam's general remarks, in the order clinicians chart systems
        bySystem.forEach((system, list) -> out.add(reordered(merged(list, system, examHint),
                SYSTEM_ORDER_BASE + ExamSystems.rank(system))));
        if (resultHint != null && facts != null) {
            withReadResults(out, facts, resultHint);
        }
        out.sort(java.util.Comparator.comparingInt(Classified::order));
        return resultHint == null ? out : withConsolidatedResults(out, resultHint);
    }

    /**
     * The results the clinician read out ({@link ResultReadings}) that no results line charts yet; a results
     * line that kept the spoken sentence as it was gives way to the reading composed from the same words.
     */
    private static void withReadResults(List<Classified> out, EncounterFacts facts, String resultHint) {
        List<Classified> charted = List.copyOf(out);
        for (ResultReadings.Reading reading : ResultReadings.of(facts)) {
            List<Classified> overlapping = charted.stream().filter(c -> resultHint.equals(c.headingHint())
                    && overlaps(c.evidence(), reading.evidence())).toList();
            if (overlapping.stream().anyMatch(c -> ResultsList.isLabelled(c.text()))) {
                continue;
            }
            out.removeAll(overlapping);
            String lookup = Cues.lookup(reading.line());
            out.add(new Classified(SoapPart.OBJECTIVE, reading.line(), reading.evidence(),
                    org.chartscribe.transcript.Role.CLINICIAN, reading.order(), lookup, resultHint,
                    ClinicalLexicon.informativeness(lookup)));
        }
    }

    private static boolean overlaps(List<Evidence> a, List<Evidence> b) {
        for (Evidence x : a) {
            for (Evidence y : b) {
                if (x.start() < y.end() && y.start() < x.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The results lines as one list per test ({@link ResultsList}), where the first of them stood. */
    private static List<Classified> withConsolidatedResults(List<Classified> items, String resultHint) {
        List<Classified> results = items.stream().filter(c -> resultHint.equals(c.headingHint())).toList();
        if (results.size() < 2) {
            return items;
        }
        List<Classified> out = new ArrayList<>();
        boolean placed = false;
        for (Classified c : items) {
            if (!resultHint.equals(c.headingHint())) {
                out.add(c);
            } else if (!placed) {
                out.addAll(ResultsList.consolidated(results));
                placed = true;
            }
        }
        return out;
    }

    /** "..., and on her knee exam, ...": a dictated exam names the next system mid-sentence. */
    private static final Pattern NEXT_SYSTEM = Pattern.compile("(?i),?\\s+(?:and|now|then)\\s+(?=on (?:his|her|their|the|your) "
            + "[a-z ]{0,25}(?:exam|examination)\\b)");

    /** Each exam remark its own item, so that each goes under its own body system. */
    private static List<Classified> bySystemRemark(List<Classified> items) {
        List<Classified> out = new ArrayList<>(items.size());
        for (Classified item : items) {
            if (item.part() != SoapPart.OBJECTIVE || item.headingHint() != null) {
                out.add(item);
                continue;
            }
            String[] remarks = NEXT_SYSTEM.split(item.text());
            if (remarks.length == 1) {
                out.add(item);
                continue;
            }
            for (String remark : remarks) {
                String r = remark.strip();
                if (r.length() > 3) {
                    r = Character.toUpperCase(r.charAt(0)) + r.substring(1);
                    String text = r.endsWith(".") ? r : r + ".";
                    out.add(new Classified(item.part(), text, item.evidence(), item.speaker(), item.order(),
                            Cues.lookup(text), null, item.informativeness()));
                }
            }
        }
        return out;
    }

    /** The positive findings the kept sentences do not already say, each under its body system. */
    private static void addPositives(List<Classified> positives, Map<String, List<Classified>> bySystem,
                                     List<Classified> out) {
        if (positives.isEmpty()) {
            return;
        }
        List<Classified> kept = new ArrayList<>();
        bySystem.values().forEach(kept::addAll);
        out.stream().filter(c -> c.part() == SoapPart.OBJECTIVE).forEach(kept::add);
        StringBuilder exam = new StringBuilder();
        kept.forEach(c -> exam.append(c.text().toLowerCase(Locale.ROOT)).append(' '));
        Map<String, Integer> placed = new java.util.HashMap<>();
        List<Classified> added = new ArrayList<>();
        for (Classified p : positives) {
            int at0 = p.evidence().get(0).start();
            boolean saidInKept = kept.stream().anyMatch(c -> ExamFindings.sameKind(p.text(), c.text().toLowerCase(Locale.ROOT))
                    && c.evidence().stream().anyMatch(e -> e.start() <= at0 && at0 < e.end()));
            boolean saidJustBefore = added.stream().anyMatch(a -> ExamFindings.sameKind(p.text(),
                    a.text().toLowerCase(Locale.ROOT)) && Math.abs(a.evidence().get(0).start() - at0) < SAME_REMARK);
            if (saidInKept || saidJustBefore || ExamFindings.covered(p.text(), exam.toString())) {
                continue;
            }
            added.add(p);
            String system = ExamSystems.of(p.text().toLowerCase(Locale.ROOT));
            if (system == null) {
                continue;
            }
            // positives first: a clinician charts what is abnormal before the normal remarks
            int at = placed.merge(system, 1, Integer::sum) - 1;
            bySystem.computeIfAbsent(system, k -> new ArrayList<>()).add(at, p);
            exam.append(p.text().toLowerCase(Locale.ROOT)).append(' ');
        }
    }

    private static String said(EncounterFacts facts, List<Evidence> evidence) {
        // the whole spoken sentence, with the one before it by the same speaker: the item may hold only the
        // clause the gate kept, and a pause may have split the sentence ("pumping function of" / "your heart at 45%")
        org.chartscribe.transcript.Sentence s = facts.sentenceAt(evidence.get(0).start());
        if (s == null) {
            return "";
        }
        org.chartscribe.transcript.Sentence before = s.start() < 2 ? null : facts.sentenceAt(s.start() - 2);
        int from = before != null && before.speaker() == s.speaker() ? before.start() : s.start();
        return facts.source().substring(from, s.end());
    }

    /** One item for several: "Musculoskeletal: Tenderness over the knee. Small effusion." */
    private static Classified merged(List<Classified> list, String system, String hint) {
        Set<String> sentences = new LinkedHashSet<>();
        List<Evidence> evidence = new ArrayList<>();
        double informativeness = 0;
        StringBuilder lookup = new StringBuilder();
        for (Classified c : list) {
            String sentence = system == null ? c.text()
                    : ExamNormals.charted(c.text()).orElseGet(() -> ExamSystems.fragment(c.text()));
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
