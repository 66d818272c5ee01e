package org.chartscribe.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.chartscribe.audio.RecordingPipeline;
import org.chartscribe.config.AudioProperties;
import org.chartscribe.config.AudioWorkDir;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.ehr.ChartWriter;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.chartscribe.note.NoteService;
import org.chartscribe.smart.SmartSessions;
import org.chartscribe.traffic.ApiKeyAdmission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR R4 endpoint: one FhirContext, one validator, HAPI's RestfulServer on /fhir/*. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfig {

    /**
     * Unknown elements are still ignored (HAPI's lenient default) but no longer logged: HAPI's handler
     * writes each one's name, which is the client's text, at WARN (twice per element, line breaks and all).
     */
    @Bean
    FhirContext fhirContext() {
        FhirContext fhir = FhirContext.forR4();
        fhir.setParserErrorHandler(new LenientErrorHandler(false));
        return fhir;
    }

    @Bean
    ConformanceResources conformanceResources(FhirContext fhir) {
        return ConformanceResources.load(fhir);
    }

    /**
     * {@code CHARTSCRIBE_FHIR_IG_PACKAGES}: comma-separated IG .tgz paths (e.g. US Core 6.1.0) to validate
     * against. A missing file stops start-up; reading the packages and building the validator happen in
     * the background, at start-up with {@code CHARTSCRIBE_FHIR_PRELOAD_VALIDATOR=true}, else on the first
     * {@code $generate-soap}. {@code CHARTSCRIBE_FHIR_MAX_CONCURRENT_VALIDATIONS} (default: the number of
     * processors) bounds the validations running at once, and with them the heap they take.
     */
    @Bean
    BackgroundValidator producedResourceValidator(FhirContext fhir, ConformanceResources profiles,
                                                  @Value("${chartscribe.fhir.ig-packages:}") String igPackages,
                                                  @Value("${chartscribe.fhir.preload-validator:false}") boolean preload,
                                                  @Value("${chartscribe.fhir.max-concurrent-validations:0}") int maxValidations) {
        List<Path> packages = ProducedResourceValidator.packagePaths(igPackages);
        for (Path p : packages) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("CHARTSCRIBE_FHIR_IG_PACKAGES: no such file " + p.toAbsolutePath());
            }
        }
        int concurrent = maxValidations > 0 ? maxValidations : ProducedResourceValidator.defaultMaxConcurrentValidations();
        return BackgroundValidator.create(() -> ProducedResourceValidator.build(fhir, profiles, packages, concurrent), preload);
    }

    @Bean
    ServletRegistrationBean<ChartScribeFhirServer> fhirServlet(FhirContext fhir, ConformanceResources profiles,
                                                               BackgroundValidator validator, NoteService notes,
                                                               ApiKeyAdmission admission, Optional<ChartWriter> chartWriter,
                                                               Optional<SmartSessions> smartSessions,
                                                               ChartScribeProperties settings,
                                                               Optional<RecordingPipeline> recordingPipeline,
                                                               Optional<AudioWorkDir> audioWork, AudioProperties audio) {
        Optional<InlineRecordings> recordings = recordingPipeline.flatMap(pipeline -> audioWork.map(work ->
                new InlineRecordings(pipeline, work.path(), audio.syncLimit().toMillis())));
        ChartScribeFhirServer server = new ChartScribeFhirServer(fhir, profiles,
                new GenerateSoapProvider(notes, recordings, validator, chartWriter, smartSessions),
                new FhirApiKeyInterceptor(admission, smartSessions, fhir), settings.maxRequestBytes().toBytes());
        ServletRegistrationBean<ChartScribeFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        // Initialise at start-up, not on the first request: a slow first call would skew every client's view.
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** {@code CHARTSCRIBE_MAX_REQUEST_BYTES} on /fhir, answered as an OperationOutcome. */
    @Bean
    FilterRegistrationBean<FhirPayloadLimitFilter> fhirPayloadLimit(FhirContext fhir, ChartScribeProperties settings) {
        FilterRegistrationBean<FhirPayloadLimitFilter> registration =
                new FilterRegistrationBean<>(new FhirPayloadLimitFilter(fhir, settings.maxRequestBytes().toBytes()));
        registration.addUrlPatterns("/fhir/*");
        return registration;
    }
}
