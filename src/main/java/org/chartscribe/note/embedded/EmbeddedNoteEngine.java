package org.chartscribe.note.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chartscribe.clinical.PresentingProblem;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.NoteEngine;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteSection;
import org.chartscribe.note.SoapPart;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.Transcript;
import org.chartscribe.transcript.TranscriptParser;

/**
 * The offline, deterministic note engine: parse the transcript, classify each sentence into a SOAP
 * division by rules, keep the note about as long as a clinician's, place it under the specialty's
 * headings (assessment and plan by problem), and remove anything the transcript does not support. Stateless and thread-safe; it neither logs nor keeps the transcript.
 */
public final class EmbeddedNoteEngine implements NoteEngine {

    private static final EngineInfo INFO = new EngineInfo("embedded", "0.2.1");

    @Override
    public EngineInfo info() {
        return INFO;
    }

    @Override
    public DraftNote generate(NoteRequest request) {
        Transcript transcript = TranscriptParser.parse(request.transcript());
        Pronouns pronouns = Pronouns.of(request.patient(), request.transcript());
        List<Classified> classified = Repeats.withoutRepeats(
                SentenceClassifier.classify(transcript, pronouns, addressesPatient(request)));
        // a detailed note keeps everything charted; the others are as long as a clinician's note
        EncounterFacts extracted = EncounterFacts.of(transcript);
        List<Classified> items = new ArrayList<>(AllergyStatements.withoutOthersAllergies(
                request.template() == Template.DETAILED ? classified
                        : Condenser.condense(classified, Condenser.words(request.transcript())),
                request.specialty(), extracted));
        EncounterFacts facts = extracted;
        // the history of present illness is written from the presenting problem's facts; the spoken
        // sentences those facts came from leave the history (BIRP and DAP keep their own layouts)
        if (request.template() != Template.BIRP && request.template() != Template.DAP) {
            Classified reason = items.stream().filter(i -> i.part() == SoapPart.SUBJECTIVE
                    && ChiefComplaint.reason(i.text()).isPresent()).findFirst().orElse(null);
            Optional<PresentingProblem> problem = ComposedHistory.problem(extracted, request.specialty());
            List<Classified> history = ComposedHistory.of(problem, reason);
            if (!history.isEmpty()) {
                facts = withComplaint(extracted, problem.get(), reason); // the assessment answers the complaint, too
            }
            List<Classified> kept = new ArrayList<>(ComposedHistory.withoutCharted(items, history, request.specialty(),
                    history.isEmpty() ? null : problem.get().symptom()));
            items.clear();
            items.addAll(kept);
            items.addAll(history); // after the spoken reason they follow it (the sort keeps equal orders as they are)
            items.sort(Comparator.comparingInt(Classified::order));
            // the review of systems is read from the questions and answers, whatever the budget left of them
            List<Classified> reviewed = List.copyOf(
                    SymptomReview.withReview(items, extracted, ProblemList.regionStart(extracted, items)));
            items.clear();
            items.addAll(reviewed);
        }
        // what the patient takes is listed from the facts, whatever the budget left of the talk about it
        MedicationList.of(extracted, items).ifPresent(list -> {
            List<Classified> kept = MedicationList.withoutRetold(items, list, extracted, request.specialty());
            items.clear();
            items.addAll(kept);
            items.add(list);
            items.sort(Comparator.comparingInt(Classified::order));
        });
        Map<SoapPart, List<NoteSection>> sections = Composer.compose(items, request.specialty(), request.template(), facts);
        GroundingGuard.Result grounded = GroundingGuard.check(request.transcript(), sections);
        return new DraftNote(grounded.sections(), grounded.warnings(), INFO);
    }

    /**
     * The facts with the complaint the history was written from, in the words of the spoken reason when there
     * is one; unchanged when that reason names another site ("back pain" said, a leg's pain read).
     */
    private static EncounterFacts withComplaint(EncounterFacts facts, PresentingProblem problem, Classified reason) {
        if (reason == null) {
            return facts.withComplaint(problem, problem.complaint());
        }
        String said = ChiefComplaint.reason(reason.text()).orElse("");
        if (problem.site() != null && !said.toLowerCase(java.util.Locale.ROOT).contains(problem.site().site())) {
            return facts;
        }
        return facts.withComplaint(problem, said.endsWith(".") ? said.substring(0, said.length() - 1) : said);
    }

    /** Whether the clinician's "you" means the patient: not for an animal's owner or a child's parent. */
    private static boolean addressesPatient(NoteRequest request) {
        String id = request.specialty().id();
        return !id.equals("veterinary") && !id.equals("pediatrics");
    }
}
