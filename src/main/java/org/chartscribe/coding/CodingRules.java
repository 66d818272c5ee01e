package org.chartscribe.coding;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small rule tables a coder applies after finding codes: refinements from wording in the same
 * statement, combination codes the classification presumes ("with" links), and pairs that must not
 * be reported together (Excludes1 notes, and symptoms that are integral to a confirmed diagnosis).
 * Codes are matched by prefix, so "I50" covers every heart failure code.
 */
final class CodingRules {

    /** Replace {@code code} with {@code refined} when the statement matches {@code wording}. */
    record Refinement(String code, Pattern wording, String refined, String why) {}

    /** When codes with both prefixes are present, {@code replace} becomes {@code with}. */
    record Combination(String replace, String whenPresent, String with, String why) {}

    /** Drop codes with prefix {@code drop} when a code with prefix {@code keep} is present. */
    record Conflict(String drop, String keep, String why) {}

    private static final Pattern UNCONTROLLED = Pattern.compile(
            "\\b(?:uncontrolled|poorly controlled|not (?:well )?controlled|out of control|hyperglycemi|elevated (?:blood )?(?:sugar|glucose)|high (?:blood )?sugars?"
                    + "|(?:sugars?|glucose) (?:levels? )?(?:ha(?:ve|s) been |are |were |is |was )?(?:running )?(?:a (?:little )?(?:bit )?)?(?:too )?(?:high|elevated))",
            Pattern.CASE_INSENSITIVE);

    static final List<Refinement> REFINEMENTS = List.of(
            new Refinement("E11.9", UNCONTROLLED, "E11.65", "uncontrolled diabetes is coded as with hyperglycemia"),
            new Refinement("E10.9", UNCONTROLLED, "E10.65", "uncontrolled diabetes is coded as with hyperglycemia"),
            new Refinement("J45.909", Pattern.compile("\\bexacerbat|\\bflare", Pattern.CASE_INSENSITIVE), "J45.901",
                    "asthma with exacerbation"),
            new Refinement("J44.9", Pattern.compile("\\bexacerbat|\\bflare", Pattern.CASE_INSENSITIVE), "J44.1",
                    "COPD with exacerbation"),
            new Refinement("I50.9", Pattern.compile("\\bsystolic\\b|reduced ejection fraction|\\bhfref\\b", Pattern.CASE_INSENSITIVE),
                    "I50.20", "heart failure documented as systolic"),
            new Refinement("I50.9", Pattern.compile("\\bdiastolic\\b|preserved ejection fraction|\\bhfpef\\b", Pattern.CASE_INSENSITIVE),
                    "I50.30", "heart failure documented as diastolic"),
            new Refinement("M65.30", Pattern.compile("\\bindex\\b", Pattern.CASE_INSENSITIVE), "M65.32{lat}", "finger documented"),
            new Refinement("M65.30", Pattern.compile("\\bmiddle\\b", Pattern.CASE_INSENSITIVE), "M65.33{lat}", "finger documented"),
            new Refinement("M65.30", Pattern.compile("\\bring\\b", Pattern.CASE_INSENSITIVE), "M65.34{lat}", "finger documented"),
            new Refinement("M65.30", Pattern.compile("\\b(?:little|small|pinky)\\b", Pattern.CASE_INSENSITIVE), "M65.35{lat}", "finger documented"),
            new Refinement("M65.30", Pattern.compile("\\bthumb\\b", Pattern.CASE_INSENSITIVE), "M65.31{lat}", "thumb documented"),
            new Refinement("M10.9", Pattern.compile("\\bchronic\\b", Pattern.CASE_INSENSITIVE), "M1A.9XX0", "chronic gout"));

