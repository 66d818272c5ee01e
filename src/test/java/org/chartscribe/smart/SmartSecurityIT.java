package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.chartscribe.testehr.TestAuthorizationServer;
import org.junit.jupiter.api.Test;

/**
 * The attacks and failures the SMART flow must refuse, each ending on an HTML page with a
 * {@code role=alert} message and no redirect (the base class checks every redirect target).
 */
class SmartSecurityIT extends SmartAppTestBase {

    private String iss() {
        return FHIR.base(FhirBaseDouble.V2);
    }

    private static void assertRefused(SmartBrowser.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.location()).isEmpty();
        assertThat(response.body()).contains("role=\"alert\"");
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.setCookies()).noneMatch(c -> c.startsWith(SmartCookies.SESSION + "=")
                && !c.startsWith(SmartCookies.SESSION + "=;"));
    }

    @Test
    void anIssOffTheAllowListGetsAPageNeverARedirect() {
        SmartBrowser browser = browser();
        for (String iss : new String[] {"https://evil.example/fhir", iss() + ".evil.example", iss() + "evil",
                "http://127.0.0.1:1@evil.example/fhir", iss() + "?x=1", "javascript:alert(1)", ""}) {
            assertRefused(browser.startLaunch(base(), iss, "l"), 400);
        }
        assertRefused(browser.get(base() + "/smart/launch"), 400);
    }

    @Test
    void anIssOnTheListIsMatchedOnAPathBoundary() {
        SmartBrowser.Response launched = browser().startLaunch(base(), iss() + "/", EHR.launchContext("p", null));
        assertThat(launched.status()).isEqualTo(302);
        assertThat(SmartBrowser.query(launched.location().orElseThrow())).containsEntry("aud", iss());
    }

    @Test
    void aForgedStateIsRefused() {
        SmartBrowser browser = browser();
        SmartBrowser.Response callback = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        Map<String, String> q = SmartBrowser.query(callback.location().orElseThrow());
        assertRefused(browser.get(base() + "/smart/callback?code=" + SmartBrowser.enc(q.get("code"))
                + "&state=forged-" + SmartBrowser.enc(q.get("state"))), 400);
    }

    @Test
    void aMissingStateIsRefused() {
        SmartBrowser browser = browser();
        SmartBrowser.Response callback = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        Map<String, String> q = SmartBrowser.query(callback.location().orElseThrow());
        assertRefused(browser.get(base() + "/smart/callback?code=" + SmartBrowser.enc(q.get("code"))), 400);
    }

    @Test
    void aStateIsUsableOnce() {
        SmartBrowser browser = browser();
        SmartBrowser.Response callback = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        assertThat(browser.get(callback.location().orElseThrow()).status()).isEqualTo(302);
        assertRefused(browser.get(callback.location().orElseThrow()), 400);
    }

    @Test
    void twoLaunchesStartedInOneBrowserBothComplete() {
        SmartBrowser browser = browser();
        SmartBrowser.Response first = browser.toCallback(base(), iss(), EHR.launchContext("p1", null));
        SmartBrowser.Response second = browser.toCallback(base(), iss(), EHR.launchContext("p2", null));
        assertThat(browser.get(second.location().orElseThrow()).status()).isEqualTo(302);
        assertThat(browser.get(first.location().orElseThrow()).status()).isEqualTo(302);
    }

    @Test
    void aMalformedBindingCookieIsReplacedNotEchoed() {
        SmartBrowser browser = browser();
        browser.startLaunch(base(), iss(), EHR.launchContext("p", null));
        java.net.HttpCookie planted = new java.net.HttpCookie(SmartCookies.LAUNCH, "planted");
        planted.setPath("/");
        planted.setVersion(0);
        browser.plantCookie(URI.create(base()), planted);
        SmartBrowser.Response launched = browser.startLaunch(base(), iss(), EHR.launchContext("p", null));
        assertThat(launched.setCookies()).anySatisfy(c -> assertThat(c).startsWith(SmartCookies.LAUNCH + "=")
                .doesNotContain("planted"));
    }

    @Test
    void aStateStartedInAnotherBrowserIsRefused() {
        SmartBrowser.Response callback = browser().toCallback(base(), iss(), EHR.launchContext("p", "e"));
        SmartBrowser victim = browser();
        assertRefused(victim.get(callback.location().orElseThrow()), 400);
    }

    @Test
    void aReplayedCodeIsRefused() {
        SmartBrowser browser = browser();
        SmartBrowser.Response first = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        assertThat(browser.get(first.location().orElseThrow()).status()).isEqualTo(302);
        String usedCode = SmartBrowser.query(first.location().orElseThrow()).get("code");

        SmartBrowser.Response second = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        String freshState = SmartBrowser.query(second.location().orElseThrow()).get("state");
        assertRefused(browser.get(base() + "/smart/callback?code=" + SmartBrowser.enc(usedCode)
                + "&state=" + SmartBrowser.enc(freshState)), 401);
    }

    @Test
    void aWrongPkceVerifierIsRefusedByTheEhr() {
        SmartBrowser browser = browser();
        SmartBrowser.Response launched = browser.startLaunch(base(), iss(), EHR.launchContext("p", "e"));
        Map<String, String> authorize = SmartBrowser.query(launched.location().orElseThrow());
        store.replaceLaunchSecrets(Secrets.sha256(authorize.get("state")),
                new JdbcSmartStore.LaunchSecrets("x".repeat(43) + "-not-the-verifier", authorize.get("nonce")));
        SmartBrowser.Response authorized = browser.get(launched.location().orElseThrow());
        assertRefused(browser.get(authorized.location().orElseThrow()), 401);
    }

    @Test
    void anEhrErrorAnswerIsShownAndBurnsTheState() {
        SmartBrowser browser = browser();
        SmartBrowser.Response launched = browser.startLaunch(base(), iss(), EHR.launchContext("p", "e"));
        String state = SmartBrowser.query(launched.location().orElseThrow()).get("state");
        SmartBrowser.Response denied = browser.get(base() + "/smart/callback?error=access_denied&state="
                + SmartBrowser.enc(state) + "&error_description=%3Cscript%3E");
        assertRefused(denied, 403);
        assertThat(denied.body()).doesNotContain("<script>");
        assertRefused(browser.get(base() + "/smart/callback?code=any&state=" + SmartBrowser.enc(state)), 400);
    }

    @Test
    void anUnknownLaunchIsRefusedByTheEhrAndNothingIsCreated() {
        SmartBrowser browser = browser();
        SmartBrowser.Response launched = browser.startLaunch(base(), iss(), "launch-that-the-ehr-never-issued");
        SmartBrowser.Response authorized = browser.get(launched.location().orElseThrow());
        assertThat(authorized.status()).isEqualTo(302);
        assertThat(SmartBrowser.query(authorized.location().orElseThrow())).containsEntry("error", "invalid_request");
        assertRefused(browser.get(authorized.location().orElseThrow()), 401);
    }

    @Test
    void anIdTokenWithABadSignatureIsRefused() {
        EHR.idTokenFault(TestAuthorizationServer.IdTokenFault.BAD_SIGNATURE);
        SmartBrowser browser = browser();
        SmartBrowser.Response callback = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        assertRefused(browser.get(callback.location().orElseThrow()), 401);
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() {
        EHR.idTokenFault(TestAuthorizationServer.IdTokenFault.WRONG_AUDIENCE);
        SmartBrowser browser = browser();
        SmartBrowser.Response callback = browser.toCallback(base(), iss(), EHR.launchContext("p", "e"));
        assertRefused(browser.get(callback.location().orElseThrow()), 401);
    }

    @Test
    void aDiscoveredAuthorizeEndpointOnAForeignPlainHttpHostIsNeverFollowed() {
        assertRefused(browser().startLaunch(base(), FHIR.base(FhirBaseDouble.FOREIGN_AUTHORIZE), "l"), 502);
    }

    @Test
    void anExpiringAccessTokenIsRefreshed() {
        EHR.accessTokenTtl(Duration.ofSeconds(2));
        String cookie = browser().launch(base(), iss(), EHR.launchContext("p", "e"));
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        String first = sessions.accessToken(session);
        String second = sessions.accessToken(session);
        assertThat(first).isNotBlank();
        assertThat(second).isNotBlank().isNotEqualTo(first);
    }

    @Test
    void anExpiredAccessTokenWithoutRefreshEndsTheSession() throws InterruptedException {
        EHR.accessTokenTtl(Duration.ofSeconds(1));
        EHR.issueRefreshTokens(false);
        String cookie = browser().launch(base(), iss(), EHR.launchContext("p", "e"));
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        Thread.sleep(1_200);
        assertThatThrownBy(() -> sessions.accessToken(session)).isInstanceOf(SmartSessionExpiredException.class);
    }

    @Test
    void anEndedSessionIsGone() {
        String cookie = browser().launch(base(), iss(), EHR.launchContext("p", "e"));
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        sessions.end(session);
        assertThat(sessions.current(requestWithSession(cookie))).isEmpty();
        assertThatThrownBy(() -> sessions.accessToken(session)).isInstanceOf(SmartSessionExpiredException.class);
    }
}
