package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.clinical.BodySite;
import org.chartscribe.clinical.Diagnosis;
import org.chartscribe.note.Evidence;
import org.chartscribe.transcript.Role;
import org.chartscribe.transcript.Sentence;

/**
 * The problem list a clinician charts, from the extracted diagnoses: every condition the clinician
 * states about the patient (chronic problems reviewed, a diagnosis named in passing), one entry per
 * condition ("high blood pressure" and "hypertension" are one), with side, acuity and status when
 * said, and its certainty ("Likely ..."). Negated, family, hypothetical and ruled-out conditions are
 * not problems. Problems are ordered as the clinician took them up in the assessment and plan.
 */
final class ProblemList {

    enum Certainty { FIRM, LIKELY, POSSIBLE }

    /**
     * One problem.
     *
     * @param key      the canonical condition (or the phrase when none is known): what duplicates share
     * @param name     the problem as charted, without certainty or status ("Right knee osteoarthritis")
     * @param anchors  offsets where the clinician takes the problem up in the assessment and plan:
     *                 what follows belongs to it until another problem is taken up
     */
    record Problem(String key, String name, Certainty certainty, String status, int addressedAt, List<Integer> anchors,
                   List<Evidence> evidence) {

        /** "Hypertension, not at goal." / "Likely gout." */
        String line() {
            String prefix = switch (certainty) {
                case FIRM -> "";
                case LIKELY -> "Likely ";
                case POSSIBLE -> "Possible ";
            };
            boolean abbreviation = name.length() > 1 && Character.isUpperCase(name.charAt(1)); // "Possible COPD"
            String text = prefix.isEmpty() || abbreviation ? prefix + name : prefix + lowerFirst(name);
            return ClinicalGrammar.sentence(status == null ? text : text + ", " + status);
        }

        private static String lowerFirst(String s) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }

