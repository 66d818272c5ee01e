package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spoken sentences lean on what was said just before ("It hurts when I lift."), but a note keeps only
 * some of them: a charted sentence that opens with "it", "that" or "this" and names nothing itself
 * is unreadable when the sentence before it in the note names nothing it could point to either. Such
 * a sentence is left out; a missing detail costs the clinician an edit, a riddle costs a rewrite.
 */
final class DanglingReferences {

    private static final Pattern OPENS_WITH_A_REFERENCE = Pattern.compile("(?i)^(?:(?:the patient|he|she) (?:reports|states|"
            + "says|notes|thinks|feels|believes) (?:that )?)?(?:it|that|this|they|those)(?:'s|'ll| is| was| has| had| does| did| "
            + "will| would| can| could| hurts| feels| seems| started| gets| got| comes| goes| happens| helps| helped| "
            + "didn't| doesn't| wasn't| isn't| just| really| kind of| definitely| usually| never| always)\\b");

    /**
     * Things a pronoun can point back to (a body part, a symptom, a drug, a condition, a test), and times:
     * "it was Saturday, about 5 days ago" still dates the complaint.
     */
    private static final Cues REFERENTS = Cues.of(
            "ago", "day", "week", "month", "year", "hour", "since", "yesterday", "last night", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday",
            "pain", "ache", "hurt", "sore", "swell", "swollen", "rash", "cough", "fever", "breath", "wheez", "nause",
            "vomit", "diarr", "constipat", "dizz", "headache", "migraine", "numb", "tingl", "itch", "bleed", "bruis",
            "cramp", "stiff", "spasm", "sleep", "insomnia", "appetite", "weight", "anxi", "depress", "mood", "panic",
            "palpitat", "seizure", "infection", "injur", "sprain", "strain", "fracture", "burn", "wound", "ulcer", "lump",
            "discharge", "urin", "period", "symptom", "flare", "reflux", "heartburn",
            "back", "neck", "shoulder", "arm", "elbow", "wrist", "hand", "finger", "thumb", "hip", "knee", "ankle", "foot",
            "feet", "toe", "leg", "thigh", "calf", "chest", "heart", "lung", "abdom", "stomach", "belly", "head", "eye",
            "ear", "nose", "throat", "mouth", "tooth", "teeth", "jaw", "skin", "spine", "muscle", "joint", "bone",
            "kidney", "liver", "bladder", "bowel", "breast",
            "diabet", "sugar", "pressure", "cholesterol", "asthma", "copd", "arthritis", "cancer", "thyroid", "surgery",
            "medic", "pill", "tablet", "dose", "inhaler", "insulin", "cream", "brace", "splint", "ice", "heat",
            "ibuprofen", "tylenol", "advil", "motrin", "aleve", "naproxen", "acetaminophen", "aspirin",
            "x-ray", "mri", "scan", "test", "lab", "result", "biopsy", "ultrasound", "echo", "ekg", "blood work", "exercise", "diet", "therapy");

    private DanglingReferences() {}

    /** The sentences of one heading, in order, without those whose opening pronoun points to nothing charted. */
    static List<Classified> withoutDangling(List<Classified> sentences) {
        List<Classified> kept = new ArrayList<>(sentences.size());
        boolean referentBefore = false;
        for (Classified s : sentences) {
            boolean namesSomething = REFERENTS.any(s.lookup());
            if (!namesSomething && !referentBefore && OPENS_WITH_A_REFERENCE.matcher(s.text()).find()) {
                continue;
            }
            kept.add(s);
            referentBefore = namesSomething;
        }
        return kept;
    }
}
