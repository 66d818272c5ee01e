package org.chartscribe.testehr;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The EHR a clinician launches ChartScribe from, made of real parts: Spring Authorization Server as its
 * SMART authorization server and a HAPI FHIR server holding the chart. The FHIR server publishes the
 * authorization server's endpoints at {@code {iss}/.well-known/smart-configuration} and accepts only
 * access tokens that authorization server signed and that have not expired, as an EHR's resource
 * server does.
 */
public final class TestEhr implements AutoCloseable {
    private final TestAuthorizationServer auth;
    private final TestFhirServer fhir;

    private TestEhr(TestAuthorizationServer auth, TestFhirServer fhir) {
        this.auth = auth;
        this.fhir = fhir;
    }

    public static TestEhr start() {
        TestAuthorizationServer auth = TestAuthorizationServer.start();
        TestFhirServer fhir = TestFhirServer.start();
        fhir.smartConfiguration(auth.smartConfiguration());
        fhir.acceptBearerTokens(signedBy(auth));
        auth.expectAudience(fhir.baseUrl());
        return new TestEhr(auth, fhir);
    }

    /** The {@code iss} of a launch: the FHIR base. */
    public String iss() {
        return fhir.baseUrl();
    }

    public TestAuthorizationServer auth() {
        return auth;
    }

    public TestFhirServer fhir() {
        return fhir;
    }

    /** An EHR launch for the seeded patient and encounter; returns the {@code launch} value. */
    public String launchForSeededEncounter() {
        return auth.launchContext(TestFhirServer.PATIENT_ID, TestFhirServer.ENCOUNTER_ID);
    }

    /** The launch URL the EHR opens in its frame. */
    public String launchUrl(String chartScribeBase, String launch) {
        return chartScribeBase + "/smart/launch?iss=" + java.net.URLEncoder.encode(iss(), java.nio.charset.StandardCharsets.UTF_8)
                + "&launch=" + launch;
    }

    private static Predicate<String> signedBy(TestAuthorizationServer auth) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(auth.jwksUri().toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(auth.issuer()).build(), Set.of("exp", "sub")));
        return token -> {
            try {
                processor.process(token, null);
                return true;
            } catch (Exception e) {
                return false;
            }
        };
    }

    @Override
    public void close() {
        fhir.close();
        auth.close();
    }
}