        /** Redacted: the problem is the patient's. */
        @Override
        public String toString() {
            return "Problem[certainty=" + certainty + ", anchors=" + anchors.size() + "]";
        }
    }

    static final String HEALTH_MAINTENANCE = "health maintenance";

    private ProblemList() {}

    /** Where the clinician turns to the assessment and plan ("my impression", "for your first problem"). */
    private static final Pattern OPENER = Pattern.compile("\\b(?:assessment|impression|my plan|treatment plan|"
            + "(?:first|second|third|fourth|next|last|final) (?:problem|issue)|diagnosis is)");
    /** Weaker signs of the same move, trusted later in the visit. */
    private static final Pattern WEAK_OPENER = Pattern.compile("\\b(?:the plan|so for your|"
            + "let's talk about (?:what|my|the|your)|let me tell you what)");
    private static final double WEAK_FLOOR = 0.35;

    /** Openers before this share of the transcript belong to the history ("the plan you were on"). */
    private static final double REGION_FLOOR = 0.2;

    /** The clinician's move to the assessment and plan: after the history, before the first plan item. */
    static int regionStart(EncounterFacts facts, List<Classified> items) {
        String source = facts.source();
        int floor = (int) (source.length() * REGION_FLOOR);
        int weakFloor = (int) (source.length() * WEAK_FLOOR);
        int weak = -1;
        for (Sentence s : facts.sentences()) {
            if (s.start() < floor || !clinician(s)) {
                continue;
            }
            String lower = s.text().toLowerCase(Locale.ROOT);
            if (OPENER.matcher(lower).find()) {
                return s.start();
            }
            if (weak < 0 && s.start() >= weakFloor && WEAK_OPENER.matcher(lower).find()) {
                weak = s.start();
            }
        }
        if (weak >= 0) {
            return weak;
        }
        for (Classified c : items) {
            if ((c.part() == org.chartscribe.note.SoapPart.ASSESSMENT || c.part() == org.chartscribe.note.SoapPart.PLAN)
                    && !c.evidence().isEmpty() && c.evidence().get(0).start() >= floor) {
                return c.evidence().get(0).start();
            }
        }
        return source.length() / 2;
    }

    static boolean clinician(Sentence s) {
        return s.speaker() == Role.CLINICIAN || s.speaker() == Role.UNKNOWN;
    }

    /** Said right after a condition's name, the name is not a diagnosis ("covid vaccine", "strain your urine"). */
    private static final Pattern NOT_A_DIAGNOSIS_AFTER = Pattern.compile("^\\s*(?:vaccines?|vaccinations?|shots?|"
            + "boosters?|tests?|testing|screening|your urine|the urine|urine|medications?|medicines?|meds|doctor|"
            + "specialist|clinic|diet|education|foot exam|eye exam)\\b");
    private static final Pattern RULED_OUT_BEFORE = Pattern.compile("(?:rule out|ruled out|r/o|no evidence of|"
            + "no signs? of|not (?:a |an |any )?|does ?n't (?:look|seem|sound) like (?:a |an )?|do ?n't think (?:it's |this is |"
            + "you have |that's )?(?:a |an )?|is ?n't (?:a |an )?|unlikely (?:to be )?(?:a |an )?|negative for )"
            + "(?:[a-z]+ ){0,2}$");
    /** "I don't see any fracture": a negation the extractor's scope missed. */
    private static final Pattern NEGATED_BEFORE = Pattern.compile("\\b(?:no|not|n't|never|without|negative for|free of|"
            + "denies|deny)\\b[^,.;:]{0,40}$");
    private static final Pattern VERB_USE = Pattern.compile("strain|sprain|burn|cut");
    private static final Pattern VERB_BEFORE = Pattern.compile("\\b(?:to|and|you|will|can|should|please|i|we|do ?n't|not)\\s+$");
    /** Conditions named as often about the world as about the patient. */
    private static final Pattern SITUATIONAL = Pattern.compile("^(?:covid-19|cancer|flu|influenza)$");
    private static final Pattern HAS_IT = Pattern.compile("\\b(?:you|he|she|they|the patient)\\s+(?:have|has|had|got|"
            + "tested|are|were|was|is)\\b|\\bpositive\\b|\\bdiagnos|\\byour\\b");
    private static final Pattern POSSIBLE_BEFORE = Pattern.compile("\\b(?:possible|possibly|may be|may have|might|"
            + "could be|could have|concern(?:ed)? (?:for|about)|worried about|suspect|suspicious for|question of|"
            + "differential|wonder if|not sure if)\\b");
    private static final Pattern LIKELY_BEFORE = Pattern.compile("\\b(?:likely|probably|probable|most likely|"
            + "suggest(?:s|ive of)?)\\b");
    /** "how are you doing with your diabetes?": a known problem being reviewed, not a question whether it exists. */
    private static final Pattern REVIEWED_BEFORE = Pattern.compile("\\b(?:your|his|her|their|the patient's)\\s+"
            + "(?:[a-z]+\\s+){0,2}$");
    private static final Pattern ACUITY_BEFORE = Pattern.compile("\\b(acute on chronic|acute|chronic|subacute)\\s+$");
    private static final Pattern EXACERBATION_BEFORE = Pattern.compile("\\b((?:an? )?(acute )?(?:exacerbation|flare(?:-up)?))"
            + " of (?:your |his |her |their |the )?$");
    private static final Pattern STATUS_AFTER = Pattern.compile("^\\s*(?:,\\s*)?(?:i think |i feel |i'd say )?"
            + "(?:(?:it|this|that|which|it's|that's)\\s+)?"
            + "(?:(?:is|are|has been|have been|seems?|looks?|remains?|is now|appears?|is still)\\s+)?"
            + "(?:very |pretty |fairly |relatively |quite |really )?"
            + "(well[- ]controlled|poorly controlled|not well[- ]controlled|not controlled|under control|uncontrolled|"
            + "stable|improving|improved|worsening|not at goal|at goal|resolved|resolving|in remission)\\b");
    private static final Pattern STATUS_BEFORE = Pattern.compile("\\b(uncontrolled|poorly controlled|well[- ]controlled|"
            + "stable)\\s+$");
    private static final Pattern SIDE_AFTER = Pattern.compile("^\\s*on the (right|left)(?: side)?\\b");
    /** Conditions a side and site belong to (a knee sprain has a side; hypertension has none). */
    static final Pattern SITEABLE = Pattern.compile("\\b(?:sprain|strain|fracture|arthritis|osteoarthritis|tear|"
            + "tendinitis|tendonitis|tendinopathy|tenosynovitis|bursitis|pain|contusion|laceration|cyst|mass|lesion|"
            + "effusion|dislocation|instability|fasciitis|radiculopathy|cellulitis|abscess|injury|wound|ulcer|"
            + "impingement)\\b");
    /** Conditions that take a side but are not named by a site ("left carpal tunnel syndrome"). */
    private static final Pattern SIDE_ONLY = Pattern.compile("\\b(?:otitis media|otitis externa|melanoma|carcinoma|"
            + "nodule|hernia|neuropathy|cataract|carpal tunnel syndrome|glaucoma)\\b");
    /** A site this far from the condition in its sentence may be about something else. */
    private static final int SITE_REACH = 50;
    /** What patients call a condition, charted by its name. */
    private static final Set<String> LAY = Set.of("high blood pressure", "blood pressure", "high cholesterol",
            "cholesterol", "heart attack", "sugar", "sugars",
            "seasonal allergies", "sugar diabetes", "overweight", "underactive thyroid", "overactive thyroid",
            "acid reflux", "reflux", "enlarged prostate");
    /** Kept in the problem list from the past history alone: they go on being treated. */
    private static final Pattern CHRONIC = Pattern.compile("hypertension|diabetes|heart failure|coronary artery disease|"
            + "copd|asthma|hypothyroidism|hyperthyroidism|hyperlipidemia|chronic kidney disease|depression|anxiety|"
            + "osteoarthritis|rheumatoid arthritis|migraine|gerd|atrial fibrillation|epilepsy|gout|obesity|"
            + "bipolar|schizophrenia|psoriasis|eczema|hepatitis|hiv");
    private static final Pattern POSSESSIVE = Pattern.compile("\\b(?:your|his|her|their|the patient's|my)\\s+");

    private record Mention(Diagnosis d, String name, Certainty certainty, String status, boolean historical,
                           int sentenceStart) {}

    static List<Problem> of(EncounterFacts facts, int regionStart) {
        Map<String, List<Mention>> byKey = new LinkedHashMap<>();
        for (Diagnosis d : facts.extraction().diagnoses()) {
            if (deniedInItsSentence(facts, d)) {
                continue; // "from a heart attack standpoint, I don't think this is a heart attack"
            }
            Mention m = mention(facts, d);
            if (m != null) {
                byKey.computeIfAbsent(key(d), k -> new ArrayList<>()).add(m);
            }
        }
        mergeSpecific(byKey);
        mergeSameName(byKey);
        List<Problem> out = new ArrayList<>();
        for (Map.Entry<String, List<Mention>> e : byKey.entrySet()) {
            List<Mention> mentions = e.getValue();
            boolean current = mentions.stream().anyMatch(m -> !m.historical());
            if (!current && !CHRONIC.matcher(e.getKey()).find()) {
                continue; // a past event ("fractured wrist in 2010") is history, not a problem
            }
            Problem problem = problem(e.getKey(), mentions, regionStart);
            if (problem.certainty() == Certainty.POSSIBLE && problem.anchors().isEmpty()
                    && settledLater(facts, mentions.get(mentions.size() - 1).d().end())) {
                continue; // "that scare with the possible lung cancer ... turned out to be benign"
            }
            out.add(problem);
        }
        takenUp(facts, regionStart, out);
        out.sort(Comparator.comparingInt(Problem::addressedAt));
        return out;
    }

    /** A possibility raised and then settled: "the biopsy ... turned out to be benign", "it was ruled out". */
    private static final Pattern SETTLED = Pattern.compile("\\b(?:benign|turned out (?:to be )?(?:fine|nothing|negative|"
            + "benign|okay|ok)|ruled out|came back (?:negative|normal|fine|clear)|was negative|were negative|all clear)\\b");
    /** How far after the last mention of a possibility its settling may be said. */
    private static final int SETTLED_REACH = 300;

    private static boolean settledLater(EncounterFacts facts, int from) {
        String source = facts.source();
        String after = source.substring(from, Math.min(source.length(), from + SETTLED_REACH)).toLowerCase(Locale.ROOT);
        return SETTLED.matcher(after).find();
    }

    /** The same condition is negated later in the sentence that names it: considered, not present. */
    private static boolean deniedInItsSentence(EncounterFacts facts, Diagnosis d) {
        Sentence s = facts.sentenceAt(d.start());
        if (s == null || d.assertion().negated()) {
            return false;
        }
        for (Diagnosis other : facts.extraction().diagnoses()) {
            if (other.start() > d.start() && other.end() <= s.end() && other.assertion().negated()
                    && key(other).equals(key(d))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Problems the clinician takes up by name in the assessment and plan ("from a chronic back pain
     * standpoint", "for your next problem, your reflux"): a problem no extracted diagnosis named is added
     * in the clinician's words; one already listed gains the place as an anchor, so what follows is filed
     * under it.
     */
    private static void takenUp(EncounterFacts facts, int regionStart, List<Problem> problems) {
        for (Sentence s : facts.sentences()) {
            if (s.start() < regionStart || !clinician(s)) {
                continue;
            }
            for (String label : ProblemGrouper.labels(s.text())) {
                takenUp(facts, s, label.toLowerCase(Locale.ROOT), problems);
            }
        }
    }

    private static void takenUp(EncounterFacts facts, Sentence s, String named, List<Problem> problems) {
        int inSentence = s.text().toLowerCase(Locale.ROOT).indexOf(named);
        if (inSentence < 0 || TAKEN_UP_NOT_A_PROBLEM.matcher(named).find()) {
            return;
        }
        int at = s.start() + inSentence;
        Evidence evidence = new Evidence(at, at + named.length());
        int same = -1;
        boolean diagnosed = false;
        for (Diagnosis d : facts.extraction().diagnoses()) {
            if (d.start() < evidence.end() && evidence.start() < d.end()) {
                diagnosed = true; // a problem if its diagnosis is one (not one ruled out or asked about)
                for (int i = 0; i < problems.size() && same < 0; i++) {
                    if (problems.get(i).key().equals(key(d))) {
                        same = i;
                    }
                }
            }
        }
        if (diagnosed && same < 0 || VAGUE_LAY.matcher(named).matches()) {
            return;
        }
        for (int i = 0; i < problems.size() && same < 0 && LAY.contains(named); i++) {
            if (problems.get(i).key().equals(LAY_KEYS.get(named))) {
                same = i; // "for your high blood pressure": the hypertension already listed
            }
        }
        for (int i = 0; i < problems.size() && same < 0; i++) {
            Problem p = problems.get(i);
            String name = p.name().toLowerCase(Locale.ROOT);
            if (name.contains(named) || named.contains(name) || named.contains(p.key()) || p.key().contains(named)) {
                same = i;
                break;
            }
        }
        if (same >= 0) {
            Problem p = problems.get(same);
            if (!p.anchors().contains(at) && p.anchors().stream().noneMatch(a -> Math.abs(a - at) < named.length() + 20)) {
                List<Integer> anchors = new ArrayList<>(p.anchors());
                anchors.add(at);
                anchors.sort(Integer::compare);
                problems.set(same, new Problem(p.key(), p.name(), p.certainty(), p.status(),
                        Math.min(p.addressedAt(), at), List.copyOf(anchors), p.evidence()));
            }
            return;
        }
        problems.add(new Problem(LAY_KEYS.getOrDefault(named, named), ClinicalGrammar.capitalise(ClinicalGrammar.term(named)), Certainty.FIRM,
                null, at, List.of(at), List.of(evidence)));
    }

    private static final Map<String, String> LAY_KEYS = Map.of("high blood pressure", "hypertension",
            "high cholesterol", "hyperlipidemia", "heart attack", "myocardial infarction", "sugar diabetes", "diabetes",
            "acid reflux", "gerd", "reflux", "gerd", "underactive thyroid", "hypothyroidism",
            "overactive thyroid", "hyperthyroidism", "enlarged prostate", "benign prostatic hyperplasia");
    /** Lay words too vague to chart as a problem of their own. */
    private static final Pattern VAGUE_LAY = Pattern.compile("blood pressure|cholesterol|sugars?|overweight|"
            + "seasonal allergies");

    /** Health topics and bare symptoms a clinician takes up that a problem list does not chart as problems. */
    private static final Pattern TAKEN_UP_NOT_A_PROBLEM = Pattern.compile("^(?:pain|weight|sleep|health|control|use|"
            + "screening|prevention|maintenance|health maintenance|blood pressure|pressure|cholesterol|symptoms?|out of .*)$"
            + "|\\b(?:medications?|results?|vaccin\\w*|exam|patch|pills?|cream|shots?|therapy)\\b"
            // words of speech, two problems run together, or a side cut from the next words: not a clean name
            + "|\\b(?:you|your|know|like|uh|um|okay|so|and|or|all|just|kind|sort)\\b|\\b(?:right|left|side)$");

    private static Problem problem(String key, List<Mention> mentions, int regionStart) {
        Certainty certainty = Certainty.POSSIBLE;
        Mention best = mentions.get(0);
        String status = null;
        List<Integer> anchors = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        int addressed = -1;
        for (Mention m : mentions) {
            if (m.certainty().ordinal() < certainty.ordinal()) {
                certainty = m.certainty();
            }
            if (m.name().length() > best.name().length()) {
                best = m; // the most specific naming: "right knee osteoarthritis" over "arthritis"
            }
            if (m.status() != null) {
                status = m.status(); // the latest said
            }
            evidence.add(new Evidence(m.d().start(), m.d().end()));
            if (m.d().start() >= regionStart) {
                if (addressed < 0) {
                    addressed = m.d().start();
                    anchors.add(m.d().start());
                } else if (m.d().start() - m.sentenceStart() <= ANCHOR_REACH) {
                    anchors.add(m.d().start()); // "for your diabetes, ..." takes it up again
                }
            }
        }
        // not taken up in the assessment: after those that were, in the order first named
        int order = addressed >= 0 ? addressed : Integer.MAX_VALUE / 2 + mentions.get(0).d().start();
        return new Problem(key, best.name(), certainty, status, order, List.copyOf(anchors), List.copyOf(evidence));
    }

    /** A condition named within this many characters of its sentence's start is what the sentence is about. */
    private static final int ANCHOR_REACH = 60;

    private static String key(Diagnosis d) {
        if (d.condition() != null) {
            return d.condition();
        }
        String phrase = TRAILING.matcher(POSSESSIVE.matcher(d.phrase().trim()).replaceAll("")).replaceFirst("");
        return SHORT.getOrDefault(phrase, phrase);
    }

    /** "hepatitis c" said as a known condition and as "consistent with hep c": one problem. */
    private static void mergeSameName(Map<String, List<Mention>> byKey) {
        for (String key : List.copyOf(byKey.keySet())) {
            List<Mention> mentions = byKey.get(key);
            if (mentions == null) {
                continue;
            }
            for (String other : List.copyOf(byKey.keySet())) {
                List<Mention> theirs = byKey.get(other);
                if (!other.equals(key) && theirs != null && theirs.stream().anyMatch(t -> mentions.stream()
                        .anyMatch(m -> m.name().equalsIgnoreCase(t.name()) || ClinicalGrammar.lower(m.name()).equals(other)))) {
                    mentions.addAll(byKey.remove(other));
                    mentions.sort(Comparator.comparingInt(m -> m.d().start()));
                }
            }
        }
    }

    /** "diabetes mellitus" joins "type 2 diabetes mellitus"; "cancer" joins "skin cancer". */
    private static void mergeSpecific(Map<String, List<Mention>> byKey) {
        for (String general : List.copyOf(byKey.keySet())) {
            for (String specific : byKey.keySet()) {
                if (!specific.equals(general) && specific.endsWith(" " + general)) {
                    byKey.get(specific).addAll(byKey.remove(general));
                    byKey.get(specific).sort(Comparator.comparingInt(m -> m.d().start()));
                    break;
                }
            }
        }
    }

    /** The diagnosis as a problem-list mention, or null when it is not one. */
    private static Mention mention(EncounterFacts facts, Diagnosis d) {
        if (d.assertion().negated() || d.assertion().family() || d.assertion().hypothetical()) {
            return null;
        }
        Sentence s = facts.sentenceAt(d.start());
        if (s == null || !clinician(s) || d.end() > s.end()) {
            return null;
        }
        String lower = s.text().toLowerCase(Locale.ROOT);
        String before = lower.substring(0, d.start() - s.start());
        String after = lower.substring(d.end() - s.start());
        if (NOT_A_DIAGNOSIS_AFTER.matcher(after).find() || RULED_OUT_BEFORE.matcher(before).find()
                || NEGATED_BEFORE.matcher(before).find()) {
            return null;
        }
        if (VERB_USE.matcher(d.phrase()).matches() && VERB_BEFORE.matcher(before).find()) {
            return null; // "a strainer for you to strain the urine"
        }
        if (SITUATIONAL.matcher(key(d)).find() && !HAS_IT.matcher(lower).find()) {
            return null; // "patients with covid" is talk about the pandemic, not the patient's diagnosis
        }
        String tail = before.length() > 60 ? before.substring(before.length() - 60) : before;
        Certainty certainty;
        if (d.assertion().asked()) {
            if (!REVIEWED_BEFORE.matcher(before).find()) {
                return null; // "any diabetes?" asks; "how is your diabetes?" reviews a known problem
            }
            certainty = Certainty.FIRM;
        } else if (d.cue().equals("rule out")) {
            return null;
        } else if (POSSIBLE_BEFORE.matcher(tail).find() || d.cue().equals("possible")) {
            certainty = Certainty.POSSIBLE;
        } else if (LIKELY_BEFORE.matcher(tail).find() || d.cue().equals("likely")) {
            certainty = Certainty.LIKELY;
        } else {
            certainty = d.assertion().uncertain() ? Certainty.POSSIBLE : Certainty.FIRM;
        }
        String name = name(d);
        if (name == null) {
            return null;
        }
        name = withSideAndSite(facts, d, s, name, after);
        Matcher ex = EXACERBATION_BEFORE.matcher(before);
        Matcher acuity = ACUITY_BEFORE.matcher(before);
        if (ex.find()) {
            name = (ex.group(2) != null ? "acute exacerbation of " : "exacerbation of ") + name;
        } else if (acuity.find() && !name.contains(acuity.group(1))) {
            name = acuity.group(1) + " " + name;
        }
        String status = null;
        Matcher st = STATUS_AFTER.matcher(after);
        Matcher sb = STATUS_BEFORE.matcher(before);
        if (st.find()) {
            status = st.group(1).replace('-', ' ');
        } else if (sb.find()) {
            status = sb.group(1).replace('-', ' ');
        }
        return new Mention(d, ClinicalGrammar.capitalise(ClinicalGrammar.term(name)), certainty, status,
                d.assertion().historical(), s.start());
    }

    private static final Pattern JUNK = Pattern.compile("(?:'s\\b|\\bnormal\\b|\\bwhat\\b|\\btype of\\b|\\w-\\s|"
            + "\\b(?:of|the|a|an|and|or|to|in|with)$|\\d)");

    /** The charted name: the clinician's phrase, or the condition's name for a lay term. */
    private static final Pattern LEADING = Pattern.compile("^(?:(?:contribution|component|element|history|evidence|"
            + "signs?|some|kind|type|bit) of |(?:a|an|the|this|that|some|little) )+");
    private static final Pattern TRAILING = Pattern.compile("(?: (?:diagnosis|issue|problem|thing|stuff|again|too|of|in|"
            + "on|at|to|the|your|his|her|their|a|an|my))+$");
    private static final Map<String, String> SHORT = Map.of("hep c", "hepatitis c", "hep b", "hepatitis b",
            "bipolar", "bipolar disorder", "a-fib", "atrial fibrillation", "afib", "atrial fibrillation",
            "diabetes mellitus", "diabetes");

    /** "hypertension diabetes": two conditions run together by unpunctuated speech. */
    private static final Pattern TWO_CONDITIONS = Pattern.compile("\\b(?:hypertension|diabetes|asthma|depression|anxiety|"
            + "copd|arthritis)\\b.*\\b(?:hypertension|diabetes|asthma|depression|anxiety|copd|arthritis)\\b");

    private static String name(Diagnosis d) {
        String phrase = POSSESSIVE.matcher(d.phrase().trim()).replaceAll("").replaceAll("\\s+", " ");
        phrase = TRAILING.matcher(LEADING.matcher(phrase).replaceFirst("")).replaceFirst("");
        phrase = SHORT.getOrDefault(phrase, phrase);
        phrase = phrase.replaceFirst(" of the (?:middle|index|ring|little|pinky|big|upper|lower|first|second|third|"
                + "fourth|fifth)$", ""); // "fracture of the middle [finger]": the site is read from the sentence
        if (d.condition() == null && !ProblemGrouper.namesAProblem(phrase)) {
            return null; // "your diagnosis is beginning to ...": no condition named
        }
        if (phrase.matches("diabetic|smoker|smoking|pregnant|pregnancy|flare(?:[- ]up)?|flares?|infection|disease|condition|problem|.*\\b(?:diagnosis|prognosis)\\b.*")
                || TWO_CONDITIONS.matcher(phrase).find()) {
            return null;
        }
        if (d.condition() != null && LAY.contains(phrase)) {
            return d.condition();
        }
        if (d.condition() == null || !d.cue().equals("mention") || phrase.split(" ").length > 2) {
            if (phrase.split(" ").length > 6 || JUNK.matcher(phrase).find() && !phrase.matches("type [12] diabetes.*")
                    && !phrase.matches("covid-19")) {
                return d.condition(); // a cut phrase ("partial tear of 1 half of"): the condition, if known
            }
        }
        return phrase;
    }

    /** "Right knee osteoarthritis": the side (and the site, unless named) for a condition that has one. */
    private static String withSideAndSite(EncounterFacts facts, Diagnosis d, Sentence s, String name, String after) {
        if (!name.startsWith("right ") && !name.startsWith("left ") && !name.startsWith("bilateral ")) {
            for (String site : ImpliedSites.of(name)) {
                String side = sideInEncounter(facts, site);
                if (side != null) {
                    return side + " " + name; // "right lateral epicondylitis": the elbow's side, said with the elbow
                }
            }
        }
        boolean sideOnly = SIDE_ONLY.matcher(name).find();
        if (!sideOnly && !SITEABLE.matcher(name).find()) {
            return name;
        }
        BodySite nearest = null;
        for (BodySite site : facts.extraction().bodySites()) {
            if (site.start() >= s.start() && site.end() <= s.end() && Math.abs(site.start() - d.start()) <= SITE_REACH
                    && (nearest == null || Math.abs(site.start() - d.start()) < Math.abs(nearest.start() - d.start()))) {
                nearest = site;
            }
        }
        String side = null;
        String site = null;
        if (nearest != null) {
            side = side(nearest.laterality());
            if (!sideOnly && !sharesWord(name, nearest.site()) && !SITE_IN_NAME.matcher(name).find()) {
                site = nearest.site();
            }
        }
        if (side == null) {
            Matcher m = SIDE_AFTER.matcher(after);
            if (m.find()) {
                side = m.group(1);
            }
        }
        if (side == null) {
            side = sideInEncounter(facts, nearest != null ? nearest.site() : siteNamedIn(facts, name));
        }
        if (name.startsWith("right ") || name.startsWith("left ") || name.startsWith("bilateral ")) {
            side = null;
        }
        if (site != null) {
            // "Arthritis, right knee": the condition in the words said, then where, as problem lists write it
            return name + ", " + (side == null ? "" : side + " ") + site;
        }
        return side == null ? name : side + " " + name;
    }

    /** A name that says its site already ("lumbar strain", "low back pain"). */
    static final Pattern SITE_IN_NAME = Pattern.compile("\\b(?:lumbar|cervical|thoracic|spine|spinal|back|neck|"
            + "knee|ankle|shoulder|hip|wrist|elbow|hand|foot|finger|toe|skin|scalp|chest|abdominal|rotator cuff|"
            + "ligament|tendon|meniscus|patellofemoral|plantar|tooth)\\b");

    private static boolean sharesWord(String name, String site) {
        for (String w : site.split(" ")) {
            if (name.matches("(?s).*\\b" + Pattern.quote(w) + "\\b.*")) {
                return true;
            }
        }
        return false;
    }

    private static String siteNamedIn(EncounterFacts facts, String name) {
        for (BodySite site : facts.extraction().bodySites()) {
            if (name.matches(".*\\b" + Pattern.quote(site.site()) + "\\b.*")) {
                return site.site();
            }
        }
        return null;
    }

    /** The one side said for this site in the whole encounter, or null when none or both were said. */
    private static String sideInEncounter(EncounterFacts facts, String siteName) {
        if (siteName == null) {
            return null;
        }
        BodySite.Laterality found = null;
        for (BodySite site : facts.extraction().bodySites()) {
            if (BodySite.within(site.site(), siteName) && site.laterality() != null) {
                if (found != null && found != site.laterality()) {
                    return null;
                }
                found = site.laterality();
            }
        }
        return side(found);
    }

    private static String side(BodySite.Laterality laterality) {
        if (laterality == null) {
            return null;
        }
        return switch (laterality) {
            case LEFT -> "left";
            case RIGHT -> "right";
            case BILATERAL -> "bilateral";
        };
    }
}
