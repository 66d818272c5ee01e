package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chartscribe.fhir.FhirDialect;
import org.junit.jupiter.api.Test;

class IssPolicyTest {
    private final IssPolicy policy = new IssPolicy(
            "https://fhir.epic.example/api/FHIR/R4, https://launch.smarthealthit.org/v/r4/sim/",
            "https://fhir.epic.example/api/FHIR/R4=clinic-a",
            "https://fhir.epic.example=epic");

    @Test
    void admitsAPrefixAndWhatContinuesItOnAPathBoundary() {
        assertThat(policy.admit("https://fhir.epic.example/api/FHIR/R4")).isPresent();
        assertThat(policy.admit("https://fhir.epic.example/api/FHIR/R4/")).get()
                .extracting(IssPolicy.Admitted::iss).isEqualTo("https://fhir.epic.example/api/FHIR/R4");
        assertThat(policy.admit("https://launch.smarthealthit.org/v/r4/sim/eyJoIjoiMSJ9/fhir")).isPresent();
    }

    @Test
    void refusesLookAlikes() {
        assertThat(policy.admit("https://fhir.epic.example/api/FHIR/R4evil")).isEmpty();
        assertThat(policy.admit("https://fhir.epic.example/api/FHIR/R4.evil.example")).isEmpty();
        assertThat(policy.admit("https://fhir.epic.example.evil.example/api/FHIR/R4")).isEmpty();
        assertThat(policy.admit("https://user@fhir.epic.example/api/FHIR/R4")).isEmpty();
        assertThat(policy.admit("https://fhir.epic.example/api/FHIR/R4?x=https://evil")).isEmpty();
        assertThat(policy.admit("https://fhir.epic.example/api/FHIR/R4#frag")).isEmpty();
        assertThat(policy.admit("http://fhir.epic.example/api/FHIR/R4")).isEmpty();
        assertThat(policy.admit("ftp://fhir.epic.example/api/FHIR/R4")).isEmpty();
        assertThat(policy.admit("not a url")).isEmpty();
        assertThat(policy.admit("")).isEmpty();
        assertThat(policy.admit(null)).isEmpty();
    }

    @Test
    void refusesPathsThatLeaveTheAllowedPrefixOnceResolved() {
        // One host, tenants in the path (as Oracle Health does): a dot segment must not reach another tenant.
        IssPolicy shared = new IssPolicy("https://ehr.example/r4/orgA", "https://ehr.example/r4/orgA=tenant-a", null);
        assertThat(shared.admit("https://ehr.example/r4/orgA/fhir")).isPresent();
        assertThat(shared.admit("https://ehr.example/r4/orgA/../orgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA/./../orgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA/%2e%2e/orgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA/%2E%2E/orgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA/..%2forgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA/..%5corgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA/;/../orgB")).isEmpty();
        assertThat(shared.admit("https://ehr.example/r4/orgA;x=1")).isEmpty();
    }

    @Test
    void anEmptyListRefusesEverything() {
        IssPolicy none = new IssPolicy("", null, null);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.admit("https://fhir.epic.example/api/FHIR/R4")).isEmpty();
    }

    @Test
    void mapsTenantsAndDialectsByTheLongestMatchingPrefix() {
        IssPolicy.Admitted epic = policy.admit("https://fhir.epic.example/api/FHIR/R4").orElseThrow();
        assertThat(epic.tenantId()).isEqualTo("clinic-a");
        assertThat(epic.dialect()).isEqualTo(FhirDialect.EPIC);

        IssPolicy.Admitted launcher = policy.admit("https://launch.smarthealthit.org/v/r4/sim/abc/fhir").orElseThrow();
        assertThat(launcher.dialect()).isEqualTo(FhirDialect.GENERIC);
        assertThat(launcher.tenantId()).matches("ehr-[0-9a-f]{12}")
                .isEqualTo(IssPolicy.derivedTenant("https://launch.smarthealthit.org/v/r4/sim"));
    }

    @Test
    void malformedMapsStopTheStart() {
        assertThatThrownBy(() -> new IssPolicy("https://a.example", null, "https://a.example=cerner"))
                .hasMessageContaining("unknown dialect 'cerner'");
        assertThatThrownBy(() -> new IssPolicy("https://a.example", "https://a.example=bad tenant!", null))
                .hasMessageContaining("not a valid tenant id");
        assertThatThrownBy(() -> new IssPolicy("https://a.example", "https://a.example", null))
                .hasMessageContaining("expected prefix=value");
    }
}
