package org.chartscribe.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One FhirContext and validators per test JVM: building a validator takes seconds. The US Core one
 * reads the shared package by path and is empty when the shared data is absent (tests then skip it).
 */
public final class SharedValidator {
    public static final FhirContext FHIR = FhirContext.forR4();
    /**
     * US Core 6.1.0: the entry of {@code CHARTSCRIBE_FHIR_IG_PACKAGES} that names it (as {@code .ci/run} sets
     * it), else the shared data next to the repository.
     */
    public static final Path US_CORE_610 = usCorePath(System.getenv("CHARTSCRIBE_FHIR_IG_PACKAGES"));

    private static ProducedResourceValidator baseOnly;
    private static ProducedResourceValidator usCore;

    private SharedValidator() {}

    public static synchronized ProducedResourceValidator baseOnly() {
        if (baseOnly == null) {
            baseOnly = ProducedResourceValidator.build(FHIR, ConformanceResources.load(FHIR), List.of());
        }
        return baseOnly;
    }

    static Path usCorePath(String igPackages) {
        return ProducedResourceValidator.packagePaths(igPackages).stream()
                .filter(p -> p.getFileName().toString().startsWith("hl7.fhir.us.core-6.1.0")).findFirst()
                .orElse(Path.of("../shared/data/us-core/hl7.fhir.us.core-6.1.0.tgz"));
    }

    /** Why US Core tests are skipped, for the skip message. */
    public static String usCoreMissing() {
        return "US Core 6.1.0 package not found at " + US_CORE_610.toAbsolutePath().normalize()
                + " (set CHARTSCRIBE_FHIR_IG_PACKAGES to its path, as .ci/run does when ../shared/data is present)";
    }

    public static boolean usCoreAvailable() {
        return Files.isRegularFile(US_CORE_610);
    }

    public static synchronized ProducedResourceValidator usCore() {
        if (usCore == null) {
            usCore = ProducedResourceValidator.build(FHIR, ConformanceResources.load(FHIR), List.of(US_CORE_610));
        }
        return usCore;
    }

    /** A readable failure message: location and text of each error. */
    public static String describe(List<SingleValidationMessage> errors) {
        return errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).collect(Collectors.joining("\n"));
    }

    public static String json(IBaseResource resource) {
        return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }
}
