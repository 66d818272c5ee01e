package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chartscribe.ehr.ChartWriter;
import org.chartscribe.ehr.WriteBack;
import org.chartscribe.fhir.BillingSuggestions;
import org.chartscribe.fhir.ChartReferences;
import org.chartscribe.fhir.FhirRequestException;
import org.chartscribe.fhir.GenerateSoapParameters;
import org.chartscribe.fhir.GenerateSoapRequest;
import org.chartscribe.fhir.InvocationTarget;
import org.chartscribe.fhir.SoapNoteMapper;
import org.chartscribe.note.EngineChoice;
import org.chartscribe.note.NoteLookup;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.NoteService;
import org.chartscribe.note.StoredNote;
import org.chartscribe.smart.SmartSession;
import org.chartscribe.smart.SmartSessionExpiredException;
import org.chartscribe.smart.SmartSessions;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $generate-soap} at system, {@code Patient/[id]} and {@code Encounter/[id]} level. The single
 * out parameter {@code return} is a Bundle, so (as FHIR specifies) the Bundle itself is the response:
 * the produced resources as a {@code collection}, or, with {@code writeBack=true} from a SMART launch,
 * a {@code transaction-response} saying what was written where in the launching EHR.
 */
public class GenerateSoapProvider {
    static final String OPERATION = "$generate-soap";
    private static final Logger log = LoggerFactory.getLogger(GenerateSoapProvider.class);

    static final String WRITE_BACK_NEEDS_SMART = "writeBack=true writes into the EHR that launched ChartScribe, "
            + "so it needs the clinician app's SMART session; an API key has no EHR to write to. "
            + "Call with writeBack=false and write the returned resources yourself.";
    static final String SESSION_ENDED = "The ChartScribe session's access to the EHR has ended; open ChartScribe from the EHR again. "
            + "The note was generated and kept; nothing was written.";
    static final String NOT_THE_LAUNCHED_USER =
            "writeBack=true records the launching clinician as the author; 'practitioner' may only name them.";
    static final String NOT_THE_LAUNCHED_PATIENT =
            "writeBack=true writes only to the patient and encounter the app was launched for.";

    private static final String INVOKED = "chartscribe.generateSoap.invoked";
    static final String NO_AUDIO = "This server has no audio pipeline; send 'transcript'.";

    private final NoteService notes;
    private final Optional<InlineRecordings> recordings;
    private final BackgroundValidator validator;
    private final Optional<ChartWriter> chartWriter;
    private final Optional<SmartSessions> smartSessions;

    GenerateSoapProvider(NoteService notes, Optional<InlineRecordings> recordings, BackgroundValidator validator,
                         Optional<ChartWriter> chartWriter, Optional<SmartSessions> smartSessions) {
        this.notes = notes;
        this.recordings = recordings;
        this.validator = validator;
        this.chartWriter = chartWriter;
        this.smartSessions = smartSessions;
    }

    /** Whether HAPI got as far as calling the operation (so the request body was parsed and bound). */
    static boolean wasInvoked(RequestDetails request) {
        return request != null && request.getUserData().containsKey(INVOKED);
    }

    @Operation(name = OPERATION, idempotent = false)
    public Bundle onServer(@ResourceParam IBaseResource body, RequestDetails request) {
        return generate(body, new InvocationTarget.System(), request);
    }

    @Operation(name = OPERATION, type = Patient.class, idempotent = false)
    public Bundle onPatient(@IdParam IdType id, @ResourceParam IBaseResource body, RequestDetails request) {
        return generate(body, new InvocationTarget.OnPatient(id.getIdPart()), request);
    }

    @Operation(name = OPERATION, type = Encounter.class, idempotent = false)
    public Bundle onEncounter(@IdParam IdType id, @ResourceParam IBaseResource body, RequestDetails request) {
        return generate(body, new InvocationTarget.OnEncounter(id.getIdPart()), request);
    }

