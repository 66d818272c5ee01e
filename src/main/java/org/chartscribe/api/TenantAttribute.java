package org.chartscribe.api;

/**
 * The request attribute every authenticated path (API key on {@code /v1} and {@code /fhir}, the SMART
 * session on {@code /smart/api} and {@code /fhir}) sets to the caller's tenant; the access log prints it.
 */
public final class TenantAttribute {
    public static final String NAME = "chartscribe.tenant";

    private TenantAttribute() {}
}
