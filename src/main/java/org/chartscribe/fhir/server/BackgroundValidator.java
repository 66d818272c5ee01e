package org.chartscribe.fhir.server;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The produced-resource validator, built and warmed up on a background thread so that start-up does
 * not wait for it (seconds, more with IG packages such as US Core); a {@code $generate-soap} that comes
 * earlier waits for the build, never skips validation.
 */
final class BackgroundValidator {
    private static final Logger log = LoggerFactory.getLogger(BackgroundValidator.class);

    private final CompletableFuture<ProducedResourceValidator> built = new CompletableFuture<>();

    private BackgroundValidator() {}

    static BackgroundValidator start(Supplier<ProducedResourceValidator> build) {
        BackgroundValidator holder = new BackgroundValidator();
        Thread thread = new Thread(() -> holder.buildAndWarmUp(build), "fhir-validator-build");
        thread.setDaemon(true);
        thread.start();
        return holder;
    }

    private void buildAndWarmUp(Supplier<ProducedResourceValidator> build) {
        long started = System.nanoTime();
        ProducedResourceValidator validator;
        try {
            validator = build.get();
        } catch (RuntimeException e) {
            // Paths and package names only: nothing here comes from a request.
            log.error("FHIR validator could not be built: {}", e.toString());
            built.completeExceptionally(e);
            return;
        }
        log.info("FHIR validator built in {} ms: base R4 + fhir-profiles + IG packages {}",
                (System.nanoTime() - started) / 1_000_000, validator.igPackages());
        built.complete(validator);
        long warming = System.nanoTime();
        validator.warmUp();
        log.info("FHIR validator warmed up in {} ms", (System.nanoTime() - warming) / 1_000_000);
    }

    /** Errors of the resource (see {@link ProducedResourceValidator#errors}); waits for the build if needed. */
    List<SingleValidationMessage> errors(IBaseResource resource) {
        return built.join().errors(resource);
    }
}
