package org.chartscribe.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.chartscribe.note.NoteService;
import org.chartscribe.store.ApiKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR R4 endpoint: one FhirContext, one validator, HAPI's RestfulServer on /fhir/*. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfig {
    private static final Logger log = LoggerFactory.getLogger(FhirServerConfig.class);

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Bean
    ConformanceResources conformanceResources(FhirContext fhir) {
        return ConformanceResources.load(fhir);
    }

    /** {@code CHARTSCRIBE_FHIR_IG_PACKAGES}: comma-separated IG .tgz paths (e.g. US Core 6.1.0) to validate against. */
    @Bean
    ProducedResourceValidator producedResourceValidator(FhirContext fhir, ConformanceResources profiles,
                                                        @Value("${chartscribe.fhir.ig-packages:}") String igPackages) {
        long started = System.nanoTime();
        ProducedResourceValidator validator =
                ProducedResourceValidator.build(fhir, profiles, ProducedResourceValidator.packagePaths(igPackages));
        log.info("FHIR validator built in {} ms: base R4 + fhir-profiles + IG packages {}",
                (System.nanoTime() - started) / 1_000_000, validator.igPackages());
        // In the background: start-up stays fast, and the first $generate-soap rarely pays the seconds.
        Thread warmUp = new Thread(() -> {
            long warming = System.nanoTime();
            validator.warmUp();
            log.info("FHIR validator warmed up in {} ms", (System.nanoTime() - warming) / 1_000_000);
        }, "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return validator;
    }

    @Bean
    ServletRegistrationBean<ChartScribeFhirServer> fhirServlet(FhirContext fhir, ConformanceResources profiles,
                                                               ProducedResourceValidator validator, NoteService notes,
                                                               ApiKeyStore keys) {
        ChartScribeFhirServer server = new ChartScribeFhirServer(fhir, profiles,
                new GenerateSoapProvider(notes, validator), new FhirApiKeyInterceptor(keys));
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
