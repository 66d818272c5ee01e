package org.chartscribe.fhir;

import static org.hl7.fhir.r4.model.OperationOutcome.IssueType.INVALID;
import static org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED;
import static org.hl7.fhir.r4.model.OperationOutcome.IssueType.PROCESSING;
import static org.hl7.fhir.r4.model.OperationOutcome.IssueType.REQUIRED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.chartscribe.audio.AudioNoteOptions;
import org.chartscribe.fhir.FhirRequestException.Issue;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.PatientHints;
import org.chartscribe.note.Specialties;
import org.chartscribe.note.Specialty;
import org.chartscribe.note.Template;
import org.chartscribe.transcript.TranscriptScreen;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Reads the {@code in} parameters of {@code $generate-soap} (see OperationDefinition-generate-soap.json)
 * and reports every problem at once. Messages name parameters and valid values, never the values sent.
 * The transcript is screened as on {@code POST /v1/note} ({@link TranscriptScreen}): control characters and
 * invalid Unicode are {@code invalid} (400), a transcript without words is {@code processing} (422).
 */
public final class GenerateSoapParameters {
    /** The same limits as {@code POST /v1/note}. */
    static final int MIN_TRANSCRIPT = 50;
    static final int MAX_TRANSCRIPT = 200_000;

    static final String AUDIO_BY_URL = "'audio' is read only from data (the recording inline, base64): ChartScribe "
            + "does not fetch a url. Send the bytes, or upload the file to POST /v1/note/audio.";

    static final Set<String> KNOWN = Set.of("transcript", "audio", "specialty", "template", "includeBillingCodes",
            "writeBack", "patient", "encounter", "practitioner", "dialect");

    private final List<Issue> issues = new ArrayList<>();
    private final Map<String, ParametersParameterComponent> byName = new HashMap<>();

    private GenerateSoapParameters() {}

    public static GenerateSoapRequest parse(Parameters parameters, InvocationTarget target) {
        return new GenerateSoapParameters().read(parameters, target);
    }

    private GenerateSoapRequest read(Parameters parameters, InvocationTarget target) {
        long unknown = 0;
        for (ParametersParameterComponent p : parameters.getParameter()) {
            String name = p.getName();
            if (name == null || !KNOWN.contains(name)) {
                unknown++;
            } else if (byName.putIfAbsent(name, p) != null) {
                issues.add(new Issue(INVALID, name, "'" + name + "' may appear only once."));
            }
        }
        if (unknown > 0) {
            // The client's name is neither repeated nor used as the issue's expression: it is text from the
            // body (it may hold PHI or a line break meant for our logs). Our own names say what is accepted.
            issues.add(new Issue(INVALID, null, (unknown == 1 ? "An unknown parameter was" : unknown + " unknown parameters were")
                    + " sent; known: " + KNOWN.stream().sorted().collect(Collectors.joining(", ")) + "."));
        }
        Optional<String> transcript = value("transcript", StringType.class, "valueString").map(StringType::getValue);
        Optional<Attachment> audio = value("audio", Attachment.class, "valueAttachment");
        checkInput(transcript, audio);
        Optional<Specialty> specialty = specialty();
        Optional<Template> template = template(specialty.orElse(Specialties.generic()), specialty.isPresent());
        boolean billing = value("includeBillingCodes", BooleanType.class, "valueBoolean")
                .map(BooleanType::booleanValue).orElse(false);
        boolean writeBack = value("writeBack", BooleanType.class, "valueBoolean").map(BooleanType::booleanValue).orElse(false);
        FhirDialect dialect = dialect();
        ChartReferences chart = chart(target);

        // "Not supported" only matters for a request that is otherwise valid: report those last.
        if (issues.isEmpty() && audio.isPresent() && !audio.get().hasData() && audio.get().hasUrl()) {
            issues.add(new Issue(NOTSUPPORTED, "audio", AUDIO_BY_URL));
        }
        if (issues.isEmpty() && transcript.isPresent() && !TranscriptScreen.hasWords(transcript.get())) {
            // Well-formed but nothing to chart: 'processing', answered 422.
            issues.add(new Issue(PROCESSING, "transcript", "'transcript' " + TranscriptScreen.Rejection.NO_WORDS.message() + "."));
        }
        if (issues.isEmpty()) {
            try {
                SoapNoteMapper.checkRequirements(dialect, chart);
            } catch (FhirRequestException e) {
                issues.addAll(e.issues());
            }
        }
        if (!issues.isEmpty()) {
            throw new FhirRequestException(issues);
        }
        GenerateSoapRequest.Input input = transcript.isPresent()
                ? new GenerateSoapRequest.Transcript(new NoteRequest(transcript.get(), specialty.orElseThrow(),
                        template.orElseThrow(), billing, PatientHints.NONE))
                : new GenerateSoapRequest.Recording(audio.orElseThrow().getData(), new AudioNoteOptions(
                        specialty.orElseThrow(), template.orElseThrow(), billing, EngineChoice.AUTO));
        return new GenerateSoapRequest(input, chart, dialect, writeBack);
    }

