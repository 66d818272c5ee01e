package org.chartscribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chartscribe.audio.SpeechRecognizer.HeardSegment;
import org.chartscribe.note.RecognisedTranscript;
import org.junit.jupiter.api.Test;

class SpeakerRolesTest {
    @Test
    void theFirstVoiceIsTheClinicianWhenItTalksLikeOne() {
        RecognisedTranscript t = SpeakerRoles.assign(List.of(
                new HeardSegment("A", 0, 1000, "what brings you in today"),
                new HeardSegment("B", 1200, 3000, "i have been having pain in my back"),
                new HeardSegment("A", 3200, 4000, "how long have you had it")));

        assertThat(t.segments()).extracting(RecognisedTranscript.Segment::speaker)
                .containsExactly("clinician", "patient", "clinician");
        assertThat(t.text()).isEqualTo("Doctor: what brings you in today\nPatient: i have been having pain in my back\n"
                + "Doctor: how long have you had it");
    }

    @Test
    void rolesAreSwappedWhenThePatientSpeaksFirst() {
        RecognisedTranscript t = SpeakerRoles.assign(List.of(
                new HeardSegment("S1", 0, 1000, "hi doctor i have been feeling tired and my knee hurts"),
                new HeardSegment("S0", 1200, 3000, "how long have you had it and do you take anything for it"),
                new HeardSegment("S1", 3200, 4000, "i started taking ibuprofen i feel a bit better"),
                new HeardSegment("S0", 4200, 6000, "let me take a look, i'm going to order an x-ray and i recommend rest"),
                new HeardSegment("S1", 6200, 7000, "thank you doctor")));

        assertThat(t.segments().get(0).speaker()).isEqualTo("patient");
        assertThat(t.segments().get(1).speaker()).isEqualTo("clinician");
        assertThat(t.text()).startsWith("Patient: hi doctor");
    }

    @Test
    void oneVoiceIsADictationAndNoLabelsStayUnknown() {
        RecognisedTranscript dictation = SpeakerRoles.assign(List.of(new HeardSegment("S0", 0, 900, "knee is swollen"),
                new HeardSegment("S0", 1000, 1900, " follow up in two weeks ")));
        assertThat(dictation.text()).isEqualTo("knee is swollen\nfollow up in two weeks");
        assertThat(dictation.segments()).extracting(RecognisedTranscript.Segment::speaker).containsOnly("clinician");

        RecognisedTranscript whisper = SpeakerRoles.assign(List.of(new HeardSegment(null, 0, 900, "hello"),
                new HeardSegment(null, 900, 1000, "  ")));
        assertThat(whisper.segments()).extracting(RecognisedTranscript.Segment::speaker).containsExactly("unknown");
    }
}
