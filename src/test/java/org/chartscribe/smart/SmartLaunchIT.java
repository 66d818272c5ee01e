package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.testehr.TestAuthorizationServer;
import org.junit.jupiter.api.Test;

/** EHR and standalone launches through the real redirects, ending in a usable session. */
class SmartLaunchIT extends SmartAppTestBase {

    @Test
    void ehrLaunchEndsInASessionWithTheLaunchContext() {
        SmartBrowser browser = browser();
        String iss = FHIR.base(FhirBaseDouble.V2);
        String launch = EHR.launchContext("pat-123", "enc-456");

        SmartBrowser.Response launched = browser.startLaunch(base(), iss, launch);
        assertThat(launched.status()).isEqualTo(302);
        String authorize = launched.location().orElseThrow();
        assertThat(authorize).startsWith(EHR.authorizationEndpoint() + "?");
        Map<String, String> q = SmartBrowser.query(authorize);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                .containsEntry("aud", iss).containsEntry("launch", launch)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", base() + "/smart/callback")
                .containsKeys("state", "code_challenge", "nonce");
        assertThat(q.get("scope")).contains("launch", "openid", "fhirUser", "patient/Patient.r", "user/Claim.c");
        assertThat(q.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(launched.setCookies()).anySatisfy(c -> assertThat(c).startsWith(SmartCookies.LAUNCH + "=")
                .contains("HttpOnly", "SameSite=Lax", "Path=/smart/").doesNotContain("Secure"));

        SmartBrowser.Response authorized = browser.get(authorize);
        SmartBrowser.Response callback = browser.get(authorized.location().orElseThrow());
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        assertThat(callback.location()).contains("/smart/app/");
        assertThat(callback.setCookies()).anySatisfy(c -> assertThat(c).startsWith(SmartCookies.SESSION + "=")
                .contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure"));
        String cookie = browser.cookie(SmartCookies.SESSION).orElseThrow();

        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        assertThat(session.patientId()).isEqualTo("pat-123");
        assertThat(session.encounterId()).contains("enc-456");
        assertThat(session.fhirUser()).contains(TestAuthorizationServer.CLINICIAN_FHIR_USER);
        assertThat(session.tenantId()).isEqualTo("tenant-ehr");
        assertThat(session.iss()).isEqualTo(iss);
        assertThat(session.dialect()).isEqualTo(FhirDialect.GENERIC);
        assertThat(session.csrfToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.accessToken(session)).isNotBlank();
        assertThat(EHR.audiencesSeen()).contains(iss);
        assertThat(sessions.current(requestWithSession(cookie + "x"))).isEmpty();
    }

    @Test
    void standaloneLaunchGetsThePatientTheEhrPicked() {
        EHR.standalonePatient("pat-standalone");
        SmartBrowser browser = browser();
        SmartBrowser.Response launched = browser.startLaunch(base(), FHIR.base(FhirBaseDouble.V2), null);
        Map<String, String> q = SmartBrowser.query(launched.location().orElseThrow());
        assertThat(q).doesNotContainKey("launch");
        assertThat(q.get("scope").split(" ")).doesNotContain("launch").contains("launch/patient");

        String cookie = browser.launch(base(), FHIR.base(FhirBaseDouble.V2), null);
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        assertThat(session.patientId()).isEqualTo("pat-standalone");
        assertThat(session.encounterId()).isEmpty();
    }

    @Test
    void aV1OnlyServerIsAskedForV1ScopesAndMapsToItsDialectAndDerivedTenant() {
        SmartBrowser browser = browser();
        String iss = FHIR.base(FhirBaseDouble.V1_ONLY);
        SmartBrowser.Response launched = browser.startLaunch(base(), iss, EHR.launchContext("pat-1", null));
        String scope = SmartBrowser.query(launched.location().orElseThrow()).get("scope");
        assertThat(scope.split(" ")).contains("patient/Patient.read", "user/Condition.write", "patient/Coverage.read")
                .doesNotContain("patient/Patient.r");

        String cookie = browser.launch(base(), iss, EHR.launchContext("pat-1", null));
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        assertThat(session.dialect()).isEqualTo(FhirDialect.EPIC);
        assertThat(session.tenantId()).matches("ehr-[0-9a-f]{12}");
    }

    @Test
    void endpointsComeFromTheCapabilityStatementWhenThereIsNoSmartConfiguration() {
        SmartBrowser browser = browser();
        String cookie = browser.launch(base(), FHIR.base(FhirBaseDouble.CAPABILITY_ONLY),
                EHR.launchContext("pat-cap", "enc-cap"));
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        assertThat(session.patientId()).isEqualTo("pat-cap");
        // no jwks_uri without a smart-configuration: the id_token cannot be verified, so nothing of it is used
        assertThat(session.fhirUser()).isEmpty();
    }

    @Test
    void jwksPublishesOnlyThePublicKey() {
        SmartBrowser.Response jwks = browser().get(base() + "/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"", "\"kid\"", "\"alg\":\"RS384\"", "\"n\"")
                .doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"qi\"");
    }
}
