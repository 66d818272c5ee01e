package org.chartscribe.fhir;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the produced resources are shaped for the EHR that will receive them. Pure mapping choices:
 * nothing here talks to an EHR.
 * <ul>
 *   <li>{@code epic}: preliminary text/plain note, {@code problem-list-item} Conditions, no Claim
 *       (Epic accepts neither Claim nor ChargeItem).</li>
 *   <li>{@code oracle}: author required, {@code context.period.end} set, {@code encounter-diagnosis}
 *       Conditions, ChargeItem instead of Claim.</li>
 *   <li>{@code generic}: every resource of the contract, Claim included.</li>
 * </ul>
 */
public enum FhirDialect {
    EPIC, ORACLE, GENERIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FhirDialect> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code)).findFirst();
    }

    boolean conditionsOnProblemList() {
        return this == EPIC;
    }

    boolean producesClaim() {
        return this == GENERIC;
    }

    boolean producesChargeItems() {
        return this == ORACLE;
    }

    boolean closesPeriod() {
        return this != EPIC;
    }

    public boolean requiresAuthor() {
        return this == ORACLE;
    }
}
