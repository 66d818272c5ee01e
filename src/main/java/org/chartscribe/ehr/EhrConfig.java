package org.chartscribe.ehr;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The EHR clients and the chart writer, on the app's one FhirContext, configured by {@code chartscribe.ehr.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EhrProperties.class)
class EhrConfig {
    @Bean
    EhrClients ehrClients(FhirContext fhir, EhrProperties settings) {
        return new EhrClients(fhir, settings);
    }

    @Bean
    ChartWriter chartWriter(EhrClients clients, EhrProperties settings) {
        return new FhirChartWriter(clients, settings);
    }
}
