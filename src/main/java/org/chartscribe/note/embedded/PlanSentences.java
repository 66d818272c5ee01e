package org.chartscribe.note.embedded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.Medication;
import org.chartscribe.clinical.PlanItem;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Sentence;

/**
 * The plan written from the extracted plan items: one short imperative sentence per item ("Increase
 * lisinopril to 40 mg daily.", "Order repeat echocardiogram.", "Refer to physical therapy.",
 * "Follow up in 2 weeks.", "Counseled on low-sodium diet."), each said once however often it was
 * said (a voice-assistant command repeats what the clinician just said), each attached to the problem
 * it treats. An option the patient declined is not the plan ("Declined physical therapy."), an option
 * only offered or left for later is left out. Drug names are written as they were said.
 */
final class PlanSentences {

    /** What kind of item, for the specialty's plan headings when no problem takes it. */
    enum Kind {
        MEDICATION("medications"), ORDER("orders"), REFERRAL("referrals"), EDUCATION("education"),
        FOLLOW_UP("follow"), OTHER(null);

        final String headingHint;

        Kind(String headingHint) {
            this.headingHint = headingHint;
        }
    }

    /** One plan sentence; {@code problem} is the key of the problem it treats, or null for the visit. */
    record Line(String text, Kind kind, String problem, int at, List<Evidence> evidence) {
        /** Redacted: the text is the encounter's. */
        @Override
        public String toString() {
            return "Line[kind=" + kind + ", at=" + at + "]";
        }
    }

    private PlanSentences() {}

