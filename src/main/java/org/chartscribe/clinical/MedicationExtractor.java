package org.chartscribe.clinical;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.Medication.Status;

/**
 * Medications named in the text (built-in {@link DrugLexicon}), with the dose, route and frequency
 * said right after the name (or a dose said just before: "20 mg of lisinopril"), and a status from
 * the nearest cue in the same clause ("stopped the ibuprofen and started naproxen" gives one of
 * each). Names said as allergens ("allergic to penicillin") are allergies, not medications.
 */
final class MedicationExtractor {

    /** Characters after a name that may still describe it, unless another drug comes first. */
    private static final int AFTER = 70;
    private static final Pattern DOSE_BEFORE = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*" + Dosing.UNIT
            + "\\s*(?:of\\s+)?(?:the\\s+|your\\s+)?$");

    private record Cue(Pattern pattern, Status status) {}

    // checked nearest-first; a negated stop ("don't stop") is a continuation
    private static final List<Cue> CUES = List.of(
            new Cue(Pattern.compile("\\b(?:don't|do not|never) (?:stop|quit)\\b"), Status.CONTINUED),
            new Cue(Pattern.compile("\\b(?:not (?:on|taking)|never (?:took|taken|tried)|no longer on|haven't been taking|"
                    + "not been taking|ran out of)\\b"), Status.NOT_TAKING),
            new Cue(Pattern.compile("\\b(?:stop|stopped|stopping|discontinue|discontinued|quit|hold(?:ing)?(?! steady)|held|"
                    + "come off|came off|off of|get off|d/c)\\b"), Status.STOPPED),
            new Cue(Pattern.compile("\\b(?:increase|increased|increasing|decrease|decreased|decreasing|change|changed|"
                    + "switch|switched|switching|adjust|adjusted|double|doubled|bump up|bumped|titrate|reduce|reduced|"
                    + "lower the dose|lower your|raise the dose|go up on|cut back on)\\b"), Status.CHANGED),
            // "since we've put you on the Protonix": started at an earlier visit, taken now
            new Cue(Pattern.compile("\\b(?:we've|we have|i've|i have|they've|they have|since we|since they|when we|"
                    + "when they|we|they) (?:put|started) (?:you|him|her|me|them) on\\b"), Status.CONTINUED),
            new Cue(Pattern.compile("\\b(?:start|started|starting|begin|began|prescribe|prescribed|prescribing|"
                    + "put you on|put him on|put her on|try|trial of|add|added|adding|initiate|give you|new prescription|order|"
                    + "send in|sent in|call in|treat (?:you|him|her|it|this|that) with|going to give|gonna give|"
                    + "we'll give|i'll give|(?:we'll|we will|let's|i'll) (?:do|go with|use))\\b"), Status.STARTED),
            new Cue(Pattern.compile("\\b(?:continue|continuing|keep taking|keep you on|stay on|remain on|refill|"
                    + "refilled)\\b"), Status.CONTINUED));
    /** Weak evidence of current use, only when no cue above is in the clause ("start you on" is a start). */
    private static final Pattern TAKING = Pattern.compile("\\b(?:still taking|still on|currently on|currently taking|"
            + "been taking|i take|i'm taking|i am taking|taking|takes|on)\\b");

    private MedicationExtractor() {}

    static List<Medication> extract(NormalizedText nt, List<Clauses.Span> clauses) {
        String lower = nt.text();
        List<DrugLexicon.DrugMention> mentions = DrugLexicon.builtIn().find(lower);
        List<Medication> meds = new ArrayList<>();
        Status previousCued = null;
        int previousClauseStart = -1;
        for (int i = 0; i < mentions.size(); i++) {
            DrugLexicon.DrugMention mention = mentions.get(i);
            Clauses.Span clause = Clauses.containing(clauses, mention.start());
            int previousDrugEnd = i > 0 ? mentions.get(i - 1).end() : 0;
            int before = Math.max(clause.start(), previousDrugEnd);
            String lead = lower.substring(before, mention.start());
            String sentence = lower.substring(clause.start(), clause.end());
            if (AllergyExtractor.isAllergen(sentence, mention.start() - clause.start(), mention.end() - clause.start())) {
                continue;
            }
            int nextDrugStart = i + 1 < mentions.size() ? mentions.get(i + 1).start() : lower.length();
            int windowEnd = Math.min(Math.min(clause.end(), nextDrugStart), mention.end() + AFTER);
            String tail = lower.substring(mention.end(), Math.max(mention.end(), windowEnd));

            int start = mention.start();
            int end = mention.end();
            BigDecimal dose = null;
            String unit = null;
            Matcher d = Dosing.DOSE.matcher(tail);
            if (d.find() && d.start() <= 25) {
                dose = new BigDecimal(d.group(1));
                unit = Dosing.unit(d.group(2));
                end = mention.end() + d.end();
            } else {
                Matcher b = DOSE_BEFORE.matcher(lead);
                if (b.find()) {
                    dose = new BigDecimal(b.group(1));
                    unit = Dosing.unit(b.group(2));
                    start = before + b.start();
                }
            }
            String route = Dosing.route(tail);
            String frequency = Dosing.frequency(tail);
            // a cue after the name that leads straight into the next drug is that drug's ("... and I stopped metformin")
            Status cued = cuedStatus(lead, tail, windowEnd == nextDrugStart);
            boolean sameClause = previousClauseStart == clause.start() && i > 0;
            boolean correction = sameClause && !meds.isEmpty() && CORRECTION.matcher(lead).matches();
            if (correction) {
                // "penicillin or, I'm sorry, amoxicillin": the first name was taken back
                meds.remove(meds.size() - 1);
            }
            if (cued == null && sameClause && previousCued != null && (correction || LIST_JOIN.matcher(lead).matches())) {
                cued = previousCued; // "start lisinopril and metformin": one verb for the list
            }
            Status status = cued != null ? cued : TAKING.matcher(lead).find() ? Status.CONTINUED : Status.MENTIONED;
            if (status == Status.MENTIONED && announcedJustBefore(lower, clause.start(), previousDrugEnd)
                    && !asked(lower, mention.end())) {
                status = Status.STARTED;
            }
            previousCued = cued;
            previousClauseStart = clause.start();
            DrugLexicon.Drug drug = mention.drug();
            meds.add(new Medication(drug.generic(), drug.drugClass(), mention.brand(), dose, unit, route, frequency,
                    status, nt.originalStart(start), nt.originalEnd(end)));
        }
        return List.copyOf(meds);
    }

    /** How far back a drug announced without its name may be: the clinician's previous sentence or two. */
    private static final int ANNOUNCED_REACH = 160;
    /** "put you on a little bit of pain medicine", "give you an antibiotic": a start whose drug is named next. */
    private static final Pattern ANNOUNCED = Pattern.compile("\\b(?:put (?:you|him|her|them) on|start (?:you|him|her|them) on|"
            + "give (?:you|him|her|them)|prescribe(?: (?:you|him|her|them))?|send in|call in)\\b[^.?!\\[\\]]{0,40}?\\b"
            + "(?:medicine|medication|meds|prescription|antibiotics?|something|pain reliever|painkillers?|"
            + "anti-inflammatory|muscle relaxer|muscle relaxant|steroids?)\\b[^?\\[\\]]*$");
    /** Where the clinician's turn began, as far as the lookback reaches: a line or a speaker label. */
    private static final Pattern TURN_START = Pattern.compile("\\n|\\[[a-z_ ]+\\]|\\b(?:patient|doctor|clinician):");

    /**
     * "i'm gonna put you on a little bit of pain medicine ... okay, so tramadol, 50 milligrams, every six
     * hours": the drug named with no verb of its own is the one just announced in the same turn, so it is
     * started (it was charted as a drug the patient already takes).
     */
    private static boolean announcedJustBefore(String lower, int clauseStart, int previousDrugEnd) {
        int from = Math.max(previousDrugEnd, Math.max(0, clauseStart - ANNOUNCED_REACH));
        if (from >= clauseStart) {
            return false; // another drug came between: the announcement was its
        }
        String before = lower.substring(from, clauseStart);
        Matcher turn = TURN_START.matcher(before);
        int turnAt = 0;
        while (turn.find()) {
            turnAt = turn.end();
        }
        return ANNOUNCED.matcher(before.substring(turnAt)).find();
    }

    /** Whether the sentence holding the drug is a question ("have you tried ibuprofen?"). */
    private static boolean asked(String lower, int from) {
        for (int i = from; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '?') {
                return true;
            }
            if (c == '.' || c == '!' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /** What lies between two drug names of one list: "and", "or", commas, "as well as". */
    private static final Pattern LIST_JOIN = Pattern.compile("[\\s,]*(?:and|or|as well as|plus|and also|along with)?[\\s,]*"
            + "(?:the |some |a |an )?");
    /** "stopped it": a cue after a name that points back to it. */
    private static final Pattern REFERS_BACK = Pattern.compile("\\s+(?:it|that|this|them|those)\\b");
    /** "X or, I'm sorry, Y", "X, I mean Y": the speaker corrects the name just said. */
    private static final Pattern CORRECTION = Pattern.compile("[\\s,]*(?:or|no)?[\\s,.]*(?:i'm sorry|sorry|i mean|rather|"
            + "actually)[\\s,.]*(?:i mean)?[\\s,]*(?:the |some )?");

    /** The cue nearest before the name wins; else a cue right after it ("lisinopril, I stopped it"). */
    static Status status(String lead, String tail) {
        Status cued = cuedStatus(lead, tail, false);
        return cued != null ? cued : TAKING.matcher(lead).find() ? Status.CONTINUED : Status.MENTIONED;
    }

    /** The status a cue gives, or null when neither side of the name has one. */
    private static Status cuedStatus(String lead, String tail, boolean tailLeadsToAnotherDrug) {
        Status best = null;
        int bestEnd = -1;
        for (Cue cue : CUES) { // on a tie the earlier cue wins: "don't stop" over "stop"
            Matcher m = cue.pattern().matcher(lead);
            while (m.find()) {
                if (m.end() > bestEnd) {
                    best = cue.status();
                    bestEnd = m.end();
                }
            }
        }
        if (best != null) {
            return best;
        }
        String after = tail.length() > 40 ? tail.substring(0, 40) : tail;
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(after);
            while (m.find()) {
                if (!tailLeadsToAnotherDrug || REFERS_BACK.matcher(after.substring(m.end())).lookingAt()) {
                    return cue.status();
                }
            }
        }
        return null;
    }
}
