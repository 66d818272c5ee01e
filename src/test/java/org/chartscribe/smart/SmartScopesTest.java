package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmartScopesTest {

    @Test
    void v2ScopesGoOnlyToAServerThatSaysItTakesThem() {
        assertThat(SmartScopes.forServer(SmartProperties.DEFAULT_SCOPES, List.of("permission-v2", "permission-v1")))
                .isEqualTo(SmartProperties.DEFAULT_SCOPES);
        // A SMART 1.0 server, or one found through its CapabilityStatement, advertises nothing: v1 it is.
        assertThat(SmartScopes.forServer(SmartProperties.DEFAULT_SCOPES, List.of()))
                .isEqualTo(SmartScopes.toV1(SmartProperties.DEFAULT_SCOPES)).contains("patient/Patient.read");
    }

    @Test
    void aV1OnlyServerGetsTheV1Equivalents() {
        assertThat(SmartScopes.forServer(SmartProperties.DEFAULT_SCOPES, List.of("launch-ehr", "permission-v1")))
                .isEqualTo("launch openid fhirUser launch/patient launch/encounter offline_access"
                        + " patient/Patient.read patient/Encounter.read patient/Coverage.read"
                        + " user/DocumentReference.write user/Condition.write user/Claim.write user/Provenance.write");
    }

    @Test
    void mixedPermissionsBecomeStarAndConstraintsAreDropped() {
        assertThat(SmartScopes.toV1("user/Observation.cruds patient/Observation.rs?category=laboratory system/*.r"))
                .isEqualTo("user/Observation.* patient/Observation.read system/*.read");
        assertThat(SmartScopes.toV1("patient/Patient.read  patient/Patient.r")).isEqualTo("patient/Patient.read");
    }
}
