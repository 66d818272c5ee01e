package org.chartscribe.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.chartscribe.fhir.SharedValidator;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

class BackgroundValidatorTest {

    @Test
    void withoutPreloadNothingIsBuiltUntilTheFirstValidation() {
        AtomicInteger builds = new AtomicInteger();
        BackgroundValidator validator = BackgroundValidator.create(counting(builds), false);

        sleep(Duration.ofMillis(200));
        assertThat(builds).hasValue(0);

        assertThat(validator.errors(new Patient().setActive(true))).isEmpty();
        validator.errors(new Patient());
        assertThat(builds).hasValue(1);
    }

    @Test
    void preloadBuildsOnceInTheBackgroundAtCreation() {
        AtomicInteger builds = new AtomicInteger();
        BackgroundValidator validator = BackgroundValidator.create(counting(builds), true);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (builds.get() == 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
        }
        assertThat(builds).hasValue(1);
        validator.errors(new Patient());
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailedBuildFailsEveryValidationInsteadOfSkippingIt() {
        BackgroundValidator validator = BackgroundValidator.create(() -> {
            throw new IllegalStateException("package unreadable");
        }, false);

        assertThatThrownBy(() -> validator.errors(new Patient())).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("package unreadable");
    }

    private static Supplier<ProducedResourceValidator> counting(AtomicInteger builds) {
        return () -> {
            builds.incrementAndGet();
            return SharedValidator.baseOnly();
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
