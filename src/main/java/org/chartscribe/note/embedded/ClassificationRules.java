package org.chartscribe.note.embedded;

import static org.chartscribe.note.SoapPart.ASSESSMENT;
import static org.chartscribe.note.SoapPart.OBJECTIVE;
import static org.chartscribe.note.SoapPart.PLAN;
import static org.chartscribe.note.SoapPart.SUBJECTIVE;

import java.util.List;
import java.util.regex.Pattern;
import org.chartscribe.note.SoapPart;

/**
 * The rule table that decides which SOAP division a clinician's sentence belongs to. Each rule adds
 * its weight to a division when its cues occur; the highest total wins. Improving the engine means
 * editing these cues and weights, not the classifier.
 */
final class ClassificationRules {

    record Rule(SoapPart part, double weight, Cues cues, Pattern pattern) {
        boolean matches(String lookup, String raw) {
            return cues != null ? cues.any(lookup) : pattern.matcher(lookup).find();
        }
    }

    static final List<Rule> CLINICIAN_RULES = List.of(
            // Objective: measurements read out during the visit
            cues(OBJECTIVE, 3.0, "blood pressure is", "blood pressure today", "blood pressure was", "bp is", "bp today",
                    "heart rate", "pulse is", "pulse of", "temperature is", "temp is", "respiratory rate", "respirations",
                    "oxygen saturation", "o2 sat", "sats ", "saturating", "spo2", "pulse ox", "afebrile", "bpm",
                    "mmhg", "weighs", "weight today", "weight is", "bmi ", "vital signs", "vitals "),
            regex(OBJECTIVE, 2.0, "\\b\\d{2,3}\\s?/\\s?\\d{2,3}\\b"),
            // Plan: the clinician's intention, however it is hedged ("i also wan na", "we'll just")
            regex(PLAN, 3.0, " (?:i|we)(?: also| just| really| do| still| then| definitely| probably)* (?:want to|wan na|"
                    + "would like to|'d like to|will |'ll |are going to|'re going to|am going to|'m going to|"
                    + "'m gon na|'re gon na|'m gonna|'re gonna|plan to|need to get|should )"),
            // Objective: examination findings, negated ones included ("no edema" is still an exam finding)
            cues(OBJECTIVE, 2.5, "on exam", "on examination", "on physical exam", "physical exam", "exam shows",
                    "exam reveals", "exam today", "examination", "lungs are clear", "lungs clear", "clear to auscultation",
                    "clear bilaterally", "heart is regular", "regular rate", "rrr ", "murmur", "tender", "edema",
                    "swelling noted", "erythema", "effusion", "bowel sounds", "abdomen is soft", "soft ", "nontender",
                    "non-tender", "alert and oriented", "oriented ", "well-appearing", "no acute distress", "in no distress",
                    "range of motion", "5/5", "4/5", "3/5", "strength is", "reflexes", "sensation is", "intact",
                    "palpation", "gait ", "straight leg raise", "pupils", "perrla", "tympanic", "oropharynx",
                    "lymphadenopathy", "mood is", "affect is", "affect was", "thought process", "thought content",
                    "speech is", "speech was", "eye contact", "insight", "judgment", "flexion", "extension", "abduction",
                    "degrees", "capillary refill", "pulses", "decay", "caries", "probing", "pocket depth", "gingiva",
                    "plaque", "calculus", "wheez", "crackles", "rales", "rhonchi", "i hear ", "i can feel", "i see ",
                    "i notice", "i do n't see", "i don't see", "i did n't see", "unremarkable", "within normal limits",
                    "no signs of", "mucous membranes", "skin is", "no rash", "bruising", "laceration", "abrasion",
                    "deformity", "crepitus", "laxity", "drawer", "lachman", "mcmurray", "spurling", "phalen", "tinel",
                    "appeared", "appears ", "presented as", "observed", "fetal heart", "fundal height", "cervix is",
                    "heart sounds", "lungs sound", "neck is supple", "supple", "well groomed", "dressed", "ambulat",
                    "monofilament", "dorsalis pedis", "tongue is", "pulse is", "gcs", "pupils are"),
            // Objective: results of tests already done
            cues(OBJECTIVE, 1.5, "x-ray", "xray", "mri ", "ct scan", "cat scan", "ultrasound", "echocardiogram", "ekg",
                    "ecg", "labs ", "lab work", "blood work", "bloodwork", "a1c", "hemoglobin", "ldl", "creatinine",
                    "potassium", "tsh ", "glucose", "radiograph", "bitewing", "panoramic", "urinalysis", "white count",
                    "biopsy", "culture"),
            // Objective: examination words of dentistry and bedside tests ("percussion is positive")
            cues(OBJECTIVE, 1.5, "percussion", "cold test", "probing", "caries", "decay", "cavity", "gingiv", "occlusal",
                    "mobility", "is positive", "is negative", "are positive", "are negative"),
            cues(OBJECTIVE, 2.0, "results", "came back", "showed", "shows ", "revealed", "reveals", "demonstrat",
                    "was normal", "were normal", "is normal", "are normal", "looks normal", "looked normal"),
            // Objective: treatment given during the visit
            cues(OBJECTIVE, 2.0, "we performed", "i performed", "was performed", "today we", "we did some",
                    "administered", "we gave", "was given", "applied ", "adjusted", "adjustment to", "needles were",
                    "needled", "inserted", "manual therapy", "soft tissue", "mobilization", "established iv",
                    "iv access", "splinted", "immobilized", "c-collar", "cardiac monitor", "12-lead", "we practiced",
                    "we worked on", "we explored", "i introduced", "we introduced", "i taught", "we reviewed",
                    "role-play", "role play", "cognitive restructuring", "reframing", "breathing exercise",
                    "scaling", "prophylaxis", "cleaning today"),
            // Assessment: the clinician's judgement
            cues(ASSESSMENT, 3.0, "impression", "assessment", "diagnosis", "diagnosed with", "consistent with",
                    "suggestive of", "indicative of", "differential", "rule out", "i think this is", "i think it's",
                    "i think it is", "i think you have", "i think you've", "i think that this", "i think that it",
                    "i believe", "i suspect", "suspicious for", "likely", "probably", "looks like you have",
                    "looks like a ", "sounds like you have", "sounds like a ", "seems like", "this is a ", "you have a ",
                    "you have an ", "well controlled", "well-controlled", "under control", "not controlled",
                    "uncontrolled", "out of control", "poorly controlled", "stable", "improving", "worsening",
                    "resolved", "resolving", "secondary to", "caused by", "making progress", "progressing",
                    "good progress", "great progress", "progress toward", "progress towards", "toward your goal",
                    "towards your goal", "goal is met", "goals are met", "met your goal",
                    "responded well", "tolerated", "at risk", "low risk", "high risk", "prognosis", "concerned about",
                    "concern for", "my concern"),
            cues(ASSESSMENT, 0.75, "strain", "sprain", "tendinitis", "tendonitis", "arthritis", "infection",
                    "syndrome", "disorder", "disease", "mechanical", "due to", "related to"),
            // Plan: what happens next
            cues(PLAN, 3.0, "we'll ", "we will ", "we are going to", "we're going to", "we're gonna", "we're gon na",
                    "i'm going to", "i am going to", "i'm gonna", "i'm gon na", "i'll ", "i will ", "i want you to",
                    "i'd like you to", "i would like you to", "i'd like to", "i want to", "i wan na", "want you to",
                    "let's ", "let us ", "plan is", "the plan", "start you on", "start on", "starting you", "prescrib",
                    "prescription", "refer ", "referral", "referring", "follow up in", "follow-up in", "follow up with",
                    "follow-up with", "follow up appointment", "come back", "see you back", "see you in", "return in",
                    "return to clinic", "return if", "return for", "recheck", "order ", "ordering", "schedule",
                    "continue ", "increase", "decrease", "taper", "discontinue", "stop taking", "switch you",
                    "recommend", "next session", "next visit", "next appointment", "homework", "call us", "call me",
                    "go to the er", "emergency room if", "transport", "en route", "handoff", "hand off",
                    "return to play", "bring him back", "bring her back", "bring them back", "reinforce", "counsel",
                    "educated", "advised", "instructed", "home exercise"),
            cues(PLAN, 1.5, "follow up", "follow-up", "followup", "should ", "make sure", "try ", "avoid", "ice ",
                    "heat ", "rest ", "exercises", "physical therapy", "take ", "apply ", "use ", "practice", "plan "),
            // Subjective: history the clinician restates or dictates
            cues(SUBJECTIVE, 2.0, "reports", "states", "denies", "complains", "complaining", "presents",
                    "presenting", "here for", "here today", "came in", "comes in", "history of", "past medical",
                    "year-old", "year old", "for the past", "weeks ago", "days ago", "months ago", "years ago",
                    "started", "began", "allerg", "smok", "alcohol", "surgery", "family history", "lives with",
                    "works as", "compliance with", "compliant with", "adherent", "endorses", "admits"),
            // Subjective: the reason for the visit, as a dictation opens ("seen today for follow-up of ...")
            cues(SUBJECTIVE, 3.0, "follow up of", "follow-up of", "followup of", "follow up for his", "follow up for her",
                    "follow-up for his", "follow-up for her", "seen today for", "seen in clinic", "today for follow",
                    "in for follow", "presents for", "for a recheck of", "for evaluation of"));

