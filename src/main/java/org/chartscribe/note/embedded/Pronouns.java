package org.chartscribe.note.embedded;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.PatientHints;

/**
 * How the note refers to the patient. The sex comes from the client's hint, or from what the
 * clinician says ("a 43-year-old female", "Mr. Smith"); without either the note says "the patient"
 * and "they". Nothing here is a fact the guard checks: it only chooses pronouns.
 */
record Pronouns(String subject, String object, String possessive, String reflexive, boolean singular,
                String opener) {

    static final Pronouns SHE = new Pronouns("she", "her", "her", "herself", true, "She");
    static final Pronouns HE = new Pronouns("he", "him", "his", "himself", true, "He");
    static final Pronouns THEY = new Pronouns("they", "them", "their", "themselves", false, "The patient");

    private static final Pattern FEMALE = Pattern.compile(
            "(?i)(?=[ymYM])\\b(?:(?:year[- ]old|yo|y/o) (?:female|woman|lady|girl)\\b|(?<![a-z])(?:mrs|ms|miss)\\s?\\.?\\s+[a-z])");
    private static final Pattern MALE = Pattern.compile(
            "(?i)(?=[ymYM])\\b(?:(?:year[- ]old|yo|y/o) (?:male|man|gentleman|boy)\\b|(?<![a-z])mr\\s?\\.?\\s+[a-z])");

    /** The pronouns for a transcript: the hint wins, then the first sex the clinician states. */
    static Pronouns of(PatientHints hints, String transcript) {
        if (hints != null && hints.sex() != null) {
            String sex = hints.sex().toLowerCase(Locale.ROOT);
            if (sex.startsWith("f") || sex.startsWith("w")) {
                return SHE;
            }
            if (sex.startsWith("m")) {
                return HE;
            }
        }
        Matcher f = FEMALE.matcher(transcript);
        Matcher m = MALE.matcher(transcript);
        int fi = f.find() ? f.start() : Integer.MAX_VALUE;
        int mi = m.find() ? m.start() : Integer.MAX_VALUE;
        if (fi != mi) {
            return fi < mi ? SHE : HE;
        }
        Pronouns byUsage = byClinicianUsage(transcript);
        return byUsage != THEY ? byUsage : byAnatomy(transcript);
    }

    /** The patient's own anatomy, said to or by the patient ("your last period", "my prostate"). */
    private static final Pattern FEMALE_ANATOMY = Pattern.compile("(?i)\\b(?:your|my) (?:last )?(?:menstrual )?"
            + "(?:period|periods|pap smear|mammogram|uterus|ovaries|cervix|breasts?)\\b|\\b(?:are you|i'm|i am|you're) "
            + "pregnant\\b");
    private static final Pattern MALE_ANATOMY = Pattern.compile("(?i)\\b(?:your|my) (?:prostate|testicles?|scrotum)\\b");

    private static Pronouns byAnatomy(String transcript) {
        // the patterns run only when one of their nouns occurs at all (most visits name none)
        String lower = transcript.toLowerCase(Locale.ROOT);
        boolean female = containsAny(lower, "period", "pap smear", "mammogram", "uterus", "ovaries", "cervix", "breast",
                "pregnant") && FEMALE_ANATOMY.matcher(transcript).find();
        boolean male = containsAny(lower, "prostate", "testicle", "scrotum") && MALE_ANATOMY.matcher(transcript).find();
        return female == male ? THEY : female ? SHE : HE;
    }

    private static boolean containsAny(String lower, String... words) {
        for (String word : words) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SHE_WORDS = Pattern.compile("(?i)(?=[sShH])\\b(?:she|her|herself)\\b");
    private static final Pattern HE_WORDS = Pattern.compile("(?i)(?=[hH])\\b(?:he|him|his|himself)\\b");
    private static final int MIN_MENTIONS = 5;

    /** When nobody states the sex, a clinician dictating about the patient uses one pronoun far more. */
    private static Pronouns byClinicianUsage(String transcript) {
        int she = count(SHE_WORDS, transcript);
        int he = count(HE_WORDS, transcript);
        if (she >= MIN_MENTIONS && she >= 3 * he) {
            return SHE;
        }
        if (he >= MIN_MENTIONS && he >= 3 * she) {
            return HE;
        }
        return THEY;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The subject form at the start of a sentence. */
    String capitalSubject() {
        return opener;
    }

    /** The same pronouns, with a sentence that opens on the patient saying "The patient". */
    Pronouns namingThePatient() {
        return new Pronouns(subject, object, possessive, reflexive, singular, "The patient");
    }

    /** Whether the sentence-opening subject takes a singular verb ("The patient has", "She has"). */
    boolean openerSingular() {
        return true;
    }
}