    /** Past events are history, not plan ("we started you on ...", "I know we talked about diet"). */
    private static final Pattern PAST = Pattern.compile("\\b(?:started|stopped|ordered|was|were|had|did|have been|"
            + "we've|you've|i've|i know|came back|showed|last time|last year|last visit|ago|previously|before you came)\\b");
    private static final Pattern TAG_QUESTION = Pattern.compile("[\\s,]*(?:okay|ok|all right|alright|right|sound good|"
            + "does that sound good|does that sound okay|is that okay|how does that sound|does that make sense)?\\s*\\?\\s*$");
    private static final Pattern OPTION = Pattern.compile("\\b(?:could|might|may want to|consider|possibly|option|"
            + "options|down the road|we can talk about|we'll talk about|we will talk about|talk about|think about|"
            + "if (?:we need|needed|necessary|you want|you'd like|you would like|that doesn't|this doesn't|it doesn't|"
            + "things don't|(?:your |the )?(?:symptoms|pain|it|things|that|this)\\b))");
    private static final Pattern IF_PERSIST = Pattern.compile("\\bif (?:your |the )?(?:symptoms|pain|it|things|that|"
            + "this) (?:continue|continues|persist|persists|don't improve|doesn't improve|do not improve|does not improve|"
            + "get worse|gets worse|worsen|worsens)\\b");
    private static final Pattern DECLINE = Pattern.compile("\\b(?:rather not|don't want|do not want|no thanks|"
            + "no thank you|not right now|i'll pass|prefer not|hold off|not interested|don't think i need|"
            + "rather wait|rather just|not yet|i don't wanna|i don't want to)\\b");
    private static final Pattern AS_NEEDED = Pattern.compile("\\b(?:as needed|prn|when needed|if needed|as necessary)\\b");
    private static final Pattern INCREASE = Pattern.compile("\\b(?:increase|increasing|up|raise|bump|higher|double)\\b");
    private static final Pattern DECREASE = Pattern.compile("\\b(?:decrease|decreasing|lower|reduce|reducing|cut|wean|"
            + "taper|half)\\b");
    private static final Pattern REFILL = Pattern.compile("\\brefill");
    private static final Pattern REPEAT = Pattern.compile("\\b(?:repeat|another|again|recheck)\\b");
    private static final Pattern CONTRAST = Pattern.compile("\\b(with|without) contrast\\b");
    private static final Pattern COMMAND = Pattern.compile("\\bdragon\\b");
    private static final Pattern CURRENT_MEDICATIONS = Pattern.compile("\\bcontinue (?:(?:you|her|him|them) )?(?:on )?"
            + "(?:(?:your|her|his|their|the|all) )?(?:current|same|other|present) (?:medications|medicines|meds|regimen)\\b");
    private static final Pattern SCREENING = Pattern.compile("^(?:mammogram|colonoscopy|bone density scan|pap smear|"
            + "dexa)$");
    /** A drug word: letters, a hyphen or digits inside a name ("vitamin d", "b12"). */
    private static final Pattern NAME_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9\\-]*");

    /** Education a chart names by its topic; the first that fits a clause is written. */
    private record Topic(Pattern pattern, String text) {}

    private static final List<Topic> TOPICS = List.of(
            new Topic(Pattern.compile("\\blow[- ](?:sodium|salt)|\\bsalt intake|\\bsodium intake"),
                    "Counseled on low-sodium diet."),
            new Topic(Pattern.compile("\\b(?:diabetic diet|carb(?:ohydrate)?s?\\b|sugar intake|sugary)"),
                    "Counseled on diabetic diet."),
            new Topic(Pattern.compile("\\b(?:push fluids|hydrat\\w*|drink (?:plenty of |lots of |a lot of |more )?"
                    + "(?:water|fluids))"), "Advised to increase fluid intake."),
            new Topic(Pattern.compile("\\bstrain (?:your |the |his |her )?urine"), "Advised to strain urine."),
            new Topic(Pattern.compile("\\b(?:blood pressures?|bp)\\b.{0,40}\\b(?:home|every day|daily|record|log|monitor|"
                    + "check)|\\b(?:record|log|monitor|check|take) (?:your |her |his )?(?:blood pressures?|bp)\\b"),
                    "Advised to monitor blood pressure at home."),
            new Topic(Pattern.compile("\\b(?:check|monitor|record|log) (?:your |her |his )?(?:blood sugars?|glucose|"
                    + "sugars?)\\b"), "Advised to monitor blood glucose at home."),
            new Topic(Pattern.compile("\\b(?:take|taking) (?:the |your |her |his )?(?:[a-z]+ )?(?:as directed|as "
                    + "prescribed|every day|regularly|consistently)"), "Counseled on medication adherence."),
            new Topic(Pattern.compile("\\b(?:quit(?:ting)? smoking|stop(?:ping)? smoking|smoking cessation|cut (?:back|down) "
                    + "on (?:the )?(?:smoking|cigarettes))"), "Counseled on smoking cessation."),
            new Topic(Pattern.compile("\\b(?:lose weight|weight loss|losing weight)"), "Counseled on weight loss."),
            new Topic(Pattern.compile("\\b(?:exercise|exercising|physical activity|stay active)\\b"),
                    "Counseled on exercise."),
            new Topic(Pattern.compile("\\b(?:watch(?:ing)? (?:your |her |his |the )?diet|diet(?:ary)? (?:changes|"
                    + "modifications)|healthy diet|eat(?:ing)? healthy)"), "Counseled on dietary modifications."),
            new Topic(Pattern.compile("\\b(?:weigh (?:yourself|himself|herself)|daily weights?)\\b"), "Daily weights."),
            new Topic(Pattern.compile("\\bknee brace\\b"), "Knee brace."),
            new Topic(Pattern.compile("\\b(?:wrist|ankle|back|elbow) brace\\b"), "Brace."),
            new Topic(Pattern.compile("\\b(?:a|the|your|in a|into a) brace\\b"), "Brace."),
            new Topic(Pattern.compile("\\b(?:long|short) (?:arm|leg) cast\\b"), "Cast."),
            new Topic(Pattern.compile("\\bsling\\b"), "Sling."),
            new Topic(Pattern.compile("\\bsplint\\b"), "Splint."),
            new Topic(Pattern.compile("\\bcrutch(?:es)?\\b"), "Crutches."),
            new Topic(Pattern.compile("\\bwalking boot\\b"), "Walking boot."),
            new Topic(Pattern.compile("\\b(?:ice|icing)\\b"), "Advised ice."),
            new Topic(Pattern.compile("\\belevat\\w*"), "Advised elevation."),
            new Topic(Pattern.compile("\\b(?:rest|take it easy)\\b"), "Advised rest."),
            new Topic(Pattern.compile("\\b(?:go to the (?:er|emergency)|call (?:me|us|the office)|come back (?:in )?if|"
                    + "return if|let me know if)"), "Return precautions given."));

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

    /** Tests and the conditions they follow. */
    private static final Map<String, List<String>> TEST_INDICATIONS = Map.ofEntries(
            Map.entry("hemoglobin a1c", List.of("diabetes")), Map.entry("glucose", List.of("diabetes")),
            Map.entry("lipid panel", List.of("hyperlipidemia")), Map.entry("tsh", List.of("hypothyroidism",
                    "hyperthyroidism")), Map.entry("free t4", List.of("hypothyroidism", "hyperthyroidism")),
            Map.entry("echocardiogram", List.of("heart failure")), Map.entry("bnp", List.of("heart failure")),
            Map.entry("uric acid", List.of("gout")), Map.entry("psa", List.of("prostate")));

    /** An item before it is attached: its sentence, key for duplicates, and what it may be attached by. */
    private static final class Draft {
        String text;
        final Kind kind;
        final String key;
        final int at;
        final List<Evidence> evidence = new ArrayList<>();
        final List<String> indications;
        boolean command;
        int rank;
        String labDetail;
        /** For a medication: the verb's rank, the verb, the drug as said and its dosing, merged over mentions. */
        int verbRank;
        String verb;
        String drug;
        String dosing = "";

        void renderMedication() {
            boolean change = verb.equals("Increase") || verb.equals("Decrease") || verb.equals("Change");
            if (verb.equals("Adjust")) {
                text = dosing.isEmpty() ? "Adjust " + drug + " dose." : "Change " + drug + " to" + dosing + ".";
            } else if (verb.equals("Stop") || verb.equals("Avoid")) {
                text = verb + " " + drug + ".";
            } else {
                text = verb + " " + drug + (change && !dosing.isEmpty() ? " to" : "") + dosing + ".";
            }
        }

        Draft(String text, Kind kind, String key, int at, Evidence evidence, List<String> indications) {
            this.text = text;
            this.kind = kind;
            this.key = key;
            this.at = at;
            this.evidence.add(evidence);
            this.indications = indications;
        }
    }

    /** The plan lines, in spoken order; the health-maintenance problem is added when a screening is ordered. */
    static List<Line> compose(EncounterFacts facts, int regionStart, List<ProblemList.Problem> problems,
                              List<Classified> uncovered) {
        String source = facts.source();
        int floor = (int) (source.length() * 0.3);
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (PlanItem item : facts.extraction().planItems()) {
            if (item.end() <= Math.min(floor, regionStart)) {
                continue; // said in the history
            }
            Span span = local(source, item);
            if (span == null) {
                continue;
            }
            String clause = span.text();
            String plain = TAG_QUESTION.matcher(clause).replaceFirst("");
            if (plain.contains("?") || clause.endsWith("?") && plain.length() == clause.length()) {
                continue; // a question to the patient ("do you need a refill?")
            }
            if (PAST.matcher(plain).find() && item.type() != PlanItem.Type.FOLLOW_UP) {
                continue;
            }
            // the clause may open with the speaker's label, before where the region starts
            if (item.end() <= regionStart && item.type() == PlanItem.Type.EDUCATION) {
                continue;
            }
            List<Draft> said = item.type() == PlanItem.Type.EDUCATION ? education(plain, item)
                    : java.util.Collections.singletonList(draft(facts, item, plain, span));
            for (Draft draft : said) {
                if (draft != null) {
                    consider(facts, drafts, item, clause, plain, draft);
                }
            }
        }
        currentMedications(facts, regionStart, drafts);
        dictatedAdvice(facts, regionStart, drafts);
        List<Evidence> covered = drafts.values().stream().flatMap(d -> d.evidence.stream()).toList();
        for (Classified c : uncovered) {
            if (c.evidence().stream().anyMatch(e -> covered.stream().anyMatch(f -> f.start() < e.end() && e.start() < f.end()))) {
                continue;
            }
            Draft d = new Draft(ClinicalGrammar.sentence(c.text()), Kind.OTHER, "raw:" + rawKey(c.text()),
                    c.evidence().get(0).start(), c.evidence().get(0), List.of());
            d.evidence.addAll(c.evidence().subList(1, c.evidence().size()));
            merge(drafts, d);
        }
        return attach(facts, new ArrayList<>(drafts.values()), problems);
    }

    private static final Pattern RAW_NOISE = Pattern.compile("^(?:(?:we|she|he|they|the patient) will )|\\b(?:a|an|the|some)\\b|[^a-z0-9 ]");

    /** "We will order an autoimmune panel." and "Order an autoimmune panel." are one item. */
    private static String rawKey(String text) {
        return RAW_NOISE.matcher(ClinicalGrammar.lower(text)).replaceAll(" ").replaceAll("\\s+", " ").trim();
    }

    /** Charts the item as said, as declined, as a deferred option, or not at all. */
    private static void consider(EncounterFacts facts, Map<String, Draft> drafts, PlanItem item, String clause, String plain,
                                 Draft draft) {
        OrderConditions.Condition condition = condition(plain, item, draft);
        if (condition == OrderConditions.Condition.NOT_NEEDED) {
            return; // "I don't think you need an x-ray" orders nothing
        }
        boolean offered = OPTION.matcher(lead(plain, item)).find() || condition != OrderConditions.Condition.ORDERED;
        Sentence reply = facts.nextReply(item.end());
        boolean declined = reply != null && reply.start() - item.end() < REPLY_REACH
                && DECLINE.matcher(reply.text().toLowerCase(Locale.ROOT)).find();
        if (declined && (draft.kind == Kind.REFERRAL || draft.kind == Kind.ORDER)) {
            draft.text = "Declined " + object(draft) + ".";
        } else if (declined) {
            return; // a drug or advice the patient turned down is not the plan
        } else if (offered && draft.kind != Kind.FOLLOW_UP && draft.kind != Kind.EDUCATION) {
            // "follow up in 4 weeks, sooner if worse" and "call if worse" are plans, whatever the "if"
            boolean ifPersists = IF_PERSIST.matcher(plain).find() || condition == OrderConditions.Condition.IF_NO_BETTER;
            if (!ifPersists || draft.kind == Kind.MEDICATION) {
                return; // offered, not chosen: left out
            }
            draft.text = "Consider " + object(draft) + " if symptoms persist.";
        }
        draft.command = COMMAND.matcher(clause).find()
                || sentenceHasCommand(facts, item.start());
        merge(drafts, draft);
    }

    private static final Pattern NOT_A_TEST = Pattern.compile("\\b(?:low|high|less|reduce|cut down on|watch)[- ]"
            + "(?:the |your )?(?:sodium|salt|sugar|glucose|potassium)");

    /**
     * The words an option would be offered in: for a clause of unpunctuated speech, those before what
     * the item names ("order an MRI [and] if the pain is not better call us" offers nothing).
     */
    /** What the words before an order or referral's name say of it: ordered, not needed, or only if. */
    private static OrderConditions.Condition condition(String clause, PlanItem item, Draft draft) {
        if (draft.kind != Kind.ORDER && draft.kind != Kind.REFERRAL || item.detail() == null) {
            return OrderConditions.Condition.ORDERED;
        }
        int at = draft.kind == Kind.REFERRAL ? clause.indexOf("refer") : termAt(clause, item.detail());
        return at < 0 ? OrderConditions.Condition.ORDERED
                : OrderConditions.of(clause.substring(Math.max(0, at - OrderConditions.REACH), at));
    }

    private static String lead(String clause, PlanItem item) {
        if (clause.length() < LOCAL_BEFORE + LOCAL_AFTER) {
            return clause;
        }
        int at = item.detail() == null ? -1 : termAt(clause, item.detail());
        return at < 0 ? clause : clause.substring(0, Math.min(clause.length(), at + item.detail().length() + 15));
    }

    /** A reply this close after the item answers it. */
    private static final int REPLY_REACH = 200;

    private static boolean sentenceHasCommand(EncounterFacts facts, int offset) {
        Sentence s = facts.sentenceAt(offset);
        return s != null && COMMAND.matcher(s.text().toLowerCase(Locale.ROOT)).find();
    }

    /** Advice named plainly in the assessment and plan ("low-sodium diet"), said without a verb of advice. */
    private static final List<Topic> PLAIN_TOPICS = List.of(TOPICS.get(0));

    private static void dictatedAdvice(EncounterFacts facts, int regionStart, Map<String, Draft> drafts) {
        for (Sentence s : facts.sentences()) {
            String lower = s.text().toLowerCase(Locale.ROOT);
            if (s.start() < regionStart || !ProblemList.clinician(s) || lower.contains("?") || PAST.matcher(lower).find()) {
                continue;
            }
            for (Topic topic : PLAIN_TOPICS) {
                if (topic.pattern().matcher(lower).find()) {
                    merge(drafts, new Draft(topic.text(), Kind.EDUCATION, "edu:" + topic.text(), s.start(),
                            new Evidence(s.start(), s.end()), List.of()));
                }
            }
        }
    }

    /** "Continue current medications." when said so, without naming them. */
    private static void currentMedications(EncounterFacts facts, int regionStart, Map<String, Draft> drafts) {
        for (Sentence s : facts.sentences()) {
            if (s.start() >= regionStart && ProblemList.clinician(s)
                    && CURRENT_MEDICATIONS.matcher(s.text().toLowerCase(Locale.ROOT)).find()) {
                merge(drafts, new Draft("Continue current medications.", Kind.MEDICATION, "current-medications",
                        s.start(), new Evidence(s.start(), s.end()), List.of()));
                return;
            }
        }
    }

    /** Same item said twice: one line, the fuller wording, both spans as evidence. */
    private static void merge(Map<String, Draft> drafts, Draft draft) {
        Draft existing = drafts.get(draft.key);
        if (existing == null && draft.command) {
            // "hey dragon, order a thyroid panel" after "I'll order some thyroid labs": the command repeats it
            for (Draft d : drafts.values()) {
                if (d.kind == draft.kind && d.kind == Kind.ORDER && d.labDetail != null && draft.labDetail != null
                        && draft.at - d.at < COMMAND_REACH && d.labDetail.equals("blood work")) {
                    existing = d;
                    existing.text = draft.text;
                    existing.labDetail = draft.labDetail;
                    break;
                }
            }
        }
        if (existing == null) {
            drafts.put(draft.key, draft);
            return;
        }
        if (existing.kind == Kind.MEDICATION && existing.drug != null && draft.drug != null) {
            if (draft.verbRank > existing.verbRank) {
                existing.verb = draft.verb;
                existing.verbRank = draft.verbRank;
            }
            if (draft.dosing.length() > existing.dosing.length() && !existing.verb.equals("Stop")
                    && !existing.verb.equals("Avoid")) {
                existing.dosing = draft.dosing;
            }
            if (existing.drug.equals(ClinicalGrammar.lower(existing.drug)) && !draft.drug.equals(ClinicalGrammar.lower(draft.drug))) {
                existing.drug = draft.drug; // the brand, as the clinician named it first, stays; a generic yields
            }
            existing.renderMedication();
        } else if (draft.rank > existing.rank) {
            existing.text = draft.text;
            existing.rank = draft.rank;
        }
        existing.evidence.addAll(draft.evidence);
    }

    private static final int COMMAND_REACH = 1500;

    /** The part of the source an item is read from, in lower case, with its offsets. */
    private record Span(String text, int start, int end) {}

    /** A clause longer than this (unpunctuated speech) is read only around the item's own words. */
    private static final int LONG_CLAUSE = 220;
    private static final int LOCAL_BEFORE = 80;
    private static final int LOCAL_AFTER = 100;
    private static final Map<String, List<String>> SAID_AS = Map.ofEntries(
            Map.entry("ct scan", List.of("ct", "cat scan", "cat")), Map.entry("x-ray", List.of("x-ray", "xray", "x ray")),
            Map.entry("blood work", List.of("blood work", "labs", "blood")), Map.entry("echocardiogram", List.of("echo")),
            Map.entry("hemoglobin a1c", List.of("a1c")), Map.entry("complete blood count", List.of("cbc", "blood count")),
            Map.entry("basic metabolic panel", List.of("bmp", "metabolic")),
            Map.entry("comprehensive metabolic panel", List.of("cmp", "metabolic")),
            Map.entry("urinalysis", List.of("urine")), Map.entry("urine culture", List.of("culture", "urine")),
            Map.entry("liver function tests", List.of("liver")), Map.entry("ekg", List.of("ekg", "ecg", "electrocardiogram")));
    private static final Pattern FOLLOW_WORDS = Pattern.compile("\\b(?:follow|see you|come back|back in|return|recheck)");

    /** The item's clause, or for a long one the words around what it names; null when they cannot be found. */
    private static Span local(String source, PlanItem item) {
        String clause = source.substring(item.start(), item.end()).toLowerCase(Locale.ROOT);
        if (clause.length() <= LONG_CLAUSE) {
            return new Span(clause, item.start(), item.end());
        }
        int at = -1;
        switch (item.type()) {
            case MEDICATION -> at = item.medication() == null ? -1 : item.medication().start() - item.start();
            case LAB_ORDER, IMAGING_ORDER, REFERRAL -> {
                List<String> terms = new ArrayList<>();
                if (item.detail() != null) {
                    terms.add(item.detail());
                    terms.addAll(SAID_AS.getOrDefault(item.detail(), List.of()));
                    String first = item.detail().split(" ")[0];
                    terms.add(first.length() > 6 ? first.substring(0, 6) : first);
                }
                for (String term : terms) {
                    Matcher m = Pattern.compile("\\b" + Pattern.quote(term)).matcher(clause);
                    if (m.find()) {
                        at = m.start();
                        break;
                    }
                }
            }
            case FOLLOW_UP -> {
                Matcher m = FOLLOW_WORDS.matcher(clause);
                at = m.find() ? m.start() : -1;
            }
            default -> at = -1; // advice in a long stretch of speech: no way to tell where it starts
        }
        if (at < 0) {
            return null;
        }
        int from = Math.max(0, at - LOCAL_BEFORE);
        int to = Math.min(clause.length(), at + LOCAL_AFTER);
        while (from > 0 && Character.isLetterOrDigit(clause.charAt(from - 1))) {
            from++;
        }
        while (to < clause.length() && Character.isLetterOrDigit(clause.charAt(to))) {
            to++;
        }
        return new Span(clause.substring(from, to), item.start() + from, item.start() + to);
    }

    private static Draft draft(EncounterFacts facts, PlanItem item, String clause, Span span) {
        Evidence evidence = new Evidence(span.start(), span.end());
        return switch (item.type()) {
            case MEDICATION -> medication(facts, item, clause, evidence, span);
            case LAB_ORDER -> {
                if (item.detail() == null || NOT_A_TEST.matcher(clause).find() && item.detail().matches("sodium|glucose|potassium")) {
                    yield null; // "a low sodium diet" orders no sodium level
                }
                Draft d = new Draft("Order " + ClinicalGrammar.term(item.detail()) + ".", Kind.ORDER,
                        "lab:" + item.detail(), evidence.start(), evidence,
                        TEST_INDICATIONS.getOrDefault(item.detail(), List.of()));
                d.labDetail = item.detail();
                yield d;
            }
            case IMAGING_ORDER -> imaging(facts, item, clause, evidence, span);
            case REFERRAL -> item.detail() == null || item.detail().equals("specialist") ? null
                    : new Draft("Refer to " + ClinicalGrammar.term(item.detail()) + ".", Kind.REFERRAL,
                    "ref:" + item.detail(), evidence.start(), evidence, List.of());
            case FOLLOW_UP -> followUp(item, clause, evidence);
            case EDUCATION -> null;
        };
    }

    private static Draft medication(EncounterFacts facts, PlanItem item, String clause, Evidence evidence, Span span) {
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
        Draft d = new Draft("", Kind.MEDICATION, "med:" + m.name(), span.start(), evidence,
                INDICATIONS.getOrDefault(m.drugClass() == null ? "" : m.drugClass(), List.of()));
        d.command = COMMAND.matcher(clause).find() || sentenceHasCommand(facts, item.start());
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
        d.dosing = verb.equals("Stop") || verb.equals("Avoid") ? "" : dosing(m, after);
        d.renderMedication();
        return d;
    }

    private static final Pattern AVOID = Pattern.compile("\\b(?:avoid|not (?:to )?take|don't take|do not take|"
            + "stay away from|no more|stop taking)\\b[^.]*$");
    /** Where speech moves on from the drug to the next thing said. */
    private static final Pattern NEXT_CLAUSE = Pattern.compile("\\b(?:and (?:i|we|you|then|also)|but|so|okay|i also|"
            + "we also|also want|and let's|and ice|and rest)\\b");
    private static final Pattern NEXT_DRUG_GAP = Pattern.compile("\\b(?:along with|and|plus|as well as)\\b");

    /**
     * The words said with this drug: from a little before it to its dosing, not into the next drug
     * ("meloxicam once a day along with Ultram every 4 hours as needed").
     */
    private static String window(EncounterFacts facts, Medication m, Span item) {
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
    private static int windowEnd(EncounterFacts facts, Medication m, Span item) {
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
    private static String dosing(Medication m, String window) {
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
        }
        return sb.toString();
    }

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
    static String spokenName(String source, Medication m) {
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

    /** How far from the test's name its site, side and "repeat" are read. */
    private static final int TERM_REACH = 45;

    /** Where the clause names the test (as catalogued or as commonly said), or -1. */
    private static int termAt(String clause, String detail) {
        List<String> terms = new ArrayList<>();
        terms.add(detail);
        terms.addAll(SAID_AS.getOrDefault(detail, List.of()));
        for (String t : terms) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(t)).matcher(clause);
            if (m.find()) {
                return m.start();
            }
        }
        return -1;
    }

    private static Draft imaging(EncounterFacts facts, PlanItem item, String clause, Evidence evidence, Span span) {
        if (item.detail() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("Order ");
        int term = termAt(clause, item.detail());
        String lead = term < 0 ? clause : clause.substring(Math.max(0, term - TERM_REACH), term);
        if (REPEAT.matcher(lead).find()) {
            sb.append("repeat ");
        }
        sb.append(ClinicalGrammar.term(item.detail()));
        List<String> sites = new ArrayList<>();
        int from = span.start() + Math.max(0, term);
        int to = from + item.detail().length() + TERM_REACH;
        for (BodySite site : facts.extraction().bodySites()) {
            if (term >= 0 && site.start() >= from && site.end() <= Math.min(to, span.end())
                    && !item.detail().contains(site.site())) {
                String named = (site.laterality() == null ? "" : site.laterality().name().toLowerCase(Locale.ROOT) + " ")
                        + site.site();
                if (!sites.contains(named)) {
                    sites.add(named);
                }
            }
        }
        if (!sites.isEmpty()) {
            sb.append(" of the ").append(ClinicalGrammar.list(sites));
        }
        Matcher contrast = CONTRAST.matcher(clause);
        if (contrast.find()) {
            sb.append(' ').append(contrast.group());
        }
        List<String> indications = SCREENING.matcher(item.detail()).find() ? List.of(ProblemList.HEALTH_MAINTENANCE)
                : TEST_INDICATIONS.getOrDefault(item.detail(), List.of());
        return new Draft(sb + ".", Kind.ORDER, "img:" + item.detail(), evidence.start(), evidence, indications);
    }

    private static final Pattern VAGUE_INTERVAL = Pattern.compile("\\b(a couple(?: of)?|a few|several|couple(?: of)?|"
            + "few) (days|weeks|months)\\b");

    private static Draft followUp(PlanItem item, String clause, Evidence evidence) {
        String text;
        if (item.amount() == null || item.unit() == null) {
            text = "Follow up as needed.";
        } else {
            BigDecimal amount = item.amount().stripTrailingZeros();
            String unit = amount.compareTo(BigDecimal.ONE) == 0 ? item.unit() : item.unit() + "s";
            String number = amount.toPlainString();
            if (org.chartscribe.clinical.SpokenNumbers.withDigits(clause).matches("(?s).*\\b" + Pattern.quote(number)
                    + "\\b.*")) {
                text = "Follow up in " + number + " " + unit + ".";
            } else {
                Matcher vague = VAGUE_INTERVAL.matcher(clause); // "a couple of weeks": not a number to write
                if (!vague.find()) {
                    return null;
                }
                text = "Follow up in " + vague.group(1).replaceFirst("^couple", "a couple") + " " + vague.group(2) + ".";
            }
        }
        Draft d = new Draft(text, Kind.FOLLOW_UP, "follow-up", evidence.start(), evidence, List.of());
        d.rank = item.amount() == null ? 0 : 1;
        return d;
    }

    /** Each topic the advice names; advice no topic fits is left out rather than quoted. */
    private static List<Draft> education(String clause, PlanItem item) {
        List<Draft> out = new ArrayList<>();
        for (Topic topic : TOPICS) {
            if (topic.pattern().matcher(clause).find()) {
                out.add(new Draft(topic.text(), Kind.EDUCATION, "edu:" + topic.text(), item.start(),
                        new Evidence(item.start(), item.end()), List.of()));
            }
        }
        return out;
    }

    /** What a declined or deferred item names: "physical therapy", "MRI of the right knee". */
    private static String object(Draft d) {
        String t = d.text.substring(0, d.text.length() - 1);
        return switch (d.kind) {
            case REFERRAL -> t.substring("Refer to ".length());
            case ORDER -> t.startsWith("Order ") ? t.substring("Order ".length()) : t;
            default -> ClinicalGrammar.lower(t.substring(0, 1)) + t.substring(1);
        };
    }

    /**
     * Each line to the problem under discussion when it was said; before any problem was taken up (or
     * when all problems were named before the plan), to the problem its drug or test treats, if clear.
     */
    private static List<Line> attach(EncounterFacts facts, List<Draft> drafts, List<ProblemList.Problem> problems) {
        List<int[]> anchors = new ArrayList<>(); // offset, problem index
        for (int i = 0; i < problems.size(); i++) {
            for (int a : problems.get(i).anchors()) {
                anchors.add(new int[] {a, i});
            }
        }
        anchors.sort((x, y) -> Integer.compare(x[0], y[0]));
        int firstItem = drafts.stream().filter(d -> d.kind != Kind.FOLLOW_UP).mapToInt(d -> d.at).min()
                .orElse(Integer.MAX_VALUE);
        // "Assessment: diabetes, stable. GERD, improved. Plan: ...": problems named in sentences of their own
        // before any plan item; the plan then says nothing of which item treats which ("X, most likely Y"
        // names one problem twice, in one sentence)
        long sentences = anchors.stream().map(a -> facts.sentenceAt(a[0])).filter(java.util.Objects::nonNull)
                .map(Sentence::start).distinct().count();
        boolean allNamedFirst = sentences >= 2 && anchors.stream().allMatch(a -> a[0] < firstItem)
                && problems.size() >= 2;
        List<Line> out = new ArrayList<>();
        drafts.sort((x, y) -> Integer.compare(x.at, y.at));
        for (Draft d : drafts) {
            String problem = null;
            if (d.indications.contains(ProblemList.HEALTH_MAINTENANCE)) {
                problem = ProblemList.HEALTH_MAINTENANCE;
            } else if (d.kind != Kind.FOLLOW_UP) {
                int[] under = null;
                for (int[] a : anchors) {
                    if (a[0] <= d.at + ANCHOR_SLACK) {
                        under = a;
                    }
                }
                String indicated = indicated(d.indications, problems);
                if (under != null && !allNamedFirst) {
                    String key = problems.get(under[1]).key();
                    boolean treats = d.indications.isEmpty() || d.indications.stream().anyMatch(key::contains);
                    // a drug for another condition is not filed under the problem being discussed
                    problem = treats ? key : indicated;
                } else {
                    problem = indicated;
                }
            }
            out.add(new Line(d.text, d.kind, problem, d.at, List.copyOf(d.evidence)));
        }
        return groupLabs(out);
    }

    /** A problem named at the start of the item's own clause ("for your migraines, continue ...") takes it. */
    private static final int ANCHOR_SLACK = 80;

    private static String indicated(List<String> indications, List<ProblemList.Problem> problems) {
        for (String condition : indications) {
            for (ProblemList.Problem p : problems) {
                if (p.key().contains(condition)) {
                    return p.key();
                }
            }
        }
        return null;
    }

    /** "Order CBC, CMP, and lipid panel.": the lab orders of one problem in one line. */
    private static List<Line> groupLabs(List<Line> lines) {
        List<Line> out = new ArrayList<>();
        Map<String, Integer> labLine = new LinkedHashMap<>();
        for (Line line : lines) {
            boolean lab = line.kind() == Kind.ORDER && line.text().startsWith("Order ") && !line.text().contains(" of the ")
                    && !line.text().startsWith("Order repeat ") && isLab(line.text());
            String owner = String.valueOf(line.problem());
            if (lab && labLine.containsKey(owner)) {
                int i = labLine.get(owner);
                Line first = out.get(i);
                List<String> tests = new ArrayList<>(List.of(first.text().substring(6, first.text().length() - 1)
                        .replace(", and ", ", ").replace(" and ", ", ").split(", ")));
                String test = line.text().substring(6, line.text().length() - 1);
                if (!test.equals("blood work")) {
                    tests.remove("blood work"); // the specific tests say what the blood work is
                    if (!tests.contains(test)) {
                        tests.add(test);
                    }
                }
                List<Evidence> evidence = new ArrayList<>(first.evidence());
                evidence.addAll(line.evidence());
                out.set(i, new Line("Order " + ClinicalGrammar.list(tests) + ".", Kind.ORDER, first.problem(), first.at(),
                        evidence));
                continue;
            }
            if (lab) {
                labLine.put(owner, out.size());
            }
            out.add(line);
        }
        return out;
    }

    private static final Pattern IMAGING_WORDS = Pattern.compile("(?i)\\b(?:x-ray|mri|ct|ultrasound|echocardiogram|ekg|"
            + "mammogram|scan|colonoscopy|doppler|stress test)\\b");

    private static boolean isLab(String text) {
        return !IMAGING_WORDS.matcher(text).find();
    }
}