    /** Every cue rule's phrases in one index, group {@code i} for rule {@code i} (a pattern rule's group is empty). */
    private static final Cues CLINICIAN_CUES = Cues.grouped(CLINICIAN_RULES.stream()
            .map(rule -> rule.cues() == null ? List.<String>of() : rule.cues().phrases()).toList());

    /**
     * Which of {@link #CLINICIAN_RULES} match a sentence: bit {@code i} for rule {@code i}, as its
     * {@link Rule#matches} says. The cue rules are read in one scan of the sentence rather than one each.
     */
    static long matching(String lookup, String raw) {
        long cued = CLINICIAN_CUES.groupsIn(lookup);
        long out = 0;
        for (int i = 0; i < CLINICIAN_RULES.size(); i++) {
            Rule rule = CLINICIAN_RULES.get(i);
            if (rule.cues() != null ? (cued & 1L << i) != 0 : rule.matches(lookup, raw)) {
                out |= 1L << i;
            }
        }
        return out;
    }

    /** Phrases that move a dialogue into the examination or the assessment-and-plan phase. */
    static final Cues EXAM_PHASE = Cues.of("let me examine", "i'm going to examine", "i'm gonna examine",
            "i'm gon na examine", "let me take a look", "let's take a look", "let me have a look", "let me listen",
            "physical exam", "on exam", "examination", "your vitals", "vital signs", "let me check");
    static final Cues PLAN_PHASE = Cues.of("assessment and plan", "my assessment", "my impression",
            "for your first problem", "first problem", "so for your", "what i'd like to do", "what we're going to do",
            "here's the plan", "the plan is", "my plan");

    private ClassificationRules() {}

    private static Rule cues(SoapPart part, double weight, String... phrases) {
        return new Rule(part, weight, Cues.of(phrases), null);
    }

    private static Rule regex(SoapPart part, double weight, String pattern) {
        return new Rule(part, weight, null, Pattern.compile(pattern));
    }
}
