package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.TestResult;
import org.chartscribe.note.Evidence;

/**
 * A sentence that reports a test's result, written as a results line: the test (with the side and site
 * for imaging), a colon, and the findings read from the sentence ("Right knee x-ray: no fracture, small
 * effusion." / "Echocardiogram: EF 45%, mitral regurgitation." / "Hemoglobin A1c: 7.2%."). Findings come
 * from a small lexicon, each negated when said with "no" or "without"; when none is recognised the
 * checked sentence itself is kept, still under the results heading, so that a result never sits in the
 * exam.
 */
final class ResultLines {

    /** Words that make a sentence naming a test a report of its result rather than a mention. */
    private static final Pattern RESULT_CUE = Pattern.compile("(?i)\\b(?:shows?|showed|showing|revealed?|reveals|"
            + "demonstrat\\w*|came back|results?|normal|abnormal|negative|positive|unremarkable|consistent with|"
            + "evidence of|ejection fraction|ef|elevated|low|high|within normal limits|no (?:\\w+ ){0,2}(?:fracture|"
            + "effusion|dislocation|pneumonia|abnormalit\\w+|signs?)|fracture|effusion|arthritis|tear|pumping function|"
            + "regurgitation|alignment|fluid|good|fine|great|stable|unchanged)\\b|\\d");
    /** Findings only an image shows, said without naming the study. */
    private static final Pattern IMAGING_ONLY = Pattern.compile("(?i)\\b(?:fractures?|dislocations?|"
            + "broken bones?|pumping function|(?:mitral|aortic|tricuspid) (?:valve )?regurgitation|(?:bony|boney|bone) "
            + "alignment|fluid (?:in|on|around) (?:the |your |her |his |their )?lungs?)\\b");
    private static final Pattern IMAGING_ONLY_FRACTURE = Pattern.compile("(?i)\\b(?:fractures?|dislocations?|"
            + "broken bones?|alignment)\\b");
    /** How far back (characters) the study a bare imaging finding belongs to may have been named. */
    private static final int LOOK_BACK = 600;
    /** A test still to be done is a plan, whatever it may show. */
    private static final Pattern NOT_YET = Pattern.compile("(?i)\\b(?:will|would|going to|gon na|gonna|plan to|"
            + "want to|wanna|order(?:ed|ing)?|schedule|if (?:it|the|this)|to (?:rule out|look for|see if|check))\\b");

    /** "Labs" name no test: only "all normal" can be charted for them. */
    private static final String GENERIC_LABS = "blood work";
    private static final Pattern ALL_NORMAL = Pattern.compile("normal|unremarkable|within normal limits");
    /** A reading word said just before a lab's name ("a low hemoglobin", "normal iron labs"). */
    private static final Pattern READING_BEFORE = Pattern.compile("(?i)\\b(low|elevated|high|normal|stable|abnormal|"
            + "borderline)\\s+$");

    /** "Total cholesterol: 247 (elevated)." when a value was said after the name, else "Hemoglobin: low.". */
    private static String withLead(Optional<String> said, String name, String reading) {
        String prefix = name + ": ";
        if (said.isPresent() && said.get().startsWith(prefix)) {
            String value = said.get().substring(prefix.length(), said.get().length() - 1);
            if (!value.isEmpty() && Character.isDigit(value.charAt(0)) && !value.contains("(")) {
                return prefix + value + (reading.equals("low") || reading.equals("elevated") ? " (" + reading + ")" : "") + ".";
            }
        }
        return prefix + reading + ".";
    }

    private static String charted(String reading) {
        String lower = reading.toLowerCase(Locale.ROOT);
        return lower.equals("high") ? "elevated" : lower;
    }

    /** What only a lab reads: a value or a level. */
    private static final Pattern LAB_READING = Pattern.compile("(?i)^(?:\\d[\\d.,]*%?(?: \\S+)?|low|elevated|high)$");
    /** Readings of a lab that can stand as its result; "fracture" and "worse" need their sentence. */
    private static final Set<String> READINGS = Set.of("normal", "abnormal", "high", "low", "positive", "negative",
            "stable", "borderline");

    private record Term(Pattern pattern, String name) {}

