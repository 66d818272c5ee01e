package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chartscribe.testehr.TestAuthorizationServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Canary: launches that succeed, refresh and fail, with ChartScribe's and the web framework's logging
 * turned up; no state, code, cookie value, token or patient id may appear in any log line. Levels are
 * raised programmatically (not with properties) so this test shares the SMART ITs' application context.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmartNoSecretsInLogsIT extends SmartAppTestBase {
    private static final String PATIENT = "CANARY-PATIENT-Zr81Kq";
    private static final String ENCOUNTER = "CANARY-ENCOUNTER-Wp27Hx";
    private static final String[] LOGGERS = {"org.chartscribe", "org.springframework.web", "org.springframework.jdbc",
            "org.apache.catalina"};

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void verbose() {
        logging.setLogLevel("org.chartscribe", LogLevel.TRACE);
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.jdbc", LogLevel.DEBUG);
        logging.setLogLevel("org.apache.catalina", LogLevel.DEBUG);
    }

    @AfterEach
    void quiet() {
        for (String logger : LOGGERS) {
            logging.setLogLevel(logger, null);
        }
    }

    @Test
    void noSecretReachesTheLogs(CapturedOutput output) {
        List<String> secrets = new ArrayList<>(List.of(PATIENT, ENCOUNTER));
        String iss = FHIR.base(FhirBaseDouble.V2);

        // a launch that succeeds, then refreshes its token
        EHR.accessTokenTtl(Duration.ofSeconds(2));
        SmartBrowser browser = browser();
        SmartBrowser.Response callback = browser.toCallback(base(), iss, EHR.launchContext(PATIENT, ENCOUNTER));
        Map<String, String> answer = SmartBrowser.query(callback.location().orElseThrow());
        secrets.add(answer.get("code"));
        secrets.add(answer.get("state"));
        secrets.add(browser.cookie(SmartCookies.LAUNCH).orElseThrow());
        browser.get(callback.location().orElseThrow());
        String cookie = browser.cookie(SmartCookies.SESSION).orElseThrow();
        secrets.add(cookie);
        SmartSession session = sessions.current(requestWithSession(cookie)).orElseThrow();
        secrets.add(session.csrfToken());
        secrets.add(sessions.accessToken(session));
        secrets.add(sessions.accessToken(session));
        store.findSession(Secrets.sha256(cookie), Instant.now()).orElseThrow().tokens().refreshToken();
        secrets.add(store.findSession(Secrets.sha256(cookie), Instant.now()).orElseThrow().tokens().refreshToken());

        // failures: replayed state and code, forged state, bad id_token, refused iss
        browser.get(callback.location().orElseThrow());
        browser.get(base() + "/smart/callback?code=" + answer.get("code") + "&state=forged" + answer.get("state"));
        EHR.idTokenFault(TestAuthorizationServer.IdTokenFault.BAD_SIGNATURE);
        SmartBrowser other = browser();
        SmartBrowser.Response bad = other.toCallback(base(), iss, EHR.launchContext(PATIENT, ENCOUNTER));
        Map<String, String> badAnswer = SmartBrowser.query(bad.location().orElseThrow());
        secrets.add(badAnswer.get("code"));
        secrets.add(badAnswer.get("state"));
        other.get(bad.location().orElseThrow());
        other.startLaunch(base(), "https://" + PATIENT + ".example/fhir", "launch");

        String logs = output.getAll();
        assertThat(logs).contains("SMART session started");
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(logs).as("a secret or PHI value in the logs").doesNotContain(secret);
        }
        assertThat(logs).as("a JWT in the logs").doesNotContain("eyJ");
    }
}
