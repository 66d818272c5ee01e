package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Medication;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/** Drug lines of the plan: start, continue, refill, change, stop or avoid, with the dose, route and frequency said with the drug. */
final class DrugPlanLines {

    private DrugPlanLines() {}

    private static final Pattern AS_NEEDED = Pattern.compile("\\b(?:as needed|prn|when needed|if needed|as necessary)\\b");
    private static final Pattern INCREASE = Pattern.compile("\\b(?:increase|increasing|up|raise|bump|higher|double)\\b");
    private static final Pattern DECREASE = Pattern.compile("\\b(?:decrease|decreasing|lower|reduce|reducing|cut|wean|"
            + "taper|half)\\b");
    private static final Pattern REFILL = Pattern.compile("\\brefill");

    private static final Pattern CURRENT_MEDICATIONS = Pattern.compile("\\bcontinue (?:(?:you|her|him|them) )?(?:on )?"
            + "(?:(?:your|her|his|their|the|all) )?(?:current|same|other|present) (?:medications|medicines|meds|regimen)\\b");

    /** A drug word: letters, a hyphen or digits inside a name ("vitamin d", "b12"). */
    private static final Pattern NAME_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9\\-]*");

    /** Drug classes and the conditions they treat: how an item said before any problem finds its problem. */
    private static final Map<String, List<String>> INDICATIONS = Map.ofEntries(
            Map.entry("ace inhibitor", List.of("hypertension", "heart failure")),
            Map.entry("arb", List.of("hypertension", "heart failure")),
            Map.entry("calcium channel blocker", List.of("hypertension")),
            Map.entry("antihypertensive", List.of("hypertension")),
            Map.entry("beta blocker", List.of("hypertension", "heart failure", "coronary artery disease")),
            Map.entry("diuretic", List.of("heart failure", "hypertension")),
            Map.entry("antidiabetic", List.of("diabetes")), Map.entry("insulin", List.of("diabetes")),
            Map.entry("statin", List.of("hyperlipidemia", "coronary artery disease")),
            Map.entry("lipid lowering", List.of("hyperlipidemia")),
            Map.entry("thyroid", List.of("hypothyroidism", "hyperthyroidism")),
            Map.entry("proton pump inhibitor", List.of("gerd")), Map.entry("h2 blocker", List.of("gerd")),
            Map.entry("triptan", List.of("migraine")), Map.entry("ssri", List.of("depression", "anxiety")),
            Map.entry("snri", List.of("depression", "anxiety")), Map.entry("antidepressant", List.of("depression")),
            Map.entry("bronchodilator", List.of("asthma", "copd")), Map.entry("inhaler", List.of("asthma", "copd")),
            Map.entry("leukotriene antagonist", List.of("asthma")), Map.entry("gout", List.of("gout")),
            Map.entry("antiplatelet", List.of("coronary artery disease", "myocardial infarction", "stroke")),
            Map.entry("anticoagulant", List.of("atrial fibrillation", "deep vein thrombosis", "pulmonary embolism")));

    /** "Continue current medications." when said so, without naming them. */
    static void currentMedications(EncounterFacts facts, int regionStart, Map<String, PlanDraft> drafts) {
        for (Sentence s : facts.sentences()) {
            if (s.start() >= regionStart && ProblemList.clinician(s)
                    && CURRENT_MEDICATIONS.matcher(s.text().toLowerCase(Locale.ROOT)).find()) {
                PlanSentences.merge(drafts, new PlanDraft("Continue current medications.", PlanSentences.Kind.MEDICATION, "current-medications",
                        s.start(), new Evidence(s.start(), s.end()), List.of()));
                return;
            }
        }
    }

    static PlanDraft medication(EncounterFacts facts, PlanItem item, String clause, Evidence evidence, ItemSpan span) {
        Medication m = item.medication();
        if (m == null || m.status() == Medication.Status.MENTIONED || m.status() == Medication.Status.NOT_TAKING) {
            return null;
        }
        String name = spokenName(facts.source(), m);
        if (name == null) {
            return null;
        }
        String window = window(facts, m, span);
        Medication.Status status = saidToContinue(facts, m) || alreadyTaking(facts, m) ? Medication.Status.CONTINUED
                : m.status();
        String verb;
        int verbRank;
        if (AVOID.matcher(window).find()) {
            verb = "Avoid";
            verbRank = 4;
        } else {
            switch (status) {
                case STARTED -> {
                    verb = "Start";
                    verbRank = 3;
                }
                case STOPPED -> {
                    verb = "Stop";
                    verbRank = 4;
                }
                case CONTINUED -> {
                    verb = REFILL.matcher(clause).find() ? "Refill" : "Continue";
                    verbRank = 2;
                }
                case CHANGED -> {
                    verb = DECREASE.matcher(clause).find() ? "Decrease" : INCREASE.matcher(clause).find() ? "Increase"
                            : "Adjust";
                    verbRank = 5;
                }
                default -> {
                    return null;
                }
            }
        }
        PlanDraft d = new PlanDraft("", PlanSentences.Kind.MEDICATION, "med:" + m.name(), span.start(), evidence,
                INDICATIONS.getOrDefault(m.drugClass() == null ? "" : m.drugClass(), List.of()));
        d.command = PlanSentences.COMMAND.matcher(clause).find() || PlanSentences.sentenceHasCommand(facts, item.start());
        // a voice command ("order Prozac 40 mg") repeats the drug; the clinician's own words say what is done
        d.verbRank = d.command ? 1 : verbRank;
        d.verb = verb;
        d.drug = name;
        String after = facts.source().substring(m.start(), Math.max(m.start(), windowEnd(facts, m, span)))
                .toLowerCase(Locale.ROOT);
        Matcher next = NEXT_CLAUSE.matcher(after);
        if (next.find()) {
            after = after.substring(0, next.start()); // "continue the ibuprofen and ice it twice a day"
        }
        d.dosing = verb.equals("Stop") || verb.equals("Avoid") ? "" : dosing(m, after, verb.equals("Continue"));
        d.renderMedication();
        return d;
    }

    private static final Pattern AVOID = Pattern.compile("\\b(?:avoid|not (?:to )?take|do ?n't take|do not take|"
            + "stay away from|no more|stop taking)\\b[^.]*$");
    /** Where speech moves on from the drug to the next thing said. */
    private static final Pattern NEXT_CLAUSE = Pattern.compile("\\b(?:and (?:i|we|you|then|also)|but|so|okay|i also|"
            + "we also|also want|and let's|and ice|and rest)\\b");
    private static final Pattern NEXT_DRUG_GAP = Pattern.compile("\\b(?:along with|and|plus|as well as)\\b");

    /**
     * The words said with this drug: from a little before it to its dosing, not into the next drug
     * ("meloxicam once a day along with Ultram every 4 hours as needed").
     */
    private static String window(EncounterFacts facts, Medication m, ItemSpan item) {
        int from = Math.max(item.start(), m.start() - WINDOW_BEFORE);
        int to = Math.min(item.end(), m.end() + WINDOW_AFTER);
        for (Medication other : facts.extraction().medications()) {
            if (other.start() > m.end() && other.start() < to) {
                to = other.start();
            }
        }
        String w = facts.source().substring(from, to).toLowerCase(Locale.ROOT);
        int mAt = m.start() - from;
        Matcher gap = NEXT_DRUG_GAP.matcher(w);
        if (to < Math.min(item.end(), m.end() + WINDOW_AFTER) && gap.find(Math.min(w.length(), m.end() - from))) {
            w = w.substring(0, gap.start()); // cut before the words that lead into the next drug
        }
        return w.length() >= mAt ? w : facts.source().substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** Where the words said with this drug end: its dosing, not the next drug. */
    private static int windowEnd(EncounterFacts facts, Medication m, ItemSpan item) {
        int to = Math.min(item.end(), m.end() + WINDOW_AFTER);
        for (Medication other : facts.extraction().medications()) {
            if (other.start() > m.end() && other.start() < to) {
                to = other.start();
            }
        }
        return to;
    }

    private static final int WINDOW_BEFORE = 50;
    private static final int WINDOW_AFTER = 60;

    private static final Pattern CONTINUE_BEFORE = Pattern.compile("\\b(?:continue|keep (?:you|her|him|them) on|stay on)\\b"
            + "(?![^.?!]*\\b(?:start|begin|increase|decrease|stop)\\b)[^?!]*$");

    /** "continue you on this ... on the Synthroid": a continuation the sentence break hid from the extractor. */
    private static boolean saidToContinue(EncounterFacts facts, Medication m) {
        if (m.status() != Medication.Status.STARTED) {
            return false;
        }
        String before = facts.source().substring(Math.max(0, m.start() - CONTINUE_REACH), m.start()).toLowerCase(Locale.ROOT);
        int speaker = Math.max(before.lastIndexOf("[patient]"), before.lastIndexOf("patient:"));
        return speaker < 0 && CONTINUE_BEFORE.matcher(before).find();
    }

    private static final int CONTINUE_REACH = 60;

    /**
     * "I take lisinopril 20 mg" earlier, then "we'll put you on lisinopril": the patient is already on it,
     * so the plan continues it (a new dose is read as a change, not here). Charting "start" for a drug the
     * patient takes was the review's most frequent wrong plan item.
     */
    private static boolean alreadyTaking(EncounterFacts facts, Medication m) {
        if (m.status() != Medication.Status.STARTED) {
            return false;
        }
        for (Medication earlier : facts.extraction().medications()) {
            if (earlier.start() >= m.start()) {
                break;
            }
            if (earlier.name().equals(m.name()) && (earlier.status() == Medication.Status.CONTINUED
                    || earlier.status() == Medication.Status.MENTIONED && MedicationList.isCurrent(facts, earlier))
                    && !newDose(earlier, m)) {
                return true;
            }
        }
        return false;
    }

    /** "Motrin 800 three times a day" for a patient who took some Motrin is a prescription, not a continuation. */
    private static boolean newDose(Medication before, Medication now) {
        return now.dose() != null && (before.dose() == null || before.dose().compareTo(now.dose()) != 0);
    }

    /** " 40 mg daily as needed": what was said with the drug, in chart order. */
    private static String dosing(Medication m, String window, boolean continued) {
        StringBuilder sb = new StringBuilder();
        Matcher change = FROM_TO.matcher(org.chartscribe.clinical.SpokenNumbers.withDigits(window));
        Matcher written = WRITTEN_DOSE.matcher(window);
        if (change.find()) {
            sb.append(' ').append(change.group(1)).append(' ').append(unit(change.group(2))); // "from 10 to 20 mg": the new dose
        } else if (written.find()) {
            sb.append(' ').append(written.group(1)).append(' ').append(unit(written.group(2))); // "1,000 mg" as written
        } else if (m.dose() != null && m.dose().signum() > 0) {
            sb.append(' ').append(m.dose().stripTrailingZeros().toPlainString());
            if (m.unit() != null) {
                sb.append(' ').append(m.unit());
            }
        }
        if (m.route() != null && !m.route().equals("oral")) {
            sb.append(' ').append(m.route());
        }
        String frequency = frequencyIn(window);
        if (frequency == null && m.dose() != null && m.dose().signum() > 0) {
            frequency = m.frequency(); // read with a dose; alone it may be another thing's ("ice it twice a day")
        }
        if (frequency != null) {
            sb.append(' ').append(frequency);
        }
        if (AS_NEEDED.matcher(window).find() && (frequency == null || !frequency.contains("needed"))) {
            sb.append(" as needed");
            Matcher forWhat = AS_NEEDED_FOR.matcher(window);
            if (forWhat.find()) {
                sb.append(" for ").append(forWhat.group(1)); // "as needed for pain": what the patient takes it for
            }
        }
        if (WITH_FOOD.matcher(window).find()) {
            sb.append(" with food");
        }
        Matcher course = COURSE.matcher(org.chartscribe.clinical.SpokenNumbers.withDigits(window));
        // "you've been on it for two weeks" is the history of a drug continued; "for another week" is its plan
        if (course.find() && (!continued || course.group().contains("next") || course.group().contains("another"))) {
            String amount = course.group(1).equals("a") || course.group(1).equals("one") ? "1" : course.group(1);
            String unit = course.group(2);
            sb.append(" for ").append(amount).append(' ').append(amount.equals("1") ? unit : unit + "s");
        }
        return sb.toString();
    }

    /** What a drug taken as needed is for, when said with it. */
    private static final Pattern AS_NEEDED_FOR = Pattern.compile("\\b(?:as needed|if needed|when needed) for (?:the )?"
            + "(pain|nausea|sleep|anxiety|itching|headaches?|muscle spasms?|spasms|wheezing|shortness of breath|cough|fever)\\b");
    private static final Pattern WITH_FOOD = Pattern.compile("\\b(?:with|after) (?:food|meals|a meal|your meals)\\b");
    /** "for 10 days", "for the next two weeks", "for a week": how long a course of the drug runs. */
    private static final Pattern COURSE = Pattern.compile("\\bfor (?:the next |another )?(\\d{1,3}|a|one) (day|week|month)s?\\b");

    /** "from 10 milligrams to 20 milligrams", "from ten to twenty milligrams": a change names the dose it goes to. */
    private static final Pattern FROM_TO = Pattern.compile("\\bfrom (?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*"
            + "(?:mg|milligrams?|mcg|micrograms?|units?)?\\s+(?:up |down )?to\\s+(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*"
            + "(mg|milligrams?|mcg|micrograms?|g|grams?|ml|milliliters?|units?)\\b");

    /** A dose said in digits right after the drug. */
    private static final Pattern WRITTEN_DOSE = Pattern.compile("^[a-z\\- ]{0,30}?\\b(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)"
            + "\\s*(mg|milligrams?|mcg|micrograms?|g|grams?|ml|milliliters?|units?)\\b");

    private static String unit(String said) {
        return switch (said) {
            case "milligram", "milligrams" -> "mg";
            case "microgram", "micrograms" -> "mcg";
            case "gram", "grams" -> "g";
            case "milliliter", "milliliters" -> "ml";
            case "unit" -> "units";
            default -> said;
        };
    }

    private static final Pattern TIMES_A_DAY = Pattern.compile("\\b(once|one time|twice|two times|three times|four times)"
            + " (?:a|per|each) day\\b|\\b(once|twice) daily\\b|\\bevery (\\w+) hours\\b|\\b(daily|every day|nightly|"
            + "at night|at bedtime|every morning|weekly|once a week)\\b");

    /** The frequency said right with the drug; it wins over a frequency read from a wider clause. */
    private static String frequencyIn(String window) {
        Matcher f = TIMES_A_DAY.matcher(window);
        if (!f.find()) {
            return null;
        }
        String times = f.group(1) != null ? f.group(1) : f.group(2);
        if (times != null) {
            return switch (times) {
                case "once", "one time" -> "daily";
                case "twice", "two times" -> "twice daily";
                default -> times + " daily";
            };
        }
        if (f.group(3) != null) {
            String n = org.chartscribe.clinical.SpokenNumbers.withDigits(f.group(3)).trim();
            return n.matches("\\d+(?:-\\d+)?") ? "every " + n + " hours" : null;
        }
        return switch (f.group(4)) {
            case "daily", "every day" -> "daily";
            case "nightly", "at night", "at bedtime" -> "at bedtime";
            case "every morning" -> "every morning";
            default -> "weekly";
        };
    }

    /** The drug as the clinician said it ("Lasix", "lisinopril"), so the note names what the transcript names. */
    private static String spokenName(String source, Medication m) {
        String span = source.substring(m.start(), m.end());
        Matcher w = NAME_WORD.matcher(span);
        List<String> words = new ArrayList<>();
        int last = -1;
        while (w.find() && words.size() < 3) {
            if (last >= 0 && !span.substring(last, w.start()).isBlank()) {
                break; // a comma or other punctuation ends the name
            }
            String word = w.group().toLowerCase(Locale.ROOT);
            if (!org.chartscribe.clinical.SpokenNumbers.withDigits(word).equals(word)) {
                break; // "lisinopril twenty milligrams"
            }
            if (word.matches("mg|milligrams?|mcg|micrograms?|units?|ml|grams?|you|know|um|uh|like|of|daily|twice|once|"
                    + "every|a|the|per|by|mouth|at|in|to|and|with|tablets?|pills?|puffs?|up|on|from|dose|now|then|again|or|for|"
                    + "is|was|as|that|it")) {
                break;
            }
            words.add(word);
            last = w.end();
        }
        if (words.isEmpty()) {
            return null;
        }
        String name = String.join(" ", words);
        return m.brandNameUsed() ? ClinicalGrammar.capitalise(name) : name;
    }
}
