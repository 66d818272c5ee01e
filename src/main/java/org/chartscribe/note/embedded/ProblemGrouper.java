package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.ClinicalExtractor;
import org.chartscribe.clinical.Diagnosis;
import org.chartscribe.note.SoapPart;

/**
 * Groups assessment and plan sentences by the problem they address, for the problem-oriented
 * template. A problem starts where the clinician names one ("for your first problem, your back
 * pain", "from a depression standpoint", "consistent with ...", a dictated "Assessment: x, ...");
 * following sentences belong to it until the next one is named. Labels are the clinician's words.
 */
final class ProblemGrouper {

    /** A problem and its sentences; {@code label} is null for sentences said before any problem was named. */
    record Problem(String label, List<Classified> items) {
        List<Classified> items(SoapPart part) {
            return items.stream().filter(i -> i.part() == part).toList();
        }

        /** Redacted: the label and sentences are the patient's. */
        @Override
        public String toString() {
            return "Problem[label=" + (label == null ? "none" : "<" + label.length() + " chars>") + ", items="
                    + items.size() + "]";
        }
    }

    private static final String NAME = "([a-z][a-z'\\- ]{2,40}?)";
    private static final String END = "(?=[,.;:!?]| and i | i | we | which | that | but | is | are | has | it | she | he "
            + "| they | the patient |$)";
    private static final String WHOSE = "(?:the patient's |your |the |his |her |their )";

    /** A way of naming a problem; it is tried only when one of its words occurs (most sentences name none). */
    private record Marker(Pattern pattern, String... needles) {
        boolean mayMatch(String lower) {
            for (String needle : needles) {
                if (lower.contains(needle)) {
                    return true;
                }
            }
            return needles.length == 0;
        }
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker(Pattern.compile("(?:first|second|third|fourth|fifth|next|last|other|new) (?:problem|issue),? "
                    + "(?:is |of )?" + WHOSE + "?" + NAME + END), "problem", "issue"),
            new Marker(Pattern.compile("from an? " + NAME + " standpoint"), "standpoint"),
            new Marker(Pattern.compile("(?:in terms of|regarding|as for|as far as|with regards? to|with respect to|"
                    + "moving on to|turning to|going back to|now for|so for|and for|, for|^for) " + WHOSE + NAME + END),
                    "terms of", "regarding", "as f", "regard", "respect", " to ", "for "),
            new Marker(Pattern.compile("^(?:assessment|impression|diagnosis)(?: is)?:? " + NAME + END), "assessment",
                    "impression", "diagnosis"),
            // a dictated assessment line: "Hypertension, well controlled ..."
            new Marker(Pattern.compile("^" + NAME + "(?=, (?:well|poorly|not |stable|improv|worsen|controlled|"
                    + "uncontrolled|likely|unchanged|resolv|new|chronic|acute))"), ", "),
            new Marker(Pattern.compile("(?:consistent with|diagnosis of|diagnosed with|i think (?:this is|it's|it is|"
                    + "you have)) (?:an? |the |some )?" + NAME + END), "consistent with", "diagnos", "i think"));

    /** A problem is a condition, a symptom or a health topic, not only a body part ("for your right knee"). */
    private static final Pattern NAMES_A_PROBLEM = Pattern.compile("(?:itis|osis|emia|opathy|algia|plasia|ectomy|"
            + "plasty|oma)\\b|\\b(?:pain|ache|sprain|strain|fracture|infection|syndrome|disease|disorder|injury|tear|"
            + "deficiency|reflux|failure|pressure|diabet\\w*|cancer|asthma|copd|depression|anxiety|hypertension|"
            + "cholesterol|lipid\\w*|obesity|weight|sleep|apnea|insomnia|stones?|cyst\\w*|mass|lump|nodule|lesion|rash|"
            + "cough|fever|headaches?|migraines?|dizziness|vertigo|fatigue|bleeding|nausea|vomiting|diarrhea|"
            + "constipation|swelling|edema|numbness|weakness|palpitations|murmur|thyroid\\w*|anemia|gout|"
            + "hernia|ulcer|wound|burn|concussion|dislocation|contusion|laceration|abrasion|instability|stenosis|sciatica|neuropathy|smoking|"
            + "nicotine|alcohol|substance|use|dependence|maintenance|screening|prevention|vaccin\\w*|health|"
            + "control|urinat\\w*|incontinence|dysuria|hematuria|\\w+ia)\\b");

    /** Whether the words name a condition, a symptom or a health topic. */
    static boolean namesAProblem(String lower) {
        return NAMES_A_PROBLEM.matcher(lower).find();
    }

    /** What follows "for your" without naming a problem. */
    private static final Pattern NOT_A_PROBLEM = Pattern.compile("^(?:visit|appointment|information|question|questions|"
            + "conditions?|medical|problems?|issues?|primary problem|other conditions|annual exam|normal|negative|"
            + "diagnosis|diagnoses|impression|assessment|"
            + "convenience|part|sake|time|insurance|pharmacy|next|own|safety|health|records?|chart|notes|family|exam|"
            + "examination|results?|labs?|test|tests|first|second|third|other|visit today|body|life|work|job|own good)\\b");

    private static final int MAX_LABEL_WORDS = 5;

