package org.chartscribe.note.embedded;

import java.util.regex.Pattern;

/** Words that make a sentence clinically relevant, used to keep content and rank informativeness. */
final class ClinicalLexicon {

    private static final Cues CLINICAL = Cues.of(
            // symptoms and findings
            "pain", "hurt", "ache", "sore", "tender", "swell", "swollen", "fever", "chill", "cough", "breath", "wheez",
            "nause", "vomit", "diarr", "constipat", "dizz", "headache", "migraine", "numb", "tingl", "weak", "tired",
            "fatigue", "rash", "itch", "bleed", "blood", "bruis", "cramp", "stiff", "spasm", "sleep", "insomnia",
            "appetite", "weight", "anxi", "depress", "mood", "panic", "suicid", "harm", "stress", "worr", "sad",
            "palpitat", "faint", "seizure", "infection", "injur", "fell ", "a fall", "falls ", "fallen", "sprain", "strain", "fracture",
            "burn", "wound", "ulcer", "lump", "discharge", "urinat", "period", "pregnan", "symptom", "flare",
            // body parts
            "back", "neck", "shoulder", "arm", "elbow", "wrist", "hand", "finger", "hip", "knee", "ankle", "foot", "feet",
            "toe", "leg", "chest", "heart", "lung", "abdom", "stomach", "belly", "head", "eye", "ear", "nose", "throat",
            "mouth", "tooth", "teeth", "gum", "jaw", "skin", "spine", "lumbar", "cervical", "thorac", "muscle", "joint",
            "bone", "kidney", "liver", "bladder", "bowel", "brain", "nerve", "pelvi", "breast", "tongue", "paw", "coat",
            // conditions, history, care
            "diabet", "hypertens", "pressure", "cholesterol", "asthma", "copd", "arthritis", "cancer", "thyroid",
            "surgery", "surger", "hospital", "history", "diagnos", "allerg", "medic", "pill", "tablet", "dose", "mg ",
            "milligram", "prescri", "refill", "insulin", "inhaler", "vaccine", "shot", "therapy", "exercise", "stretch",
            "diet", "eat", "drink", "alcohol", "smok", "vape", "marijuana", "drug", "caffeine", "water", "sugar",
            "test", "x-ray", "mri", "scan", "lab", "result", "exam", "range of motion", "strength", "walk", "stairs",
            "lift", "bend", "sit", "stand", "run", "work", "job", "activity", "function", "goal", "session", "coping",
            "relationship", "family", "mother", "father", "appointment", "follow", "refer", "specialist", "ibuprofen",
            "tylenol", "advil", "motrin", "aleve", "naproxen", "acetaminophen", "aspirin", "pril ", "olol ", "statin",
            "formin", "sartan", "pine ", "zole ", "cillin", "mycin", "cycline", "oxetine", "aline ", "pam ", "done ",
            "vitamin", "supplement", "ointment", "cream", "gel ", "drops", "patch", "injection", "brace", "splint",
            "cane", "walker", "crutch", "dog", "cat", "vomit", "litter", "chew", "bark", "food", "feeding", "formula",
            "diaper", "milestone", "fluoride", "floss", "brush", "cavity", "filling", "crown", "root canal", "needle",
            "massage", "adjust", "swallow", "speech", "voice", "word", "choke", "gene", "mutation", "brca", "carrier",
            "year-old", "years old", "week", "month", "day", "daily", "night", "morning", "since", "ago", "worse",
            "better", "improv", "pain scale", "out of 10", "/10", "denies", "reports", "normal", "abnormal",
            "edema", "bronch", "viral", "bacteri", "iv ", "oxygen", "controlled", "murmur", "fluid", "imaging",
            "ultrasound", "biopsy", "culture", "ekg", "echo", "ct ", "monitor", "wound", "incision", "sutur",
            "fracture", "tear", "surgical", "gout", "anemia", "apnea", "reflux", "hernia", "cyst", "polyp",
            "level", "panel", "count ", "urine", "uric", "acid", "swab", "screen", "a1c", "hemoglobin", "cbc", "orthop", "cardiolog", "dermatolog", "neurolog", "ent ", "consult");

    private static final Pattern NUMBER = Pattern.compile("\\d");

    private ClinicalLexicon() {}

    static boolean isClinical(String lookup) {
        return CLINICAL.any(lookup) || NUMBER.matcher(lookup).find();
    }

    /** How much clinical information a sentence carries; used to pick the best sentences for brief notes. */
    static double informativeness(String lookup) {
        double score = CLINICAL.count(lookup);
        var m = NUMBER.matcher(lookup);
        while (m.find()) {
            score += 0.5;
        }
        int words = lookup.trim().isEmpty() ? 0 : lookup.trim().split(" ").length;
        return score + Math.min(words, 30) / 30.0;
    }
}