    private static final List<Term> FINDINGS = new ArrayList<>();
    private static final Pattern NEGATION = Pattern.compile("(?i)\\b(?:no|without|negative for|not any|not show|"
            + "did not show|did ?n't show|does ?n't show|does not show|no signs? of|no evidence of|free of|(?:do|does|did) ?n't (?:have|see)|"
            + "(?:do|does|did) not (?:have|see)|not seeing)\\b[\\w\\s,]{0,30}$");
    private static final Pattern MODIFIER = Pattern.compile("(?i)\\b(mild[- ]to[- ]moderate|moderate[- ]to[- ]severe|trace|small|mild|moderate|large|severe|"
            + "significant|minimal|possible)\\s+$");
    private static final Pattern EF = Pattern.compile("(?i)\\b(?:ejection fraction|ef|pumping function(?: of (?:\\w+ ){0,2}heart)?)\\b(?:\\s+(?:of|is|was|at|about|around|"
            + "approximately))*\\s+(\\d{1,2})\\s*(?:%|percent)");
    private static final Pattern NEGATED_READING = Pattern.compile("(?i)\\b(?:not|n't|never)\\b|n't\\b");
    private static final Map<String, String> DISPLAY = Map.ofEntries(Map.entry("mri", "MRI"),
            Map.entry("ct scan", "CT scan"), Map.entry("ekg", "EKG"), Map.entry("ldl", "LDL"), Map.entry("hdl", "HDL"),
            Map.entry("tsh", "TSH"), Map.entry("bun", "BUN"), Map.entry("psa", "PSA"), Map.entry("inr", "INR"),
            Map.entry("bnp", "BNP"), Map.entry("egfr", "eGFR"), Map.entry("hemoglobin a1c", "Hemoglobin A1c"),
            Map.entry("free t4", "Free T4"), Map.entry("x-ray", "X-ray"), Map.entry("chest x-ray", "Chest x-ray"),
            Map.entry("covid test", "COVID test"), Map.entry("bone density scan", "DEXA scan"),
            Map.entry("ast", "AST"), Map.entry("alt", "ALT"), Map.entry("non-hdl cholesterol", "Non-HDL cholesterol"),
            Map.entry("hepatitis c antibody", "Hepatitis C antibody"));

    static {
        term("fractures?|break|broken bones?", "fracture");
        term("effusions?|fluid in the (?:knee|joint)", "effusion");
        term("dislocations?|dislocated", "dislocation");
        term("osteoarthritis|arthritis|arthritic changes", "arthritis");
        term("degenerative (?:changes|disease|joint disease)", "degenerative changes");
        term("abnormal diastolic filling|diastolic dysfunction", null);
        term("(?:disc|disk) degeneration|degenerative (?:disc|disk) disease", "disc degeneration");
        term("(?:bony|bone) abnormalit(?:y|ies)", "bony abnormality");
        term("joint space narrowing|narrowing of the joint space", "joint space narrowing");
        term("bone spurs?|osteophytes?", "osteophytes");
        term("(?:meniscal|meniscus|acl|rotator cuff|labral|ligament) tear|torn (?:meniscus|acl|rotator cuff|ligament)",
                "tear");
        term("pneumonia|infiltrates?|consolidation", "pneumonia");
        term("(?:low|lowish|low-ish|reduced|decreased|weak)(?: \\w+)? pumping function|pumping function (?:of (?:\\w+ ){0,2}heart )?"
                + "(?:is|was) (?:\\w+ ){0,2}(?:low|reduced|decreased|weak)", "reduced ejection fraction");
        term("fluid (?:in|on|around) (?:the |your |her |his |their )?lungs?|pleural effusions?", "fluid in the lungs");
        term("(?:good|normal) (?:bony|boney|bone) alignment", "normal alignment");
        term("(?:kidney |renal )?stones?", "stone");
        term("hydronephrosis", "hydronephrosis");
        term("gallstones", "gallstones");
        term("(?:mitral|aortic|tricuspid) (?:valve )?(?:regurgitation|stenosis|insufficiency|prolapse)", null);
        term("(?:herniated disc|disc herniation|bulging disc|spinal stenosis)", null);
        term("normal sinus rhythm|sinus rhythm|atrial fibrillation|a-fib|afib", null);
        term("st (?:segment )?(?:elevation|depression)s?", null);
        term("cardiomegaly|enlarged heart", "cardiomegaly");
        term("(?:pulmonary )?nodules?", "nodule");
        term("mass(?:es)?", "mass");
        term("cysts?", "cyst");
        term("blockages?|blocked arter(?:y|ies)", "blockage");
        term("ischemia", "ischemia");
    }

