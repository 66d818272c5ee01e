package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd but valid API input must still give a four-division note with in-range evidence, never an
 * exception (which the API would have to answer with a 500).
 */
class EngineRobustnessTest {
    private final EmbeddedNoteEngine engine = new EmbeddedNoteEngine();

    static Stream<String> oddTranscripts() {
        return Stream.of(
                "Doctor:\nPatient:\nDoctor:\nPatient:\nDoctor:\nPatient:\nDoctor:\nPatient:\nDoctor:\n",
                "[doctor]\n[patient]\n[doctor] .\n[patient] ?\n[doctor] ,,,,\n[patient] !!!\n[doctor] ...",
                ".".repeat(60),
                "?!".repeat(40),
                "a".repeat(200_000),
                "pain ".repeat(40_000),
                "Doctor: " + "blood pressure is 120/80. ".repeat(7_000),
                "Patient: I have chest pain \uD83D\uDE1F since yesterday.\r\nDoctor: \u00BFDolor en el pecho? Take aspirin 81 mg.\r\n",
                "Dr.: Dr. Dr. Mr. Mrs. e.g. i.e. 2.5 mg. 3.14. 1,000.000 mg/dL Dr.: Patient: : : :: ::: Plan: Assessment:",
                "Assessment:Plan:Subjective:Objective:Assessment:Plan:Subjective:Objective:Assessment:Plan:",
                "\t\t\t\u00A0\u2028\u2029 Doctor: lone surrogate \uD800 here and there \uDC00 with fever 101.2 F.",
                "1234567890 ".repeat(10) + "left right bilateral left right");
    }

    @ParameterizedTest
    @MethodSource("oddTranscripts")
    void oddInputGivesAFourDivisionNoteWithValidEvidence(String transcript) {
        for (Template template : List.of(Template.STANDARD, Template.PROBLEM_ORIENTED, Template.BRIEF)) {
            DraftNote note = engine.generate(new NoteRequest(transcript, Specialties.generic(), template, false, null));

            for (SoapPart part : SoapPart.values()) {
                assertThat(note.sections(part)).as(part.key()).isNotEmpty();
                for (NoteSection section : note.sections(part)) {
                    assertThat(section.text()).isNotNull();
                    for (Evidence span : section.evidence()) {
                        assertThat(span.end()).isLessThanOrEqualTo(transcript.length());
                    }
                }
            }
        }
    }
}