    /** Words around a name that belong to the sentence, not to the problem ("that hep c diagnosis and"). */
    private static final Pattern LEADING = Pattern.compile("^(?:(?:for|the patient's|patient's|their|his|her|your|that|"
            + "this|the|a|an|some|my)\\s+)+");
    private static final Pattern TRAILING = Pattern.compile("(?:\\s+(?:and|diagnosis|first of all|their symptoms|"
            + "symptoms|this|that|here|today|standpoint|issue|problem|again|too|as well|the patient's|the patient|"
            + "the first|the second|the third|from (?:their|his|her|your|the) [a-z]+"
            // a phrase cut before a side or a tag ("tear of the [right knee]"): the joining words go too
            + "|of|the|in|on|at|to|with|of the|in the|on the|at the|to the|of your|of their|of his|of her))+$");

    private ProblemGrouper() {}

    static List<Problem> group(List<Classified> items) {
        List<Problem> problems = new ArrayList<>();
        Problem current = new Problem(null, new ArrayList<>());
        problems.add(current);
        for (Classified item : items) {
            Optional<String> marked = label(item.text());
            Optional<String> label = marked.isEmpty() && item.part() == SoapPart.ASSESSMENT && current.label() == null
                    ? diagnosisIn(item.text()) : marked;
            if (label.isPresent() && (current.label() == null || !current.label().equalsIgnoreCase(label.get()))) {
                Optional<Problem> existing = problems.stream()
                        .filter(p -> p.label() != null && p.label().equalsIgnoreCase(label.get())).findFirst();
                current = existing.orElseGet(() -> {
                    Problem p = new Problem(label.get(), new ArrayList<>());
                    problems.add(p);
                    return p;
                });
            }
            current.items().add(item);
        }
        return problems;
    }

    static Optional<String> label(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Marker marker : MARKERS) {
            if (!marker.mayMatch(lower)) {
                continue;
            }
            Matcher m = marker.pattern().matcher(lower);
            if (m.find()) {
                Optional<String> name = clean(m.group(1));
                if (name.isPresent() && NAMES_A_PROBLEM.matcher(name.get().toLowerCase(Locale.ROOT)).find()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    /** Every problem the text takes up, in the order said ("for your migraines, ... and for your reflux, ..."). */
    static List<String> labels(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        java.util.TreeMap<Integer, String> found = new java.util.TreeMap<>();
        for (Marker marker : MARKERS) {
            if (!marker.mayMatch(lower)) {
                continue;
            }
            Matcher m = marker.pattern().matcher(lower);
            while (m.find()) {
                Optional<String> name = clean(m.group(1));
                if (name.isPresent() && NAMES_A_PROBLEM.matcher(name.get().toLowerCase(Locale.ROOT)).find()) {
                    found.putIfAbsent(m.start(1), name.get());
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The text without the words that name the problem ("my impression, from a diabetes standpoint"). */
    static String withoutMarker(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Marker marker : MARKERS) {
            Matcher m = marker.pattern().matcher(lower);
            if (marker.mayMatch(lower) && m.find()) {
                lower = lower.substring(0, m.start()) + " " + lower.substring(m.end());
                break;
            }
        }
        return IMPRESSION.matcher(lower).replaceAll(" ");
    }

    private static final Pattern IMPRESSION = Pattern.compile("\\b(?:my|our|the) (?:impression|assessment|plan)"
            + "(?: (?:of|for) (?:you|him|her|them|the patient))?(?: (?:at this time|today|here|now))?(?: is)?\\b");

    /** The label of an assessment without a marker: the diagnosis the clinician states in it, if any. */
    static Optional<String> diagnosisIn(String text) {
        return diagnosisIn(text, false);
    }

    /**
     * @param possessed also a known condition the patient is said to have ("they do have a kidney stone"),
     *                  not only one introduced as a diagnosis
     */
    static Optional<String> diagnosisIn(String text, boolean possessed) {
        boolean has = possessed && HAS.matcher(text.toLowerCase(Locale.ROOT)).find();
        for (Diagnosis d : ClinicalExtractor.diagnoses(text)) {
            boolean stated = !d.cue().equals("mention") || has;
            if (stated && !d.assertion().negated() && !d.assertion().family() && !d.assertion().hypothetical()) {
                // the phrase when it is more specific than the canonical name ("knee sprain", not "sprain")
                boolean specific = d.condition() == null || d.phrase().contains(d.condition());
                Optional<String> name = clean(specific ? d.phrase() : d.condition());
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern HAS = Pattern.compile("\\b(?:you|he|she|they|the patient) (?:do |does |did )?"
            + "(?:have|has|had|'ve got|got)\\b");

    private static Optional<String> clean(String raw) {
        String name = TRAILING.matcher(LEADING.matcher(raw.trim()).replaceFirst("")).replaceFirst("").trim();
        if (name.length() < 3 || name.split("\\s+").length > MAX_LABEL_WORDS || NOT_A_PROBLEM.matcher(name).find()
                || !(ClinicalLexicon.isClinical(Cues.lookup(name)) || NAMES_A_PROBLEM.matcher(name).find())) {
            return Optional.empty();
        }
        return Optional.of(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
}
