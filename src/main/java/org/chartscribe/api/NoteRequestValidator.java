package org.chartscribe.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptScreen;

/**
 * Checks a request body against the contract and turns it into a {@link NoteRequest}. All problems
 * are reported together; messages name valid values but never repeat what was sent. Public for the
 * SMART app's own note endpoint, which applies the same rules. Control characters and invalid Unicode
 * in the transcript are a 400 like any invalid field; a transcript without words, a 422.
 */
public final class NoteRequestValidator {
    static final int MIN_TRANSCRIPT = 50;
    static final int MAX_TRANSCRIPT = 200_000;
    private static final List<String> SEXES = List.of("female", "male", "other", "unknown");

    public record Validated(NoteRequest request, EngineChoice engine) {}

    private NoteRequestValidator() {}

    public static Validated validate(NoteRequestBody body) {
        List<FieldError> errors = new ArrayList<>();
        String transcript = body.transcript() == null ? null : body.transcript().strip();
        Optional<TranscriptScreen.Rejection> malformed = transcript == null ? Optional.empty()
                : TranscriptScreen.characters(body.transcript());
        if (transcript == null || transcript.isEmpty()) {
            errors.add(new FieldError("transcript", "is required"));
        } else if (malformed.isPresent()) {
            errors.add(new FieldError("transcript", malformed.get().message()));
        } else if (transcript.length() < MIN_TRANSCRIPT) {
            errors.add(new FieldError("transcript", "must be at least " + MIN_TRANSCRIPT + " characters after trimming"));
        } else if (transcript.length() > MAX_TRANSCRIPT) {
            errors.add(new FieldError("transcript", "must be at most 200,000 characters"));
        }

        Optional<NoteOptions> options = noteOptions(body.specialty(), body.template(), body.engine(), errors);

        PatientHints patient = PatientHints.NONE;
        if (body.patient() != null) {
            Integer age = body.patient().age();
            if (age != null && (age < 0 || age > 130)) {
                errors.add(new FieldError("patient.age", "must be between 0 and 130"));
            }
            String sex = body.patient().sex();
            if (sex != null && !SEXES.contains(sex)) {
                errors.add(new FieldError("patient.sex", "must be one of: " + String.join(", ", SEXES)));
            }
            patient = new PatientHints(age, sex);
        }

        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (!TranscriptScreen.hasWords(transcript)) {
            // Valid in form, but there is nothing to chart: 422 rather than a 200 with an empty note.
            String noWords = TranscriptScreen.Rejection.NO_WORDS.message();
            throw new ApiException(ProblemCode.UNPROCESSABLE_CONTENT, "transcript: " + noWords,
                    List.of(new FieldError("transcript", noWords)));
        }
        boolean billing = Boolean.TRUE.equals(body.includeBillingCodes());
        // The engine gets the transcript as submitted: evidence offsets index the original string.
        NoteOptions chosen = options.orElseThrow();
        return new Validated(new NoteRequest(body.transcript(), chosen.specialty(), chosen.template(), billing, patient),
                chosen.engine());
    }

    /** The specialty, template and engine of a note request; the audio endpoint takes the same fields. */
    public record NoteOptions(Specialty specialty, Template template, EngineChoice engine) {}

    /**
     * Checks specialty, template and engine (null = the default), adding a message per bad field to
     * {@code errors}; empty when any is bad.
     */
    public static Optional<NoteOptions> noteOptions(String specialtyIdOrNull, String templateIdOrNull,
                                                    String engineIdOrNull, List<FieldError> errors) {
        String specialtyId = specialtyIdOrNull == null ? "generic" : specialtyIdOrNull;
        Optional<Specialty> specialty = Specialties.byId(specialtyId);
        if (specialty.isEmpty()) {
            errors.add(new FieldError("specialty", "must be one of: "
                    + Specialties.all().stream().map(Specialty::id).collect(Collectors.joining(", "))));
        }

        String templateId = templateIdOrNull == null ? "standard" : templateIdOrNull;
        Optional<Template> template = Template.fromId(templateId);
        List<Template> allowed = Template.allowedFor(specialty.orElse(Specialties.generic()));
        if (template.isEmpty() || !allowed.contains(template.get())) {
            errors.add(new FieldError("template", "must be one of: "
                    + allowed.stream().map(Template::id).collect(Collectors.joining(", "))
                    + (template.isPresent() ? " for this specialty" : "")));
        }

        String engineId = engineIdOrNull == null ? "auto" : engineIdOrNull;
        Optional<EngineChoice> engine = EngineChoice.fromId(engineId);
        if (engine.isEmpty()) {
            errors.add(new FieldError("engine", "must be one of: "
                    + Arrays.stream(EngineChoice.values()).map(EngineChoice::id).collect(Collectors.joining(", "))));
        }

        if (specialty.isEmpty() || template.isEmpty() || !allowed.contains(template.get()) || engine.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NoteOptions(specialty.get(), template.get(), engine.get()));
    }
}
