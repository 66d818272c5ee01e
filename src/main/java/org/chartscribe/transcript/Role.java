package org.chartscribe.transcript;

/** Who is speaking in a turn. Companions and family (and a pet's owner) are {@link #OTHER}. */
public enum Role {
    CLINICIAN, PATIENT, OTHER, UNKNOWN
}
