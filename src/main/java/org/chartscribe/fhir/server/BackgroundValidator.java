package org.chartscribe.fhir.server;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The produced-resource validator, built and warmed up on a background thread so that start-up does
 * not wait for it (seconds, more with IG packages such as US Core); a {@code $generate-soap} that comes
 * earlier waits for the build, never skips validation.
 *
 * <p>The build starts at start-up when preloading is asked for, otherwise on the first call that
 * needs it: the validator holds ~200 MB of definitions and snapshots, which a deployment that only
 * uses {@code /v1} should not pay for.
 */
final class BackgroundValidator {
    private static final Logger log = LoggerFactory.getLogger(BackgroundValidator.class);

    private final CompletableFuture<ProducedResourceValidator> built = new CompletableFuture<>();

    private final Supplier<ProducedResourceValidator> build;
    private final AtomicBoolean started = new AtomicBoolean();

    private BackgroundValidator(Supplier<ProducedResourceValidator> build) {
        this.build = build;
    }

    /** Starts building now when {@code preload}, else on the first {@link #errors} call. */
    static BackgroundValidator create(Supplier<ProducedResourceValidator> build, boolean preload) {
        BackgroundValidator holder = new BackgroundValidator(build);
        if (preload) {
            holder.startBuild();
        }
        return holder;
    }

    private void startBuild() {
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> buildAndWarmUp(build), "fhir-validator-build");
            thread.setDaemon(true);
            thread.start();
        }
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
        log.info("FHIR validator built in {} ms: base R4 + fhir-profiles + IG packages {}, at most {} validations at once",
                (System.nanoTime() - started) / 1_000_000, validator.igPackages(), validator.maxConcurrentValidations());
        built.complete(validator);
        long warming = System.nanoTime();
        validator.warmUp();
        log.info("FHIR validator warmed up in {} ms", (System.nanoTime() - warming) / 1_000_000);
    }

    /** Errors of the resource (see {@link ProducedResourceValidator#errors}); waits for the build if needed. */
    List<SingleValidationMessage> errors(IBaseResource resource) {
        startBuild();
        return built.join().errors(resource);
    }
}