    // Hypertension with heart failure or CKD, and diabetes with CKD, ulcer or neuropathy are linked
    // by the classification itself unless the clinician says otherwise (guidelines I.C.9.a, I.A.15).
    static final List<Combination> COMBINATIONS = List.of(
            new Combination("I10", "I50", "I11.0", "hypertension with heart failure is presumed linked"),
            new Combination("I10", "N18", "I12.9", "hypertension with chronic kidney disease is presumed linked"),
            new Combination("I11.0", "N18", "I13.0", "hypertension with heart failure and chronic kidney disease"),
            new Combination("I12.9", "I50", "I13.0", "hypertension with heart failure and chronic kidney disease"),
            new Combination("E11.9", "N18", "E11.22", "diabetes with chronic kidney disease is presumed linked"),
            new Combination("E11.9", "L97", "E11.621", "diabetes with foot ulcer is presumed linked"),
            new Combination("E11.9", "G62.9", "E11.42", "diabetes with polyneuropathy is presumed linked"),
            new Combination("G62.9", "E11.42", "E11.42", "diabetic polyneuropathy is one code"),
            new Combination("E11.65", "L97", "E11.621", "diabetes with foot ulcer is presumed linked"),
            new Combination("R11.0", "R11.1", "R11.2", "nausea with vomiting is one code"),
            new Combination("R11.10", "R11.2", "R11.2", "nausea with vomiting is one code"));

