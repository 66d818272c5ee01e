package org.chartscribe.note;

import static org.chartscribe.note.SoapPart.ASSESSMENT;
import static org.chartscribe.note.SoapPart.OBJECTIVE;
import static org.chartscribe.note.SoapPart.PLAN;
import static org.chartscribe.note.SoapPart.SUBJECTIVE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 24 specialties of the contract with their own section structure. The first heading of each
 * division is where the engine puts a sentence that fits no more specific heading.
 */
public final class Specialties {

    private static final Map<String, Specialty> BY_ID = new LinkedHashMap<>();

    static {
        add("nurse_practitioner", "Nurse Practitioner", false,
                List.of("Chief Complaint", "History of Present Illness", "Review of Systems", "Medications", "Allergies",
                        "Past Medical History", "Social History", "Family History"),
                List.of("Vital Signs", "Physical Examination", "Results"),
                List.of("Assessment", "Differential Diagnosis"),
                List.of("Plan", "Medications", "Orders", "Referrals", "Patient Education", "Follow-up"));
        add("physician", "Physician", false,
                List.of("Chief Complaint", "History of Present Illness", "Review of Systems", "Medications", "Allergies",
                        "Past Medical History", "Past Surgical History", "Social History", "Family History"),
                List.of("Vital Signs", "Physical Examination", "Results"),
                List.of("Assessment", "Differential Diagnosis"),
                List.of("Plan", "Medications", "Orders", "Referrals", "Patient Education", "Follow-up"));
        add("psychiatrist", "Psychiatrist", true,
                List.of("Chief Complaint", "History of Present Illness", "Psychiatric History", "Substance Use",
                        "Medications", "Allergies", "Social History", "Family History"),
                List.of("Mental Status Exam", "Vital Signs", "Results"),
                List.of("Assessment", "Risk Assessment"),
                List.of("Plan", "Medications", "Therapy", "Safety Plan", "Follow-up"));
        add("psychotherapist", "Psychotherapist", true,
                List.of("Presenting Concerns", "Client Report", "Stressors", "Coping"),
                List.of("Clinician Observations", "Mental Status"),
                List.of("Clinical Impression", "Progress Toward Goals", "Risk Assessment"),
                List.of("Plan", "Interventions", "Homework", "Next Session"));
        add("physical_therapy", "Physical Therapy", false,
                List.of("Chief Complaint", "History of Present Illness", "Pain", "Functional Limitations", "Prior Level of Function"),
                List.of("Observation", "Range of Motion", "Strength", "Special Tests", "Functional Assessment", "Treatment Provided"),
                List.of("Assessment", "Goals"),
                List.of("Plan", "Home Exercise Program", "Frequency and Duration", "Follow-up"));
        add("occupational_therapy", "Occupational Therapy", false,
                List.of("Chief Complaint", "History of Present Illness", "Activities of Daily Living", "Pain", "Goals Reported"),
                List.of("Observation", "Fine Motor and Range of Motion", "Functional Performance", "Treatment Provided"),
                List.of("Assessment", "Goals"),
                List.of("Plan", "Home Program", "Adaptive Equipment", "Follow-up"));
        add("chiropractor", "Chiropractor", false,
                List.of("Chief Complaint", "History of Present Illness", "Pain", "Functional Limitations"),
                List.of("Posture and Palpation", "Range of Motion", "Orthopedic and Neurologic Tests", "Adjustments Performed"),
                List.of("Assessment"),
                List.of("Plan", "Home Care", "Follow-up"));
        add("dentist", "Dentist", false,
                List.of("Chief Complaint", "Dental History", "Medical History", "Medications", "Allergies"),
                List.of("Extraoral Exam", "Intraoral Exam", "Teeth and Surfaces", "Radiographs", "Periodontal Findings"),
                List.of("Assessment"),
                List.of("Plan", "Procedures", "Prescriptions", "Oral Hygiene Instructions", "Follow-up"));
        add("acupuncture", "Acupuncture", false,
                List.of("Chief Complaint", "History of Present Illness", "Pain", "Sleep, Appetite and Energy"),
                List.of("Tongue and Pulse", "Palpation", "Points Treated"),
                List.of("Assessment", "Pattern Differentiation"),
                List.of("Plan", "Self-care", "Follow-up"));
        add("social_worker", "Social Worker", true,
                List.of("Presenting Concerns", "Client Report", "Psychosocial History", "Supports and Resources"),
                List.of("Observations", "Mental Status"),
                List.of("Assessment", "Needs", "Risk Assessment"),
                List.of("Plan", "Referrals and Resources", "Next Contact"));
        add("registered_nurse", "Registered Nurse", false,
                List.of("Chief Complaint", "Patient Report", "Pain", "Medications", "Allergies"),
                List.of("Vital Signs", "Nursing Assessment", "Interventions Performed"),
                List.of("Nursing Assessment Summary"),
                List.of("Plan", "Patient Education", "Follow-up"));
        add("speech_language_pathology", "Speech-Language Pathology", false,
                List.of("Chief Complaint", "Patient and Caregiver Report", "Communication and Swallowing History"),
                List.of("Observation", "Speech and Language Performance", "Swallowing", "Treatment Provided"),
                List.of("Assessment", "Goals"),
                List.of("Plan", "Home Program", "Follow-up"));
        add("veterinary", "Veterinary", false,
                List.of("Signalment", "Presenting Complaint", "Owner Report", "History", "Diet and Medications"),
                List.of("Vital Signs", "Physical Examination", "Diagnostics"),
                List.of("Assessment", "Differential Diagnosis"),
                List.of("Plan", "Treatment", "Client Communication", "Recheck"));
        add("massage_therapy", "Massage Therapy", false,
                List.of("Chief Complaint", "Client Report", "Pain", "Activities Affected"),
                List.of("Palpation and Posture", "Range of Motion", "Techniques Applied"),
                List.of("Assessment", "Response to Treatment"),
                List.of("Plan", "Self-care", "Next Session"));
        add("pharmacy", "Pharmacy", false,
                List.of("Reason for Consult", "Patient Report", "Medication History", "Allergies", "Adherence"),
                List.of("Vital Signs", "Pertinent Labs", "Current Medication List"),
                List.of("Assessment", "Drug Therapy Problems"),
                List.of("Plan", "Recommendations", "Patient Counseling", "Monitoring", "Follow-up"));
        add("podiatrist", "Podiatrist", false,
                List.of("Chief Complaint", "History of Present Illness", "Pain", "Footwear and Activity", "Medical History"),
                List.of("Vascular", "Neurological", "Dermatological", "Musculoskeletal", "Procedures Performed"),
                List.of("Assessment"),
                List.of("Plan", "Foot Care Education", "Follow-up"));
        add("dietitian_nutritionist", "Dietitian / Nutritionist", false,
                List.of("Reason for Visit", "Diet History", "Appetite and Intake", "Activity", "Medications and Supplements"),
                List.of("Anthropometrics", "Pertinent Labs", "Nutrition-Focused Findings"),
                List.of("Nutrition Diagnosis", "Assessment"),
                List.of("Plan", "Nutrition Interventions", "Goals", "Monitoring and Follow-up"));
        add("athletic_trainer", "Athletic Trainer", false,
                List.of("Chief Complaint", "Mechanism of Injury", "Pain", "Sport and Activity"),
                List.of("Observation", "Palpation", "Range of Motion", "Strength", "Special Tests", "Treatment Provided"),
                List.of("Assessment"),
                List.of("Plan", "Return to Play", "Home Program", "Follow-up"));
        add("emergency_medical_services", "Emergency Medical Services", false,
                List.of("Chief Complaint", "Mechanism of Injury", "History of Present Illness", "Medications", "Allergies",
                        "Past Medical History"),
                List.of("Vital Signs", "Primary Survey", "Secondary Assessment", "Interventions"),
                List.of("Field Impression"),
                List.of("Plan", "Transport", "Handoff"));
        add("paramedic", "Paramedic", false,
                List.of("Chief Complaint", "Mechanism of Injury", "History of Present Illness", "Medications", "Allergies",
                        "Past Medical History"),
                List.of("Vital Signs", "Primary Survey", "Secondary Assessment", "Interventions"),
                List.of("Field Impression"),
                List.of("Plan", "Transport", "Handoff"));
        add("genetic_counseling", "Genetic Counseling", false,
                List.of("Reason for Referral", "Personal History", "Family History", "Patient Concerns"),
                List.of("Pedigree Findings", "Prior Testing"),
                List.of("Risk Assessment", "Assessment"),
                List.of("Plan", "Testing Options Discussed", "Counseling Provided", "Follow-up"));
        add("pediatrics", "Pediatrics", false,
                List.of("Chief Complaint", "History of Present Illness", "Birth and Developmental History", "Feeding and Sleep",
                        "Immunizations", "Medications", "Allergies", "Family and Social History"),
                List.of("Vital Signs and Growth", "Physical Examination", "Results"),
                List.of("Assessment"),
                List.of("Plan", "Medications", "Anticipatory Guidance", "Follow-up"));
        add("obstetrics_gynecology", "Obstetrics and Gynecology", false,
                List.of("Chief Complaint", "History of Present Illness", "Obstetric History", "Gynecologic History",
                        "Medications", "Allergies"),
                List.of("Vital Signs", "Physical Examination", "Pelvic Exam", "Fetal Assessment", "Results"),
                List.of("Assessment"),
                List.of("Plan", "Medications", "Orders", "Counseling", "Follow-up"));
        add("generic", "Generic", false,
                List.of("Chief Complaint", "History of Present Illness", "Review of Systems", "Medications", "Allergies",
                        "Past Medical History", "Social History", "Family History"),
                List.of("Vital Signs", "Physical Examination", "Results"),
                List.of("Assessment"),
                List.of("Plan", "Medications", "Orders", "Referrals", "Patient Education", "Follow-up"));
    }

    private Specialties() {}

    private static void add(String id, String name, boolean behavioural, List<String> s, List<String> o,
                            List<String> a, List<String> p) {
        BY_ID.put(id, new Specialty(id, name, behavioural, Map.of(SUBJECTIVE, s, OBJECTIVE, o, ASSESSMENT, a, PLAN, p)));
    }

    public static List<Specialty> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<Specialty> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Specialty generic() {
        return BY_ID.get("generic");
    }
}
