package org.chartscribe.note.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chartscribe.FuzzBudget;
import org.chartscribe.api.ApiException;
import org.chartscribe.api.NoteRequestBody;
import org.chartscribe.api.NoteRequestValidator;
import org.chartscribe.clinical.InventedFacts;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.Evidence;
import org.chartscribe.note.NoteSection;

/**
 * The embedded engine end to end on any transcript that {@code POST /v1/note} accepts: no exception and no
 * hang; every evidence span inside the transcript; and no number or drug in the note that the transcript
 * lacks (the eval's {@link InventedFacts}, whose target for this engine is zero).
 *
 * <p>An input may start with a line {@code @specialty/template} (e.g. {@code @psychiatry/birp}) to pick
 * them; otherwise generic/standard. Seeds: EmbeddedEngineFuzzTestInputs/generate/ (text files).
 */
class EmbeddedEngineFuzzTest {
    private static final EmbeddedNoteEngine ENGINE = new EmbeddedNoteEngine();
    private static final List<InventedFacts.Kind> CHECKED = List.of(InventedFacts.Kind.NUMBER, InventedFacts.Kind.DRUG);

    static {
        // The lexicons and rule tables load on the engine's first note (seconds on a loaded machine):
        // load them here, so that the first input's time is its own and not counted towards a hang.
        ENGINE.generate(NoteRequestValidator.validate(new NoteRequestBody(
                "Doctor: What brings you in?\nPatient: My knee hurts.", null, null, true, "embedded", null)).request());
    }

    @DictionaryEntries({"@physician/brief\\x0A", "@psychotherapist/dap\\x0A", "@generic/detailed\\x0A", "@veterinary/problem_oriented\\x0A",
            "Doctor:", "Patient:", "[doctor]", "[patient]", " mg", " twice a day", "ibuprofen", "Tylenol", "metformin",
            "left", "right", "one forty over ninety", "blood pressure", "assessment", "plan", "follow up", "1,000", "0.5"})
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    void generate(byte[] input) throws Exception {
        FuzzBudget.inTime(() -> generateOnce(input));
    }

    private static void generateOnce(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String specialty = null;
        String template = null;
        if (text.startsWith("@") && text.indexOf('\n') > 0) {
            String[] choice = text.substring(1, text.indexOf('\n')).split("/", 2);
            specialty = choice[0];
            template = choice.length > 1 ? choice[1] : null;
            text = text.substring(text.indexOf('\n') + 1);
        }
        NoteRequestValidator.Validated validated;
        try {
            validated = NoteRequestValidator.validate(new NoteRequestBody(text, specialty, template, true, "embedded", null));
        } catch (ApiException refused) {
            return; // the client's 400/422: the engine never sees it
        }
        String transcript = validated.request().transcript();
        DraftNote note = ENGINE.generate(validated.request());

        for (List<NoteSection> sections : note.sections().values()) {
            for (NoteSection section : sections) {
                for (Evidence evidence : section.evidence()) {
                    assertThat(evidence.end()).as("evidence end within the transcript").isLessThanOrEqualTo(transcript.length());
                }
                List<InventedFacts.Fact> invented = InventedFacts.find(transcript, section.text()).stream()
                        .filter(fact -> CHECKED.contains(fact.kind())).toList();
                assertThat(invented).as("numbers or drugs the transcript lacks, in \"%s\"", section.heading()).isEmpty();
            }
        }
    }
}
