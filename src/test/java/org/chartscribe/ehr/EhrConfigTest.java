package org.chartscribe.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The ChartWriter bean on the app's FhirContext, with {@code chartscribe.ehr.*} settings or their defaults. */
class EhrConfigTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EhrConfig.class)
            .withBean(FhirContext.class, () -> FHIR);

    @Test
    void defaultsSuitAnInteractiveClick() {
        context.run(ctx -> {
            assertThat(ctx).hasSingleBean(ChartWriter.class);
            EhrProperties settings = ctx.getBean(EhrProperties.class);
            assertThat(settings.maxAttempts()).isEqualTo(4);
            assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.firstBackoff()).isEqualTo(Duration.ofMillis(500));
            assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void settingsComeFromTheEnvironment() {
        context.withPropertyValues("chartscribe.ehr.max-attempts=2", "chartscribe.ehr.max-wait=3s",
                "chartscribe.ehr.read-timeout=1500ms").run(ctx -> {
            EhrProperties settings = ctx.getBean(EhrProperties.class);
            assertThat(settings.maxAttempts()).isEqualTo(2);
            assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(3));
            assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(1500));
        });
    }
}