    private Bundle generate(IBaseResource body, InvocationTarget target, RequestDetails request) {
        request.getUserData().put(INVOKED, Boolean.TRUE); // the body is bound: a failure from here on is ours
        // Taken as any resource so that another resource type is a clear 400, not a binding failure.
        if (!(body instanceof Parameters parameters)) {
            throw FhirOutcomes.invalid(FhirErrorInterceptor.NOT_PARAMETERS);
        }
        // The body HAPI parsed (and keeps): a property sent twice was resolved by "last one wins", refused here.
        if (FhirJsonDuplicates.hasDuplicate(request.getHeader("Content-Type"), request.loadRequestContents())) {
            throw FhirOutcomes.invalid(FhirJsonDuplicates.DUPLICATE);
        }
        GenerateSoapRequest call;
        try {
            call = GenerateSoapParameters.parse(parameters, target);
        } catch (FhirRequestException e) {
            throw FhirOutcomes.of(e);
        }
        // What the client sends (references, identifiers) is copied into the resources: invalid input is
        // the client's 400 here, not an invalid note (and a 500) after the note was generated.
        List<SingleValidationMessage> inputErrors = validator.errors(parameters);
        if (!inputErrors.isEmpty()) {
            throw FhirOutcomes.invalidInput(inputErrors);
        }
        String tenant = FhirApiKeyInterceptor.tenantOf(request);
        Optional<SmartSession> session = FhirApiKeyInterceptor.smartSessionOf(request);
        if (call.writeBack()) {
            // Checked before the note is generated: a refused write-back costs the caller nothing.
            SmartSession launched = session.orElseThrow(() -> FhirOutcomes.issue(400, IssueType.NOTSUPPORTED,
                    WRITE_BACK_NEEDS_SMART));
            call = call.writingBackTo(launchedChart(launched, call.chart()), launched.dialect());
        }
        StoredNote note = note(tenant, call.input());
        BillingSuggestions codes = BillingSuggestions.from(note.draft().billingCodes());
        Bundle bundle = SoapNoteMapper.map(note, call.chart(), codes, call.dialect()).toBundle();
        List<SingleValidationMessage> errors = validator.errors(bundle);
        if (!errors.isEmpty()) {
            // Locations and message ids only: message texts can quote values from the note.
            log.error("Produced FHIR resources failed validation: {} error(s) [{}]", errors.size(),
                    errors.stream().map(m -> m.getMessageId() + "@" + m.getLocationString()).collect(Collectors.joining(", ")));
            throw FhirOutcomes.internal("The generated resources did not pass validation; nothing was returned.");
        }
        if (!call.writeBack()) {
            return bundle;
        }
        SmartSession launched = session.orElseThrow();
        ChartWriter writer = chartWriter.orElseThrow(() -> FhirOutcomes.internal("Write-back is not configured."));
        SmartSessions sessions = smartSessions.orElseThrow();
        try {
            return WriteBackSummary.toBundle(writer.write(new WriteBack(launched.iss(),
                    () -> sessions.accessToken(launched), launched.dialect(), note, codes, call.chart(), false)));
        } catch (SmartSessionExpiredException e) {
            throw FhirOutcomes.issue(401, IssueType.LOGIN, SESSION_ENDED);
        }
    }

    /** The stored note, written from the transcript or from the recording the call carried. */
    private StoredNote note(String tenant, GenerateSoapRequest.Input input) {
        if (input instanceof GenerateSoapRequest.Recording recording) {
            return recordings.orElseThrow(() -> FhirOutcomes.issue(501, IssueType.NOTSUPPORTED, NO_AUDIO))
                    .note(tenant, recording);
        }
        NoteRequest request = ((GenerateSoapRequest.Transcript) input).note();
        NoteService.Generated generated = notes.generate(new NoteService.Generate(tenant, request, EngineChoice.AUTO,
                Optional.empty(), ""));
        if (!(generated.lookup() instanceof NoteLookup.Found found)) {
            throw FhirOutcomes.internal(FhirErrorInterceptor.UNEXPECTED);
        }
        return found.note();
    }

    /**
     * The chart of the launch: the caller may name the launched patient and encounter again, but never
     * another one, and the launching user is the author.
     */
    private static ChartReferences launchedChart(SmartSession session, ChartReferences asked) {
        Reference patient = new Reference("Patient/" + session.patientId());
        if (asked.patient().isPresent() && !sameId(asked.patient().get(), session.patientId())) {
            throw FhirOutcomes.issue(403, IssueType.FORBIDDEN, NOT_THE_LAUNCHED_PATIENT);
        }
        Optional<Reference> encounter = session.encounterId().map(id -> new Reference("Encounter/" + id));
        if (asked.encounter().isPresent()
                && (session.encounterId().isEmpty() || !sameId(asked.encounter().get(), session.encounterId().get()))) {
            throw FhirOutcomes.issue(403, IssueType.FORBIDDEN, NOT_THE_LAUNCHED_PATIENT);
        }
        Optional<Reference> author = session.fhirUser().filter(user -> user.contains("Practitioner")).map(Reference::new);
        if (asked.practitioner().isPresent() && (author.isEmpty()
                || !author.get().getReferenceElement().getIdPart().equals(asked.practitioner().get().getReferenceElement().getIdPart()))) {
            // Nobody writes a note into the chart in another clinician's name.
            throw FhirOutcomes.issue(403, IssueType.FORBIDDEN, NOT_THE_LAUNCHED_USER);
        }
        return new ChartReferences(Optional.of(patient), encounter, author);
    }

    private static boolean sameId(Reference reference, String id) {
        return id.equals(reference.getReferenceElement().getIdPart());
    }
}
