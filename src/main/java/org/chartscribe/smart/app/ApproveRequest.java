package org.chartscribe.smart.app;

import java.util.List;

/**
 * The body of {@code POST /smart/api/note/{noteId}/approve}: the four divisions as the clinician left
 * them, and the suggested codes still checked. Nullable so every problem is reported at once.
 */
record ApproveRequest(String subjective, String objective, String assessment, String plan,
                      List<String> icd10, List<String> cpt) {

    /** Redacted: the texts are PHI. */
    @Override
    public String toString() {
        return "ApproveRequest[icd10=" + (icd10 == null ? 0 : icd10.size()) + ", cpt=" + (cpt == null ? 0 : cpt.size()) + "]";
    }
}
