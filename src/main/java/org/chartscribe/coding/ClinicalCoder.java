package org.chartscribe.coding;

import java.util.List;
import org.chartscribe.note.BillingCodes;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.MedicalCoder;
import org.chartscribe.note.NoteRequest;
import org.chartscribe.note.SoapPart;

/** The {@link MedicalCoder} port: ICD-10-CM from the assessment and transcript, then CPT from both. */
public final class ClinicalCoder implements MedicalCoder {

    private final Icd10Coder icd10;
    private final CptCoder cpt;

    public ClinicalCoder(Icd10CodeSet icd10Codes, CptCodeSet cptCodes) {
        this.icd10 = new Icd10Coder(icd10Codes);
        this.cpt = new CptCoder(cptCodes);
    }

    @Override
    public BillingCodes code(NoteRequest request, DraftNote draft) {
        String assessment = draft.render(SoapPart.ASSESSMENT);
        List<BillingCodes.Diagnosis> diagnoses = icd10.suggest(assessment, request.transcript());
        List<String> codes = diagnoses.stream().map(BillingCodes.Diagnosis::code).toList();
        List<BillingCodes.Procedure> procedures = cpt.suggest(new CptCoder.Input(request.transcript(),
                request.specialty().id(), codes, request.patient().age()));
        return new BillingCodes(diagnoses, procedures,
                new BillingCodes.CodeSets(icd10.codeSet().label(), cpt.codeSet().label()));
    }
}
