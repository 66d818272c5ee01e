package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chartscribe.clinical.SpokenNumbers;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.junit.jupiter.api.Test;

class EmbeddedNoteEngineTest {

    private final EmbeddedNoteEngine engine = new EmbeddedNoteEngine();

    static DraftNote generate(String transcript, String specialty, Template template) {
        Specialty s = Specialties.byId(specialty).orElseThrow();
        return new EmbeddedNoteEngine().generate(new NoteRequest(transcript, s, template, false, null));
    }

    static String text(DraftNote note, SoapPart part) {
        return note.render(part).toLowerCase(Locale.ROOT);
    }

    static String headingText(DraftNote note, SoapPart part, String heading) {
        return note.sections(part).stream().filter(s -> s.heading().equals(heading)).map(NoteSection::text)
                .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
    }

    /** The properties every note must have: evidence inside the transcript, and no unsupported facts. */
    /** "both sides", "both knees", "both of her hands": support for a note's "bilateral". */
    private static final Pattern BOTH = Pattern.compile("\\bboth (?:of )?(?:my |your |his |her |their |the )?[a-z]+s\\b");

    static void assertGroundedAndValid(String transcript, DraftNote note) {
        String lowerTranscript = transcript.toLowerCase(Locale.ROOT);
        String spoken = SpokenNumbers.withDigits(transcript);
        for (SoapPart part : SoapPart.values()) {
            assertThat(note.sections(part)).isNotEmpty();
            for (NoteSection section : note.sections(part)) {
                assertThat(section.text()).isNotBlank();
                for (Evidence e : section.evidence()) {
                    assertThat(e.end()).isLessThanOrEqualTo(transcript.length());
                    assertThat(e.start()).isLessThan(e.end());
                }
                Matcher digits = Pattern.compile("\\d+").matcher(section.text());
                while (digits.find()) {
                    // a number said as words ("three times a day") supports its digits, as in the eval checker
                    assertThat(transcript + "\n" + spoken).as("number in %s", part).contains(digits.group());
                }
                Matcher sides = Pattern.compile("(?i)\\b(left|right|bilateral\\w*)\\b").matcher(section.text());
                while (sides.find()) {
                    String side = sides.group(1).toLowerCase(Locale.ROOT);
                    // "on both sides" supports "bilaterally", as in the eval checker
                    assertThat(side.startsWith("bilateral") && (lowerTranscript.contains("bilateral")
                            || BOTH.matcher(lowerTranscript).find())
                            || lowerTranscript.contains(side)).as("%s in %s", side, part).isTrue();
                }
            }
        }
    }

    @Test
    void infoNamesTheEngine() {
        assertThat(engine.info().name()).isEqualTo("embedded");
        assertThat(engine.info().version()).isEqualTo("0.2.1");
    }

