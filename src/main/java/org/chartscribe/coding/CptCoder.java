package org.chartscribe.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chartscribe.note.BillingCodes.Procedure;

/**
 * Suggests CPT codes: the visit (office E/M, preventive, PT evaluation, psychotherapy or chiropractic
 * manipulation by specialty), procedures the clinician says were done, timed therapy units by the
 * 8-minute rule, and modifiers 25 (separate E/M on a procedure day) and 95 (synchronous telehealth).
 */
public final class CptCoder {

    /** What the CPT coder reads: the transcript, the specialty id, the ICD-10-CM codes and an age if known. */
    public record Input(String transcript, String specialty, List<String> icd10, Integer age) {}

    private record ProcedureRule(String code, Pattern words) {}

    /** Said as done or being done now, not as a possibility. */
    private static final Pattern DONE = Pattern.compile(
            "\\b(?:i'?m going to|i am going to|i will|i'll|we'll|we will|we are going to|we're going to|let'?s|let me|"
                    + "i gave|we gave|i did|we did|i performed|we performed|i injected|you received|we'll go ahead|go ahead and)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "\\b(?:if|might|could|consider|maybe|next time|in the future|down the road|would you like|do you want)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<ProcedureRule> PROCEDURES = List.of(
            rule("20610", "(?:steroid|cortisone|kenalog|depo-medrol|gel|hyaluronic|joint)? ?(?:injection|shot|inject|aspirat\\w*|drain) (?:\\w+ ){0,4}(?:knee|shoulder|hip)|(?:knee|shoulder|hip) (?:injection|aspiration)"),
            rule("20605", "(?:injection|shot|inject|aspirat\\w*) (?:\\w+ ){0,4}(?:elbow|wrist|ankle)|(?:elbow|wrist|ankle) (?:injection|aspiration)"),
            rule("20550", "(?:injection|shot|inject) (?:\\w+ ){0,4}(?:trigger finger|tendon sheath|finger)|trigger finger injection"),
            rule("20552", "trigger point injection"),
            rule("96372", "(?:toradol|rocephin|ceftriaxone|b12|b-12|depo-provera|kenalog|phenergan|steroid) (?:shot|injection)|(?:shot|injection) of (?:toradol|rocephin|ceftriaxone|b12|depo)"),
            rule("93000", "\\b(?:ekg|ecg|electrocardiogram)\\b"),
            rule("94060", "spirometry (?:before and after|with (?:a |the )?bronchodilator)|pre and post bronchodilator"),
            rule("94010", "\\bspirometry\\b|breathing test|pulmonary function test"),
            rule("94640", "\\bnebuli[sz]er (?:treatment)?|breathing treatment"),
            rule("10060", "(?:incision and drainage|i&d|i and d|drain (?:the|this|that) (?:abscess|boil))"),
            rule("69210", "(?:remove|clean out|take out) (?:the |your |some )?(?:ear ?wax|cerumen)"),
            rule("11102", "(?:shave )?biopsy (?:of )?(?:the |that |this )?(?:lesion|mole|spot)"),
            rule("17110", "freeze (?:the |that |this |your )?warts?|cryotherapy"),
            rule("12001", "(?:stitches|sutures|suture (?:it|the)|close (?:the|this) (?:cut|laceration))"),
            rule("29125", "(?:arm|wrist|forearm) splint|splint (?:your|the|his|her) (?:arm|wrist)"),
            rule("29515", "(?:leg|ankle) splint|splint (?:your|the|his|her) (?:leg|ankle)"),
            rule("87880", "rapid strep|strep test|strep swab"),
            rule("87804", "(?:rapid )?flu (?:test|swab)"),
            rule("81002", "urine dip|dipstick|urinalysis"),
            rule("81025", "(?:urine )?pregnancy test"),
            rule("82962", "finger ?stick|check your sugar here"),
            rule("90471", "(?:flu shot|flu vaccine|tetanus shot|tdap|vaccine|vaccination|immuni[sz]ation|shingles shot|pneumonia shot)"));
    /**
     * A word every {@link #PROCEDURES} rule needs: a sentence without any of them cannot name a procedure
     * (kept in step with the rules by CptCoderTest).
     */
    static final List<String> PROCEDURE_WORDS = List.of("inject", "shot", "aspirat", "drain", "ekg", "ecg",
            "electrocardiogram", "spirometry", "bronchodilator", "breathing", "pulmonary function", "nebuli", "i&d",
            "i and d", "wax", "cerumen", "biopsy", "freeze", "cryotherapy", "stitches", "suture", "close", "splint",
            "strep", "flu", "dip", "urinalysis", "pregnancy test", "finger", "sugar", "vaccin", "immuni", "tdap");
    /** Procedures with a global period or an NCCI edit against the E/M: a separate E/M needs modifier 25. */
    private static final Set<String> NEEDS_MODIFIER_25 = Set.of("20550", "20552", "20600", "20605", "20610", "20611",
            "96372", "10060", "10120", "11102", "12001", "17110", "69209", "69210", "29125", "29515", "90471", "90460",
            "94640");
    private static final Pattern TELEHEALTH = Pattern.compile(
            "\\b(?:video visit|telehealth|telemedicine|virtual visit|video call|on video|over video|zoom|on the screen)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEW_PATIENT = Pattern.compile(
            "\\b(?:new patient|nice to meet you|pleasure to meet you|first time (?:seeing|here|visit|we've met|meeting)|"
                    + "(?:was|were) referred (?:to me|by)|referred you to (?:me|us))", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE = Pattern.compile("\\b(\\d{1,3})[- ](?:year|yr)[- ]old\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVALUATION = Pattern.compile(
            "\\b(?:initial evaluation|evaluation today|first (?:session|visit)|evaluate you|intake)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RE_EVALUATION = Pattern.compile("\\bre-?evaluat", Pattern.CASE_INSENSITIVE);

    private final CptCodeSet codes;

    public CptCoder(CptCodeSet codes) {
        this.codes = codes;
    }

    public CptCodeSet codeSet() {
        return codes;
    }

    public List<Procedure> suggest(Input in) {
        String specialty = in.specialty() == null ? "generic" : in.specialty();
        List<Procedure> out = new ArrayList<>();
        Map<String, String> procedures = procedures(in.transcript());
        boolean telehealth = TELEHEALTH.matcher(in.transcript()).find();
        switch (specialty) {
            case "physical_therapy", "occupational_therapy", "athletic_trainer" ->
                    out.addAll(TherapyUnits.suggest(in, codes, specialty.equals("occupational_therapy")));
            case "psychotherapist", "social_worker" -> out.addAll(psychotherapy(in, false));
            case "chiropractor" -> out.addAll(manipulation(in));
            case "dentist", "veterinary", "pharmacy", "massage_therapy", "acupuncture", "dietitian_nutritionist",
                 "genetic_counseling", "emergency_medical_services", "paramedic", "speech_language_pathology" -> {
                // No office E/M: these services bill with other code systems (CDT, HCPCS) or not at all.
            }
            default -> out.addAll(visit(in, procedures, telehealth, specialty));
        }
        procedures.forEach((code, why) -> out.add(new Procedure(code, codes.description(code), 0.6, why)));
        return out;
    }

    private List<Procedure> visit(Input in, Map<String, String> procedures, boolean telehealth, String specialty) {
        List<Procedure> out = new ArrayList<>();
        boolean newPatient = NEW_PATIENT.matcher(in.transcript()).find();
        boolean preventive = in.icd10().stream().anyMatch(c -> c.startsWith("Z00.0") || c.startsWith("Z00.12"));
        OfficeVisitLevel.Mdm mdm = OfficeVisitLevel.mdm(in.icd10(), in.transcript());
        if (preventive) {
            Integer age = in.age() != null ? in.age() : statedAge(in.transcript());
            if (age != null) {
                String code = preventiveCode(age, newPatient);
                out.add(new Procedure(code, codes.description(code), 0.7, "preventive visit, age " + age
                        + (newPatient ? ", new patient" : ", established patient")));
            }
            // A problem visit on the same day only when a problem needed real management.
            if (mdm.risk().compareTo(OfficeVisitLevel.Level.MODERATE) < 0 || age == null) {
                return out;
            }
        }
        int minutes = OfficeVisitLevel.statedMinutes(in.transcript());
        OfficeVisitLevel.Visit visit = OfficeVisitLevel.choose(mdm, minutes, newPatient);
        List<String> modifiers = new ArrayList<>();
        String why = visit.rationale();
        if (preventive || procedures.keySet().stream().anyMatch(NEEDS_MODIFIER_25::contains)) {
            modifiers.add("25");
            why += "; modifier 25: significant, separately identifiable E/M on the day of "
                    + (preventive ? "a preventive visit" : "a procedure");
        }
        if (telehealth) {
            modifiers.add("95");
            why += "; modifier 95: synchronous audio-video telehealth";
        }
        out.add(new Procedure(visit.code(), codes.description(visit.code()), minutes >= 0 ? 0.75 : 0.65, why, modifiers));
        if (specialty.equals("psychiatrist")) {
            out.addAll(psychotherapy(in, true));
        }
        return out;
    }

    private List<Procedure> psychotherapy(Input in, boolean withVisit) {
        int minutes = OfficeVisitLevel.statedMinutes(in.transcript());
        boolean telehealth = TELEHEALTH.matcher(in.transcript()).find();
        List<String> tele = telehealth ? List.of("95") : List.of();
        String teleWhy = telehealth ? "; modifier 95: synchronous audio-video telehealth" : "";
        if (!withVisit && EVALUATION.matcher(in.transcript()).find()) {
            return List.of(new Procedure("90791", codes.description("90791"), 0.6, "initial diagnostic evaluation" + teleWhy, tele));
        }
        if (minutes < 16) {
            return minutes < 0 && !withVisit
                    ? List.of(new Procedure("90834", codes.description("90834"), 0.4,
                            "psychotherapy time not stated: 45-minute session assumed, check the time" + teleWhy, tele))
                    : List.of();
        }
        // Psychotherapy time bands: 16-37, 38-52, 53+ minutes.
        String code = withVisit ? (minutes < 38 ? "90833" : minutes < 53 ? "90836" : "90838")
                : (minutes < 38 ? "90832" : minutes < 53 ? "90834" : "90837");
        return List.of(new Procedure(code, codes.description(code), 0.75, "psychotherapy " + minutes + " minutes" + teleWhy, tele));
    }

    private List<Procedure> manipulation(Input in) {
        long regions = in.icd10().stream().filter(c -> c.startsWith("M99.0")).count();
        if (regions == 0) {
            return List.of();
        }
        String code = regions <= 2 ? "98940" : regions <= 4 ? "98941" : "98942";
        return List.of(new Procedure(code, codes.description(code), 0.65, regions + " spinal region(s) treated"));
    }

    /** Procedure code to rationale, for procedures the clinician says are done in this visit. */
    static Map<String, String> procedures(String transcript) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String sentence : transcript.split("(?<=[.!?\\n])")) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            if (PROCEDURE_WORDS.stream().noneMatch(lower::contains)) {
                continue; // no rule can match: the cheap test first, most sentences name no procedure
            }
            if (!DONE.matcher(sentence).find() || HYPOTHETICAL.matcher(sentence).find()) {
                continue;
            }
            for (ProcedureRule rule : PROCEDURES) {
                Matcher m = rule.words().matcher(lower);
                if (m.find() && !found.containsKey(rule.code()) && !(rule.code().equals("94010") && found.containsKey("94060"))) {
                    found.put(rule.code(), "the clinician says it is done in this visit (\"" + m.group().trim() + "\")");
                }
            }
        }
        return found;
    }

    /** The procedure codes the rules can find, in rule order. */
    static List<String> procedureCodes() {
        return PROCEDURES.stream().map(ProcedureRule::code).toList();
    }

    private static Integer statedAge(String transcript) {
        Matcher m = AGE.matcher(transcript);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static String preventiveCode(int age, boolean newPatient) {
        int band = age < 1 ? 1 : age <= 4 ? 2 : age <= 11 ? 3 : age <= 17 ? 4 : age <= 39 ? 5 : age <= 64 ? 6 : 7;
        return (newPatient ? "9938" : "9939") + band;
    }

    static boolean isEvaluation(String transcript) {
        return EVALUATION.matcher(transcript).find() && !RE_EVALUATION.matcher(transcript).find();
    }

    private static ProcedureRule rule(String code, String regex) {
        return new ProcedureRule(code, Pattern.compile(regex));
    }
}