    private void checkInput(Optional<String> transcript, Optional<Attachment> audio) {
        if (transcript.isPresent() && audio.isPresent()) {
            issues.add(new Issue(INVALID, "transcript", "Send either 'transcript' or 'audio', not both."));
            return;
        }
        if (transcript.isEmpty() && audio.isEmpty()) {
            if (!byName.containsKey("transcript") && !byName.containsKey("audio")) {
                issues.add(new Issue(REQUIRED, "transcript", "'transcript' (valueString) is required."));
            }
            return;
        }
        audio.ifPresent(attachment -> {
            if (!attachment.hasData() && !attachment.hasUrl()) { // empty data is no data
                issues.add(new Issue(REQUIRED, "audio", "'audio' must carry the recording in data (base64)."));
            }
        });
        transcript.ifPresent(text -> {
            int length = text.strip().length();
            Optional<TranscriptScreen.Rejection> malformed = TranscriptScreen.characters(text);
            if (malformed.isPresent()) {
                issues.add(new Issue(INVALID, "transcript", "'transcript' " + malformed.get().message() + "."));
            } else if (length < MIN_TRANSCRIPT) {
                issues.add(new Issue(INVALID, "transcript", "'transcript' must be at least " + MIN_TRANSCRIPT
                        + " characters after trimming."));
            } else if (length > MAX_TRANSCRIPT) {
                issues.add(new Issue(INVALID, "transcript", "'transcript' must be at most 200,000 characters."));
            }
        });
    }

    private Optional<Specialty> specialty() {
        Optional<String> id = value("specialty", CodeType.class, "valueCode").map(CodeType::getValue);
        if (id.isEmpty()) {
            return byName.containsKey("specialty") ? Optional.empty() : Optional.of(Specialties.generic());
        }
        Optional<Specialty> specialty = Specialties.byId(id.get());
        if (specialty.isEmpty()) {
            issues.add(new Issue(INVALID, "specialty", "'specialty' must be one of: "
                    + Specialties.all().stream().map(Specialty::id).collect(Collectors.joining(", ")) + "."));
        }
        return specialty;
    }

    private Optional<Template> template(Specialty specialty, boolean specialtyKnown) {
        Optional<String> id = value("template", CodeType.class, "valueCode").map(CodeType::getValue);
        if (id.isEmpty()) {
            return byName.containsKey("template") ? Optional.empty() : Optional.of(Template.STANDARD);
        }
        Optional<Template> template = Template.fromId(id.get());
        List<Template> allowed = Template.allowedFor(specialty);
        if (template.isEmpty() || !allowed.contains(template.get())) {
            issues.add(new Issue(INVALID, "template", "'template' must be one of: "
                    + allowed.stream().map(Template::id).collect(Collectors.joining(", "))
                    + (template.isPresent() && specialtyKnown ? " for this specialty." : ".")));
            return Optional.empty();
        }
        return template;
    }

    private FhirDialect dialect() {
        Optional<String> code = value("dialect", CodeType.class, "valueCode").map(CodeType::getValue);
        if (code.isEmpty()) {
            return FhirDialect.GENERIC;
        }
        return FhirDialect.fromCode(code.get()).orElseGet(() -> {
            issues.add(new Issue(INVALID, "dialect", "'dialect' must be one of: "
                    + Arrays.stream(FhirDialect.values()).map(FhirDialect::code).collect(Collectors.joining(", ")) + "."));
            return FhirDialect.GENERIC;
        });
    }

    private ChartReferences chart(InvocationTarget target) {
        Optional<Reference> patient = reference("patient", Set.of("Patient"));
        Optional<Reference> encounter = reference("encounter", Set.of("Encounter"));
        Optional<Reference> practitioner = reference("practitioner", Set.of("Practitioner", "PractitionerRole"));
        if (target.patientId().isPresent()) {
            rejectAtInstanceLevel("patient", "Patient/[id]");
            patient = Optional.of(new Reference("Patient/" + target.patientId().get()));
        }
        if (target.encounterId().isPresent()) {
            rejectAtInstanceLevel("encounter", "Encounter/[id]");
            encounter = Optional.of(new Reference("Encounter/" + target.encounterId().get()));
        }
        return new ChartReferences(patient, encounter, practitioner);
    }

    private void rejectAtInstanceLevel(String name, String level) {
        if (byName.containsKey(name)) {
            issues.add(new Issue(INVALID, name, "'" + name + "' is taken from the URL when invoked on " + level
                    + "; do not send it as a parameter."));
        }
    }

    private Optional<Reference> reference(String name, Set<String> types) {
        Optional<Reference> reference = value(name, Reference.class, "valueReference");
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        String type = reference.get().getReferenceElement().getResourceType();
        if (!reference.get().hasReference() || type == null || !types.contains(type)
                || reference.get().getReferenceElement().getIdPart() == null) {
            issues.add(new Issue(INVALID, name, "'" + name + "' must reference " + String.join(" or ", types)
                    + " as '" + types.iterator().next() + "/[id]' (relative or absolute URL)."));
            return Optional.empty();
        }
        return reference;
    }

    /** The typed value of a parameter; a present parameter with another type (or no value) is an issue. */
    private <T extends Type> Optional<T> value(String name, Class<T> type, String expected) {
        ParametersParameterComponent p = byName.get(name);
        if (p == null) {
            return Optional.empty();
        }
        // A primitive with only an extension ("_valueString": {...}) has no value: as good as none (it was a 500).
        if (p.hasResource() || p.hasPart() || !type.isInstance(p.getValue()) || p.getValue().isEmpty()
                || p.getValue() instanceof PrimitiveType<?> primitive && !primitive.hasValue()) {
            issues.add(new Issue(INVALID, name, "'" + name + "' must be given as " + expected + "."));
            return Optional.empty();
        }
        return Optional.of(type.cast(p.getValue()));
    }
}
