package org.chartscribe.note.embedded;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.chartscribe.clinical.WordPhrases;

/**
 * The body system of an exam finding, as clinicians head them ("Cardiovascular", "Respiratory",
 * "Musculoskeletal"), and the finding written as a chart fragment ("She has tenderness over the knee."
 * becomes "Tenderness over the knee."). Systems are tried in order, so "tenderness in the right upper
 * quadrant" is abdominal before anything muscular.
 */
final class ExamSystems {

    /** {@code words}: the cue's words at word starts, read from the cue itself; without them it cannot match. */
    private record BodySystem(String name, Pattern cue, WordPhrases words) {}

    /** Tried in this order; a finding on a named joint is musculoskeletal before it is skin or extremity. */
    private static final List<BodySystem> SYSTEMS = List.of(
            system("Cardiovascular", "heart|hearts|murmurs?|gallops?|rubs?|s1|s2|s3|s4|regular rate|irregular rhythm|"
                    + "irregularly irregular|cardiac|carotid bruits?|bradycardic|tachycardic"),
            system("Respiratory", "lungs?|breath sounds|wheez\\w*|crackles|rales|rhonchi|clear to auscultation|"
                    + "respiratory effort|air movement|chest wall"),
            system("Abdomen", "abdomen|abdominal|bowel sounds|rebound|guarding|quadrant|hepatomegaly|splenomegaly|"
                    + "belly|epigastric|periumbilical|suprapubic|murphy's sign"),
            system("Genitourinary", "cva tenderness|costovertebral|flank"),
            system("HEENT", "ears?|tympanic membranes?|throat|pharynx|oropharynx|tonsils?|eyes?|pupils?|conjunctiva\\w*|"
                    + "nose|nasal|sinus\\w*|mouth|sclera"),
            system("Neck", "neck|thyroid|lymph nodes?|lymphadenopathy|jvd|jugular"),
            system("Neurological", "sensation|reflexes|cranial nerves?|neuro\\w*|gait|romberg|numbness|focal deficits?"),
            system("Musculoskeletal", "knees?|shoulders?|elbows?|wrists?|hips?|ankles?|toes?|fingers?|phalan\\w+|"
                    + "spine|back|lumbar|cervical|joints?|range of motion|effusion|flexion|extension|valgus|varus|"
                    + "mcmurray\\w*|lachman|drawer|strength|muscles?|tendon\\w*|ligament\\w*|crepitus|patella\\w*|"
                    + "straight leg"),
            system("Skin", "rash\\w*|lesions?|erythema|wounds?|laceration|bruis\\w*|ecchymosis|incision|skin|scar"),
            system("Extremities", "edema|pitting|extremit\\w+|pulses"),
            system("Musculoskeletal", "feet|foot|hands?|swelling|calf|thigh|legs?|arms?"),
            system("Psychiatric", "mood|affect|oriented|judgment|insight"));

    /** The order clinicians chart systems in. */
    private static final List<String> CHART_ORDER = List.of("HEENT", "Neck", "Respiratory", "Cardiovascular",
            "Abdomen", "Genitourinary", "Musculoskeletal", "Extremities", "Neurological", "Skin", "Psychiatric");

    /** Openers a chart fragment does without: "Looking at him,", "On his knee exam,", "Here,". */
    private static final Pattern OPENER = Pattern.compile("(?i)^(?:(?:so|now|and|also|here|looking at (?:him|her|them|"
            + "you|this|that|it)|on (?:his|her|their|the|your) [a-z ]{0,20}(?:exam|examination)|on (?:exam|examination)),?\\s+)+");

    /** "She has", "there is", "I hear": the subject and verb a chart fragment does without. */
    private static final Pattern LEAD = Pattern.compile("(?i)^(?:(?:she|he|they|the patient) (?:has|have|had|"
            + "does have|did have)(?! (?:been|not|no|to)\\b)|there (?:is|are|was|were)(?! not\\b)(?: also)?)\\s+(?:(?:a|an|some)\\s+(?=[a-z0-9]))?");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i)^(?:her|his|their|the patient's) (?=[a-z])");

    private ExamSystems() {}

    /** The system a finding belongs to, or null when none is recognised. */
    static String of(String lower) {
        for (BodySystem s : SYSTEMS) {
            if (s.words().in(lower) && s.cue().matcher(lower).find()) {
                return s.name();
            }
        }
        return null;
    }

    /** The finding without the subject a chart leaves out, starting with a capital. */
    static int rank(String system) {
        return CHART_ORDER.indexOf(system);
    }

    static String fragment(String said) {
        String sentence = OPENER.matcher(said).replaceFirst("");
        if (sentence.length() < 4) {
            return said;
        }
        String s = LEAD.matcher(sentence).replaceFirst("");
        if (s.length() == sentence.length()) {
            s = POSSESSIVE.matcher(sentence).replaceFirst("");
        }
        if (s.isBlank() || s.length() < 4) {
            s = sentence;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static BodySystem system(String name, String regex) {
        return new BodySystem(name, Pattern.compile("\\b(?:" + regex + ")\\b"),
                Objects.requireNonNull(WordPhrases.ofAlternation(regex, false, true), name));
    }
}