    private ResultLines() {}

    static boolean hasResultWord(String text) {
        return RESULT_CUE.matcher(text).find() && !ClinicalExtractor.testsNamed(text).isEmpty();
    }

    /**
     * The results line composed from a spoken sentence the gate cut short ("heart at about 45%" from "it
     * showed ... pumping function of your heart at about 45%"), or empty when only the sentence itself would do.
     */
    static Optional<String> composedFromSaid(String said, List<Evidence> evidence, EncounterFacts facts) {
        if (!IMAGING_ONLY.matcher(said).find()) {
            return Optional.empty();
        }
        return of(said, evidence, facts).filter(line -> !line.equals(said));
    }

    /** The results line for a sentence that reports a result, or empty when it reports none. */
    static Optional<String> of(String text, List<Evidence> evidence, EncounterFacts facts) {
        if (!RESULT_CUE.matcher(text).find() || NOT_YET.matcher(text).find()) {
            return Optional.empty();
        }
        List<TestResult> tests = ClinicalExtractor.testsNamed(text);
        if (tests.isEmpty()) {
            return imagingOnly(text, evidence, facts);
        }
        List<String> lines = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            TestResult test = tests.get(i);
            if (named.contains(test.test())) {
                continue; // "TSH low, the rest of the thyroid panel normal": the first reading is the test's
            }
            String said = text.substring(test.end(), i + 1 < tests.size() ? tests.get(i + 1).start() : text.length());
            Matcher lead = READING_BEFORE.matcher(text.substring(i == 0 ? 0 : tests.get(i - 1).end(), test.start()));
            // "a low hemoglobin, stable hematocrit": the reading said before the name is the test's own
            Optional<String> line = line(test, said, evidence, facts);
            if (lead.find() && !test.test().equals(GENERIC_LABS)) {
                line = Optional.of(withLead(line, name(test, evidence, facts), charted(lead.group(1))));
            }
            if (line.isPresent()) {
                named.add(test.test());
                lines.add(line.get());
            }
        }
        // a named test whose findings are not in the lexicon: the checked sentence, still under results
        return Optional.of(lines.isEmpty() ? text : String.join(" ", lines));
    }

    /**
     * The results line for one test from what was said after its name ("Hemoglobin A1c: 8 (elevated).",
     * "Right knee x-ray: no fracture, small effusion."), or empty when nothing said there is a reading.
     */
    static Optional<String> line(TestResult test, String said, List<Evidence> evidence, EncounterFacts facts) {
        return line(test, said, evidence, evidence, false, facts);
    }

    /**
     * As {@link #line(TestResult, String, List, EncounterFacts)}, the study's site read only within {@code site}, and
     * no value or level given to an image ("four views", "high grade" are not what it shows).
     */
    static Optional<String> imageAwareLine(TestResult test, String said, List<Evidence> evidence, List<Evidence> site,
                                           EncounterFacts facts) {
        return line(test, said, evidence, site, test.kind() == TestResult.Kind.IMAGING, facts);
    }

    private static Optional<String> line(TestResult test, String said, List<Evidence> evidence, List<Evidence> site,
                                         boolean imaging, EncounterFacts facts) {
        // "not elevated" stays as said: neither a measured value nor a reading word replaces it
        boolean negated = NEGATED_READING.matcher(said).find();
        List<String> findings = new ArrayList<>(lexicon(said));
        List<String> measured = negated ? List.of() : measured(test, evidence, facts);
        Optional<String> valueSaid = test.kind() == TestResult.Kind.IMAGING ? Optional.empty() : valueSaid(said);
        if (valueSaid.isPresent()) {
            List<String> read = negated ? List.of() : reading(said);
            findings.add(0, valueSaid.get() + (read.isEmpty() || !List.of("low", "elevated").contains(read.get(0))
                    ? "" : " (" + read.get(0) + ")")); // "Hemoglobin A1c: 8 (elevated).", never a bare "elevated"
        } else if (findings.isEmpty()) {
            boolean value = !measured.isEmpty() && Character.isDigit(measured.get(0).charAt(0));
            findings = value ? measured : negated ? List.of() : reading(said);
            if (findings.isEmpty()) {
                findings = measured;
            }
        }
        if (imaging) {
            findings = findings.stream().filter(f -> !LAB_READING.matcher(f).matches()).toList();
        }
        boolean genericNotNormal = test.test().equals(GENERIC_LABS)
                && !ALL_NORMAL.matcher(String.join(", ", findings)).matches();
        if (findings.isEmpty() || genericNotNormal) {
            return Optional.empty(); // "blood work ... revealed a low hemoglobin": the reading is the named lab's
        }
        return Optional.of(name(test, site, facts) + ": " + String.join(", ", findings) + ".");
    }

    /**
     * "You actually have a fracture." said by the clinician just after "let's look at your x-ray": what the
     * image shows, a result, though worded like history.
     */
    static boolean readsAnImage(String content, int from, String source) {
        if (!IMAGING_ONLY_FRACTURE.matcher(content).find()) {
            return false;
        }
        int windowStart = Math.max(0, from - LOOK_BACK);
        return ClinicalExtractor.testsNamed(source.substring(windowStart, from)).stream()
                .anyMatch(t -> t.kind() == TestResult.Kind.IMAGING);
    }

    /**
     * "There is no fracture." said after "let's look at the x-ray of your right knee": a finding only an
     * image shows belongs to the imaging study named just before it (the test's name joins the evidence);
     * with no study named nearby it still goes to the results, as said.
     */
    private static Optional<String> imagingOnly(String text, List<Evidence> evidence, EncounterFacts facts) {
        if (!IMAGING_ONLY.matcher(text).find() || facts == null || evidence.isEmpty()) {
            return Optional.empty();
        }
        int from = evidence.get(0).start();
        int windowStart = Math.max(0, from - LOOK_BACK);
        List<TestResult> before = ClinicalExtractor.testsNamed(facts.source().substring(windowStart, from));
        List<String> findings = findings(text);
        for (int i = before.size() - 1; i >= 0; i--) {
            TestResult t = before.get(i);
            boolean imaging = t.kind() == TestResult.Kind.IMAGING;
            if ((imaging || !IMAGING_ONLY_FRACTURE.matcher(text).find()) && !findings.isEmpty()) {
                List<Evidence> withName = new ArrayList<>(evidence);
                // the site is read from the sentence that named the study
                int nameStart = windowStart + t.start();
                org.chartscribe.transcript.Sentence naming = facts.sentenceAt(nameStart);
                withName.add(naming == null ? new Evidence(nameStart, windowStart + t.end())
                        : new Evidence(naming.start(), naming.end()));
                return Optional.of(name(t, withName, facts) + ": " + String.join(", ", findings) + ".");
            }
        }
        return Optional.of(text);
    }

    /** The findings said after a test's name, in spoken order, each with its negation and size. */
    static List<String> findings(String said) {
        List<String> out = lexicon(said);
        return out.isEmpty() && !NEGATED_READING.matcher(said).find() ? reading(said) : out;
    }

    /** "a1c has been a little high at 8": a lab's value said just after its name, which the extractor missed. */
    private static final Pattern VALUE_SAID = Pattern.compile("(?i)\\b(?:is|was|of|at|to)\\s+(?:about\\s+|around\\s+)?"
            + "(\\d+(?:\\.\\d+)?)(\\s*(?:%|percent))?(?![\\d/]|\\.\\d)");
    private static final int VALUE_REACH = 40;
    private static final Pattern VALUE_LEAD = Pattern.compile("(?i)[\\s,]*(?:(?:has|have|had|been|it|it's|a|little|bit|"
            + "slightly|very|high|low|elevated|up|down|now|still|today|came|back|level|levels|was|is|value)[\\s,]+)*");

    private static Optional<String> valueSaid(String said) {
        Matcher m = VALUE_SAID.matcher(said);
        // only words about the value may stand between the test and it: "ast at 39" after "liver panel ... showed
        // an elevated" is another test's value
        if (m.find() && m.start() < VALUE_REACH && VALUE_LEAD.matcher(said.substring(0, m.start())).matches()) {
            return Optional.of(m.group(1) + (m.group(2) == null ? "" : "%"));
        }
        return Optional.empty();
    }

    /**
     * A reading said in words; a low or high value is read before any "normal" in the same breath, so a low
     * TSH never becomes a normal one.
     */
    private static List<String> reading(String said) {
        String lower = said.toLowerCase(Locale.ROOT);
        for (Map.Entry<Pattern, String> reading : READING_WORDS) {
            if (reading.getKey().matcher(lower).find()) {
                return List.of(reading.getValue());
            }
        }
        return List.of();
    }

    /** Reading words in the order they win, each with how it is charted ("high" as "elevated"). */
    private static final List<Map.Entry<Pattern, String>> READING_WORDS = java.util.stream.Stream.of("(?:high|low) end of normal", "low", "elevated", "high",
            "up (?:slightly|a (?:little )?bit|a little)", "higher than normal", "above normal", "lower than normal",
            "below normal", "unremarkable", "within normal limits", "abnormal", "normal",
            "negative", "positive")
            .map(word -> Map.entry(Pattern.compile("\\b" + word + "\\b"),
                    word.equals("high") || word.startsWith("up ") || word.startsWith("higher") || word.startsWith("above")
                            ? "elevated" : word.startsWith("lower") || word.startsWith("below") ? "low"
                            : word.contains("end of normal") ? "normal" : word))
            .toList();

    private static List<String> lexicon(String said) {
        String lower = said.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        Matcher ef = EF.matcher(lower);
        if (ef.find()) {
            out.add("EF " + ef.group(1) + "%");
        }
        record Hit(int at, String text) {}
        List<Hit> hits = new ArrayList<>();
        for (Term term : FINDINGS) {
            Matcher m = term.pattern().matcher(lower);
            while (m.find()) {
                String before = lower.substring(Math.max(0, m.start() - 40), m.start());
                String name = term.name() == null ? m.group() : term.name();
                Matcher size = MODIFIER.matcher(before);
                if (NEGATION.matcher(before).find() && !before.contains(" but ")) {
                    name = "no " + name;
                } else if (size.find()) {
                    name = size.group(1) + " " + name;
                }
                hits.add(new Hit(m.start(), name));
            }
        }
        hits.sort(java.util.Comparator.comparingInt(Hit::at));
        boolean efSaid = !out.isEmpty();
        hits.stream().filter(h -> !(efSaid && h.text().equals("reduced ejection fraction"))).forEach(h -> out.add(h.text()));
        return new ArrayList<>(out);
    }

    /** A lab value or its reading from the extracted results inside the sentence ("7.2%", "elevated"). */
    private static List<String> measured(TestResult named, List<Evidence> evidence, EncounterFacts facts) {
        if (facts == null) {
            return List.of();
        }
        for (TestResult r : facts.extraction().results()) {
            if (r.test().equals(named.test()) && inside(r.start(), r.end(), evidence)) {
                if (r.value() != null) {
                    String unit = r.unit() == null ? "" : r.unit().equals("%") ? "%" : " " + r.unit();
                    return List.of(r.value().toPlainString() + unit);
                }
                if (r.interpretation() != null && READINGS.contains(r.interpretation())) {
                    return List.of(r.interpretation().equals("high") ? "elevated" : r.interpretation());
                }
            }
        }
        return List.of();
    }

    /** "Right knee x-ray" when the sentence names the site and side of an imaging study, else the test. */
    private static String name(TestResult test, List<Evidence> evidence, EncounterFacts facts) {
        String display = DISPLAY.getOrDefault(test.test(), capitalized(test.test()));
        if (test.kind() != TestResult.Kind.IMAGING || facts == null || test.test().equals("chest x-ray")) {
            return display;
        }
        for (BodySite site : facts.extraction().bodySites()) {
            if (inside(site.start(), site.end(), evidence) && !site.site().equals("heart")) {
                String side = site.laterality() == null ? "" : switch (site.laterality()) {
                    case LEFT -> "left ";
                    case RIGHT -> "right ";
                    case BILATERAL -> ""; // "both knees" is not always said as "bilateral"
                };
                return capitalized(side + site.site() + " " + (display.equals("X-ray") ? "x-ray" : display));
            }
        }
        return display;
    }

    private static boolean inside(int start, int end, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (start >= e.start() && end <= e.end()) {
                return true;
            }
        }
        return false;
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void term(String regex, String name) {
        FINDINGS.add(new Term(Pattern.compile("\\b(?:" + regex + ")\\b"), name));
    }
}
