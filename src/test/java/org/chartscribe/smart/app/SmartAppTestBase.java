package org.chartscribe.smart.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with test doubles of the two ports this app drives (the
 * SMART session store and the chart writer) and a stand-in for the EHR's FHIR reads. Subclasses share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SmartAppTestBase.Doubles.class)
public abstract class SmartAppTestBase {
    protected static final String TENANT = "ehr-test-a";
    protected static final String OTHER_TENANT = "ehr-test-b";
    protected static final FakeEhrFhir EHR = new FakeEhrFhir();
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;
    @Autowired
    protected FakeSmartSessions sessions;
    @Autowired
    protected RecordingChartWriter writer;

    @TestConfiguration(proxyBeanMethods = false)
    static class Doubles {
        // Primary: once the real implementations are merged, these still win in this test's context.
        @Bean
        @Primary
        FakeSmartSessions fakeSmartSessions() {
            return new FakeSmartSessions();
        }

        @Bean
        @Primary
        RecordingChartWriter recordingChartWriter() {
            return new RecordingChartWriter();
        }
    }

    @DynamicPropertySource
    static void appProperties(DynamicPropertyRegistry registry) {
        registry.add("chartscribe.data-dir", DATA_DIR::toString);
        registry.add("chartscribe.smart.frame-ancestors", () -> "'self' https://ehr.example.org");
    }

    @BeforeEach
    void resetDoubles() {
        writer.reset();
        EHR.setDown(false);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A session as the SMART callback would create it for the fictitious patient and encounter. */
    protected org.chartscribe.smart.SmartSession launch(String tenant) {
        return sessions.open(tenant, EHR.baseUrl(), FakeEhrFhir.PATIENT_ID, FakeEhrFhir.ENCOUNTER_ID,
                "Practitioner/" + FakeEhrFhir.PRACTITIONER_ID);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("chartscribe-smart-app-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