    @Test
    void lowBackPainDialoguePutsKeyFactsInTheRightDivisions() {
        DraftNote note = generate(Transcripts.LOW_BACK_PAIN, "nurse_practitioner", Template.STANDARD);

        assertGroundedAndValid(Transcripts.LOW_BACK_PAIN, note);
        assertThat(text(note, SoapPart.SUBJECTIVE)).contains("3 weeks").contains("42").contains("penicillin")
                .doesNotContain("how are you");
        assertThat(headingText(note, SoapPart.SUBJECTIVE, "Allergies")).contains("penicillin");
        assertThat(headingText(note, SoapPart.SUBJECTIVE, "Review of Systems")).contains("denies numbness");
        assertThat(text(note, SoapPart.OBJECTIVE)).contains("tenderness").contains("lumbar").contains("5/5");
        assertThat(text(note, SoapPart.ASSESSMENT)).contains("mechanical low back pain");
        assertThat(text(note, SoapPart.PLAN)).contains("naproxen").contains("physical therapy").contains("4 weeks")
                .doesNotContain("gym");
        // the clinician named the problem, so its drug and referral are listed under it in the plan
        assertThat(headingText(note, SoapPart.PLAN, "Plan")).contains("muscle strain, lower back:\n- start naproxen 500 mg twice daily with food.")
                .contains("\n- refer to physical therapy.");
        assertThat(headingText(note, SoapPart.PLAN, "Follow-up")).contains("4 weeks");
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void hypertensionDictationHonoursItsLabels() {
        String t = Transcripts.HYPERTENSION_DICTATION;
        DraftNote note = generate(t, "generic", Template.STANDARD);

        assertGroundedAndValid(t, note);
        assertThat(text(note, SoapPart.SUBJECTIVE)).contains("38-year-old").contains("lisinopril 10mg")
                .contains("denies headaches");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Vital Signs")).contains("128/82").contains("72");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Physical Examination")).contains("lungs clear bilaterally")
                .contains("no peripheral edema");
        assertThat(text(note, SoapPart.ASSESSMENT)).contains("hypertension, well controlled")
                .doesNotContain("assessment:\nassessment:");
        assertThat(text(note, SoapPart.PLAN)).contains("continue lisinopril 10 mg daily").contains("3 months")
                .contains("low-sodium diet");
        for (SoapPart part : SoapPart.values()) {
            for (NoteSection section : note.sections(part)) {
                for (Evidence e : section.evidence()) {
                    assertThat(t.substring(e.start(), e.end())).isNotBlank();
                }
            }
        }
    }

    @Test
    void aPlanNoFactWasReadFromIsChartedFromWhatWasSaidNotLeftAsAnEmptyProblem() {
        String t = """
                [doctor] what brings you in today
                [patient] i twisted my left ankle playing soccer on saturday
                [doctor] on exam there is swelling over the lateral ankle
                [doctor] my assessment is a left ankle sprain
                [doctor] for the plan soak the ankle in cool water and elevate it on pillows at night
                [patient] okay
                """;
        DraftNote note = generate(t, "generic", Template.STANDARD);

        assertGroundedAndValid(t, note);
        assertThat(text(note, SoapPart.ASSESSMENT)).containsIgnoringCase("left ankle sprain");
        assertThat(text(note, SoapPart.PLAN)).containsIgnoringCase("elevat").doesNotEndWith(":");
        assertThat(note.sections(SoapPart.PLAN)).allSatisfy(section -> assertThat(section.evidence()).isNotEmpty());
    }

    @Test
    void aDrugThePatientAlreadyTakesIsContinuedNotStarted() {
        String t = """
                [doctor] how are you doing with your blood pressure
                [patient] good i take lisinopril 20 mg every day and i check it at home
                [doctor] your blood pressure today is 150 over 95 which is high
                [doctor] my assessment is hypertension that is not well controlled
                [doctor] i am going to put you on lisinopril and add amlodipine 5 mg daily
                [patient] okay
                """;
        DraftNote note = generate(t, "generic", Template.STANDARD);

        assertGroundedAndValid(t, note);
        assertThat(text(note, SoapPart.PLAN)).contains("continue lisinopril").doesNotContain("start lisinopril")
                .contains("start amlodipine 5 mg daily");
    }

    @Test
    void evidencePointsAtTheSentencesUsed() {
        String t = Transcripts.HYPERTENSION_DICTATION;
        DraftNote note = generate(t, "generic", Template.STANDARD);
        NoteSection vitals = note.sections(SoapPart.OBJECTIVE).get(0);
        List<String> spans = vitals.evidence().stream().map(e -> t.substring(e.start(), e.end())).toList();
        assertThat(spans).containsExactly("Blood pressure today is 128/82.", "Heart rate 72.");
    }

    @Test
    void physicalTherapyUsesItsOwnHeadings() {
        DraftNote note = generate(Transcripts.PHYSICAL_THERAPY, "physical_therapy", Template.STANDARD);
        assertGroundedAndValid(Transcripts.PHYSICAL_THERAPY, note);
        assertThat(headingText(note, SoapPart.SUBJECTIVE, "Pain")).contains("3 out of 10");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Range of Motion")).contains("115 degrees");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Strength")).contains("4/5");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Treatment Provided")).contains("manual therapy");
        assertThat(headingText(note, SoapPart.PLAN, "Home Exercise Program")).contains("straight leg raises");
    }

    @Test
    void psychiatryWithBirpTemplate() {
        DraftNote note = generate(Transcripts.PSYCHIATRY, "psychiatrist", Template.BIRP);
        assertGroundedAndValid(Transcripts.PSYCHIATRY, note);
        assertThat(note.sections(SoapPart.SUBJECTIVE)).extracting(NoteSection::heading).containsExactly("Behavior");
        assertThat(note.sections(SoapPart.OBJECTIVE)).extracting(NoteSection::heading).containsExactly("Intervention");
        assertThat(note.sections(SoapPart.ASSESSMENT)).extracting(NoteSection::heading).containsExactly("Response");
        assertThat(note.sections(SoapPart.PLAN)).extracting(NoteSection::heading).containsExactly("Plan");
        assertThat(text(note, SoapPart.SUBJECTIVE)).contains("sleep");
        assertThat(text(note, SoapPart.OBJECTIVE)).contains("breathing exercise");
        assertThat(text(note, SoapPart.ASSESSMENT)).contains("helpful");
        assertThat(text(note, SoapPart.PLAN)).contains("sertraline 100 mg");
    }

    @Test
    void psychiatryStandardUsesMentalStatusAndRiskHeadings() {
        DraftNote note = generate(Transcripts.PSYCHIATRY, "psychiatrist", Template.STANDARD);
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Mental Status Exam")).contains("affect is congruent");
        assertThat(text(note, SoapPart.SUBJECTIVE)).contains("denies thoughts of harming");
    }

    @Test
    void dentistUsesTeethAndSurfaces() {
        DraftNote note = generate(Transcripts.DENTIST, "dentist", Template.STANDARD);
        assertGroundedAndValid(Transcripts.DENTIST, note);
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Teeth and Surfaces")).contains("tooth number 19");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Radiographs")).contains("bitewing");
        assertThat(text(note, SoapPart.SUBJECTIVE)).contains("lower left");
        assertThat(text(note, SoapPart.PLAN)).contains("filling");
    }

    @Test
    void veterinaryPutsOwnerStatementsUnderOwnerReport() {
        DraftNote note = generate(Transcripts.VETERINARY, "veterinary", Template.STANDARD);
        assertGroundedAndValid(Transcripts.VETERINARY, note);
        assertThat(headingText(note, SoapPart.SUBJECTIVE, "Owner Report")).contains("vomiting since yesterday");
        assertThat(headingText(note, SoapPart.OBJECTIVE, "Vital Signs")).contains("102.5");
        assertThat(text(note, SoapPart.ASSESSMENT)).contains("gastroenteritis");
        assertThat(headingText(note, SoapPart.PLAN, "Recheck")).contains("2 days");
    }

    @Test
    void problemOrientedGroupsAssessmentAndPlanByProblem() {
        DraftNote note = generate(Transcripts.HYPERTENSION_DICTATION, "generic", Template.PROBLEM_ORIENTED);
        assertThat(note.sections(SoapPart.ASSESSMENT)).extracting(NoteSection::heading).containsExactly("Hypertension");
        assertThat(note.sections(SoapPart.PLAN)).extracting(NoteSection::heading).contains("Hypertension");
    }

    @Test
    void briefHasNoMoreThanDetailed() {
        String t = Transcripts.LOW_BACK_PAIN;
        DraftNote brief = generate(t, "physician", Template.BRIEF);
        DraftNote detailed = generate(t, "physician", Template.DETAILED);
        for (SoapPart part : SoapPart.values()) {
            assertThat(brief.render(part).length()).isLessThanOrEqualTo(detailed.render(part).length());
        }
    }

    @Test
    void dapCarriesDataAssessmentPlan() {
        DraftNote note = generate(Transcripts.PSYCHIATRY, "psychiatrist", Template.DAP);
        assertThat(note.sections(SoapPart.SUBJECTIVE).get(0).heading()).isEqualTo("Data");
        assertThat(note.sections(SoapPart.OBJECTIVE).get(0).heading()).isEqualTo("Data");
        assertThat(note.sections(SoapPart.ASSESSMENT).get(0).heading()).isEqualTo("Assessment");
        assertThat(note.sections(SoapPart.PLAN).get(0).heading()).isEqualTo("Plan");
    }

    @Test
    void emptyDivisionsSayNothingWasDocumented() {
        String t = "Doctor: Hi there, how are you?\nPatient: I'm fine, thanks. My knee has been sore since Monday.";
        DraftNote note = generate(t, "generic", Template.STANDARD);
        assertThat(note.sections(SoapPart.OBJECTIVE)).singleElement().satisfies(s -> {
            assertThat(s.heading()).isEqualTo("Vital Signs");
            assertThat(s.text()).isEqualTo("No objective findings documented in the transcript.");
            assertThat(s.evidence()).isEmpty();
        });
        assertThat(text(note, SoapPart.SUBJECTIVE)).contains("knee");
    }

    @Test
    void everySpecialtyAndAllowedTemplateGivesFourNonEmptyDivisions() {
        List<String> transcripts = List.of(Transcripts.LOW_BACK_PAIN, Transcripts.HYPERTENSION_DICTATION,
                Transcripts.PSYCHIATRY, Transcripts.VETERINARY);
        for (Specialty specialty : Specialties.all()) {
            for (Template template : Template.allowedFor(specialty)) {
                for (String t : transcripts) {
                    DraftNote note = engine.generate(new NoteRequest(t, specialty, template, false, null));
                    assertGroundedAndValid(t, note);
                    for (SoapPart part : SoapPart.values()) {
                        assertThat(note.sections(part)).as("%s %s %s", specialty.id(), template, part)
                                .allSatisfy(s -> assertThat(s.heading()).isNotBlank());
                    }
                }
            }
        }
    }

    @Test
    void sameInputGivesSameNote() {
        assertThat(generate(Transcripts.LOW_BACK_PAIN, "physician", Template.STANDARD))
                .isEqualTo(generate(Transcripts.LOW_BACK_PAIN, "physician", Template.STANDARD));
    }
}
