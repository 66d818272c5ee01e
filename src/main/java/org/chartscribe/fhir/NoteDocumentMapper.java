package org.chartscribe.fhir;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** The note itself as a US Core DocumentReference carrying the full rendering as one text/plain attachment. */
final class NoteDocumentMapper {
    static final String CONTENT_TYPE = "text/plain;charset=utf-8";

    private NoteDocumentMapper() {}

    static DocumentReference map(MappingContext ctx, String id, Reference author) {
        DocumentReference doc = new DocumentReference();
        doc.setId(id);
        doc.getMeta().addProfile(FhirCanonicals.NOTE_PROFILE);
        doc.addIdentifier().setSystem(FhirCanonicals.NOTE_IDENTIFIER_SYSTEM).setValue(ctx.note().noteId());
        doc.setStatus(DocumentReferenceStatus.CURRENT);
        // Preliminary until a clinician approves it: an AI draft is never a final chart document.
        doc.setDocStatus(ctx.approved() ? DocumentReference.ReferredDocumentStatus.FINAL
                : DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        doc.setType(NoteDocumentTypes.concept(ctx.note().specialty()));
        doc.addCategory().addCoding().setSystem(FhirCanonicals.US_CORE_DOCREF_CATEGORY)
                .setCode("clinical-note").setDisplay("Clinical Note");
        doc.setSubject(ctx.subject());
        doc.setDate(ctx.created());
        doc.addAuthor(author);
        if (ctx.approved()) {
            // The clinician who approved the note vouches for it: the authenticator of a final document.
            ctx.practitioner().ifPresent(doc::setAuthenticator);
        }
        doc.setDescription(ctx.approved()
                ? "SOAP note drafted by ChartScribe from an encounter transcript, edited and approved by the clinician"
                : "SOAP note drafted by ChartScribe from an encounter transcript");
        // One attachment only: Epic keeps just the first content entry.
        doc.addContent().getAttachment()
                .setContentType(CONTENT_TYPE)
                .setData(FullNoteText.render(ctx.note().draft()).getBytes(StandardCharsets.UTF_8))
                .setTitle(ctx.approved() ? "SOAP note" : "SOAP note (draft)")
                .setCreation(ctx.created());
        DocumentReference.DocumentReferenceContextComponent context = doc.getContext();
        ctx.encounter().ifPresent(context::addEncounter);
        // The encounter's own times are unknown to a transcript-only call: the period is when the note
        // was drafted. Oracle wants a closed period, so the end is set there (and in generic).
        Period period = new Period().setStart(ctx.created());
        if (ctx.dialect().closesPeriod()) {
            period.setEnd(ctx.created());
        }
        context.setPeriod(period);
        return doc;
    }
}