    static final List<Conflict> CONFLICTS = List.of(
            // Excludes1 pairs
            new Conflict("R73", "E1", "Excludes1: hyperglycemia with diabetes"),
            new Conflict("R73", "O24", "Excludes1: hyperglycemia with diabetes in pregnancy"),
            new Conflict("R03.0", "I1", "Excludes1: elevated blood pressure reading with hypertension"),
            new Conflict("I10", "I11", "Excludes1: essential hypertension with hypertensive heart disease"),
            new Conflict("I10", "I12", "Excludes1: essential hypertension with hypertensive kidney disease"),
            new Conflict("I10", "I13", "Excludes1: essential hypertension with hypertensive heart and kidney disease"),
            new Conflict("I10", "O1", "Excludes1: hypertension complicating pregnancy"),
            new Conflict("M54.5", "S39.012", "Excludes1: low back pain with low back strain"),
            new Conflict("M54.5", "M51.2", "Excludes1: low back pain due to disc displacement"),
            new Conflict("M54.9", "S39.012", "low back strain explains the back pain"),
            new Conflict("M54.9", "M54.5", "low back pain is the more specific code"),
            new Conflict("M54.9", "M51", "disc disorder explains the back pain"),
            new Conflict("R10", "N23", "Excludes1: abdominal pain with renal colic"),
            new Conflict("N23", "N20", "renal colic is integral to the stone"),
            new Conflict("Z72.0", "F17", "Excludes1: tobacco use with nicotine dependence"),
            new Conflict("Z87.891", "F17", "Excludes1: history of nicotine dependence with current dependence"),
            new Conflict("Z34", "O09", "Excludes1: normal pregnancy supervision with high-risk supervision"),
            new Conflict("Z00.00", "Z00.01", "one general examination code"),
            new Conflict("N39.0", "N30", "cystitis names the site"),
            new Conflict("N39.0", "O23", "urinary infection in pregnancy"),
            new Conflict("E66.9", "E66.0", "obesity type documented"),
            new Conflict("E78.5", "E78.0", "hyperlipidemia type documented"),
            new Conflict("E78.5", "E78.2", "hyperlipidemia type documented"),
            new Conflict("F32.A", "F32.", "depression type documented"),
            new Conflict("F32.A", "F33", "depression type documented"),
            new Conflict("F32.9", "F33", "recurrent depression documented"),
            new Conflict("F41.9", "F41.1", "anxiety type documented"),
            new Conflict("F41.9", "F43.2", "adjustment disorder with anxiety"),
            new Conflict("K21.9", "K21.0", "Excludes1: reflux without esophagitis with reflux esophagitis"),
            new Conflict("K20.9", "K21.0", "reflux esophagitis is one code"),
            new Conflict("M19.90", "M15", "osteoarthritis site documented"),
            new Conflict("M19.90", "M16", "osteoarthritis site documented"),
            new Conflict("M19.90", "M17", "osteoarthritis site documented"),
            new Conflict("M19.90", "M19.0", "osteoarthritis site documented"),
            new Conflict("M19.90", "M20.2", "hallux rigidus is the great toe's osteoarthritis"),
            new Conflict("M65.30", "M65.3", "finger documented"),
            new Conflict("I50.9", "I50.", "heart failure type documented"),
            new Conflict("J06.9", "J0", "the infection site is documented"),
            new Conflict("J98.4", "J", "the lung condition is documented"),
            new Conflict("G62.9", "E11.4", "diabetic neuropathy"),
            new Conflict("T14.8", "S", "the injured site is documented"),
            // a breast tumour with in-situ and invasive parts is coded as the invasive carcinoma
            new Conflict("D05.1", "C50", "invasive carcinoma documented; its in-situ component is not coded apart"),
            // signs and symptoms integral to a confirmed diagnosis (guideline I.B.5)
            new Conflict("R05", "J", "cough is integral to the respiratory diagnosis"),
            new Conflict("R06", "J4", "breathlessness is integral to asthma or COPD"),
            new Conflict("R06", "I50", "breathlessness is integral to heart failure"),
            new Conflict("R50", "J", "fever is integral to the infection"),
            new Conflict("J02.9", "J02.0", "strep documented"),
            new Conflict("R51", "G43", "headache is integral to migraine"),
            new Conflict("R51", "G44", "headache is integral to the headache syndrome"),
            new Conflict("R07", "I2", "chest pain is integral to the coronary diagnosis"),
            new Conflict("R11", "K21", "nausea is integral to reflux"),
            new Conflict("R12", "K21", "heartburn is integral to reflux"),
            new Conflict("R13.1", "K20", "painful swallowing is integral to esophagitis"),
            new Conflict("R30", "N39.0", "dysuria is integral to the infection"),
            new Conflict("R30", "N30", "dysuria is integral to the infection"),
            new Conflict("R31", "N20", "hematuria is integral to the stone"),
            new Conflict("M25.56", "S83", "knee pain is integral to the knee injury"),
            new Conflict("M25.56", "M17", "knee pain is integral to the osteoarthritis"),
            new Conflict("M25.56", "M22.2", "knee pain is integral to the patellofemoral disorder"),
            new Conflict("M25.56", "M76.5", "knee pain is integral to the tendinitis"),
            new Conflict("M25.51", "M75", "shoulder pain is integral to the shoulder lesion"),
            new Conflict("M25.51", "S46", "shoulder pain is integral to the injury"),
            new Conflict("M25.52", "M77", "elbow pain is integral to the epicondylitis"),
            new Conflict("M25.53", "G56.0", "wrist pain is integral to carpal tunnel syndrome"),
            new Conflict("M25.57", "S93", "ankle pain is integral to the sprain"),
            new Conflict("M25.57", "S82", "ankle pain is integral to the fracture"),
            new Conflict("M79.67", "S92", "foot pain is integral to the fracture"),
            new Conflict("M79.67", "M72.2", "foot pain is integral to plantar fasciitis"),
            new Conflict("M79.67", "M20", "foot pain is integral to the toe deformity"),
            new Conflict("M79.67", "L97", "foot pain is integral to the ulcer"),
            new Conflict("M79.64", "M65", "hand pain is integral to the tenosynovitis"),
            new Conflict("M79.64", "G56", "hand pain is integral to the neuropathy"),
            new Conflict("M25.55", "M16", "hip pain is integral to the osteoarthritis"),
            new Conflict("M25.55", "M70.6", "hip pain is integral to the bursitis"),
            new Conflict("M25.50", "M", "the joint condition is documented"),
            new Conflict("R42", "H81", "dizziness is integral to vertigo"),
            new Conflict("R20.2", "G56", "tingling is integral to the nerve entrapment"),
            new Conflict("R20.2", "E11.4", "tingling is integral to the neuropathy"),
            new Conflict("R21", "L", "the rash diagnosis is documented"),
            new Conflict("L29.9", "L", "itching is integral to the skin diagnosis"),
            new Conflict("R53.83", "D5", "fatigue is integral to the anemia"),
            new Conflict("R53.83", "D64", "fatigue is integral to the anemia"),
            new Conflict("R53.83", "E03", "fatigue is integral to hypothyroidism"));

    private CodingRules() {}

    static boolean has(Map<String, ?> codes, String prefix) {
        return codes.keySet().stream().anyMatch(c -> c.startsWith(prefix));
    }
}
