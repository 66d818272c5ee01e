package org.chartscribe.smart;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chartscribe.testehr.TestAuthorizationServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ChartScribe on a random port (fresh H2 in a temporary data dir, local mode, so its RS384 client key is
 * generated there) with a real authorization server as the EHR and discovery documents for four kinds
 * of FHIR base. The client is {@code private_key_jwt}: the EHR fetches ChartScribe's
 * {@code /.well-known/jwks.json}. One application context for every SMART IT (these properties are the
 * cache key: do not add others in subclasses). Every Location a test's browsers saw must be the EHR's
 * authorize endpoint or {@code /smart/app/}. Public so the app's ITs ({@code org.chartscribe.smart.app}) can share
 * this context: {@code String cookie = browser().launch(base(), FHIR.base(FhirBaseDouble.V2), EHR.launchContext(p, e));}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SmartAppTestBase {
    protected static final String CLIENT_ID = "chartscribe-it";
    protected static final TestAuthorizationServer EHR = TestAuthorizationServer.start();
    protected static final FhirBaseDouble FHIR = FhirBaseDouble.start(EHR);
    static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcSmartSessions sessions;
    @Autowired
    JdbcSmartStore store;

    private final List<SmartBrowser> browsers = new ArrayList<>();

    @DynamicPropertySource
    static void smartProperties(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.data-dir", DATA_DIR::toString);
        registry.add("chartscribe.smart.iss-allowlist", () -> String.join(",", FHIR.base(FhirBaseDouble.V2),
                FHIR.base(FhirBaseDouble.V1_ONLY), FHIR.base(FhirBaseDouble.CAPABILITY_ONLY),
                FHIR.base(FhirBaseDouble.FOREIGN_AUTHORIZE)));
        registry.add("chartscribe.smart.client-id", () -> CLIENT_ID);
        registry.add("chartscribe.smart.client-auth", () -> "private_key_jwt");
        registry.add("chartscribe.smart.signing-alg", () -> "RS384");
        registry.add("chartscribe.smart.tenants", () -> FHIR.base(FhirBaseDouble.V2) + "=tenant-ehr");
        registry.add("chartscribe.smart.dialects", () -> FHIR.base(FhirBaseDouble.V1_ONLY) + "=epic");
    }

    @BeforeEach
    protected void registerChartScribeWithTheEhr() {
        EHR.reset();
        EHR.registerClient(TestAuthorizationServer.Client.privateKeyJwt(CLIENT_ID, JWSAlgorithm.RS384,
                base() + "/.well-known/jwks.json"));
    }

    @AfterEach
    protected void neverRedirectedElsewhere() {
        String authorize = EHR.authorizationEndpoint().toString();
        for (SmartBrowser browser : browsers) {
            for (String location : browser.locations()) {
                boolean toEhr = location.startsWith(authorize + "?");
                boolean toCallback = location.startsWith("http://127.0.0.1:" + port + "/smart/callback?");
                boolean toApp = location.equals("/smart/app/");
                assertThat(toEhr || toCallback || toApp).as("redirect target %s", location.split("\\?")[0]).isTrue();
            }
        }
        EHR.reset();
    }

    /** ChartScribe's base URL, on the loopback IP as the EHR requires for redirect URIs. */
    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected SmartBrowser browser() {
        SmartBrowser browser = new SmartBrowser();
        browsers.add(browser);
        return browser;
    }

    /** The request ChartScribe's own endpoints would see from a browser holding this session cookie. */
    protected static MockHttpServletRequest requestWithSession(String cookieValue) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new jakarta.servlet.http.Cookie(SmartCookies.SESSION, cookieValue));
        return request;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("chartscribe-smart-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
