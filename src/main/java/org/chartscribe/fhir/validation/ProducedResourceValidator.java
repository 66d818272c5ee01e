package org.chartscribe.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartscribe.fhir.BillingSuggestions;
import org.chartscribe.fhir.ChartReferences;
import org.chartscribe.fhir.CptSuggestion;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.fhir.Icd10Suggestion;
import org.chartscribe.fhir.SoapNoteMapper;
import org.chartscribe.note.DraftNote;
import org.chartscribe.note.EngineInfo;
import org.chartscribe.note.StoredNote;
import org.hl7.fhir.r4.model.Reference;
import java.util.regex.Pattern;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Validates what ChartScribe produces against base R4, its own profiles and, when given, IG packages
 * such as US Core 6.1.0. Building it is slow (seconds): build one per application (or test JVM) and
 * share it; it is thread-safe.
 *
 * <p>External code systems this server cannot expand (ICD-10-CM, CPT, LOINC) are not errors: no
 * terminology server is available offline, so "cannot check this code" is reported as a warning.
 *
 * <p>At most {@code maxConcurrentValidations} validations run at once; further callers wait their turn.
 * Each validation builds HAPI's core {@code InstanceValidator} afresh, and with it that library's OID
 * registry (21,000 entries read from a CSV, several MB of heap per call): with 64 clients validating
 * at once these copies filled a 384 MB heap (GC thrash, seconds per call) and at {@code -Xmx1g} took
 * RSS to 1.3-1.4 GB. Validation is CPU-bound, so more than one per core buys no throughput.
 */
public final class ProducedResourceValidator {
    /** Messages about code systems or value sets nobody can check offline; they are not defects of ours. */
    private static final Pattern EXTERNAL_SYSTEM =
            Pattern.compile("http://loinc\\.org|http://hl7\\.org/fhir/sid/icd-10-cm|http://www\\.ama-assn\\.org/go/cpt");
    private static final Pattern CANNOT_CHECK = Pattern.compile(
            "(?i)unknown code ?system|CodeSystem is unknown|can't be validated|cannot be validated|unable to (validate|expand)"
                    + "|could not be (validated|expanded)|not found|no such code ?system");

    private final FhirValidator validator;
    private final List<String> igPackages;
    private final Semaphore validations;
    private final int maxConcurrentValidations;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    private ProducedResourceValidator(FhirValidator validator, List<String> igPackages, int maxConcurrentValidations) {
        this.validator = validator;
        this.igPackages = List.copyOf(igPackages);
        this.maxConcurrentValidations = maxConcurrentValidations;
        // Fair: under load a waiting request gets its turn in arrival order rather than at random.
        this.validations = new Semaphore(maxConcurrentValidations, true);
    }

    /** As {@link #build(FhirContext, ConformanceResources, List, int)} with one validation per processor. */
    public static ProducedResourceValidator build(FhirContext fhir, ConformanceResources profiles, List<Path> igPackages) {
        return build(fhir, profiles, igPackages, defaultMaxConcurrentValidations());
    }

    /** One per available processor: validation is CPU-bound, so more at once only adds heap. */
    public static int defaultMaxConcurrentValidations() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static ProducedResourceValidator build(FhirContext fhir, ConformanceResources profiles, List<Path> igPackages,
                                                  int maxConcurrentValidations) {
        if (maxConcurrentValidations < 1) {
            throw new IllegalArgumentException("maxConcurrentValidations must be at least 1: " + maxConcurrentValidations);
        }
        NpmPackageValidationSupport packages = new NpmPackageValidationSupport(fhir);
        List<String> loaded = new ArrayList<>();
        for (Path path : igPackages) {
            loaded.add(loadPackage(fhir, packages, path));
        }
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        ValidationSupportChain base = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir), packages);

        PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(fhir);
        profiles.all().forEach(resource -> {
            // A profile on US Core cannot be snapshotted without US Core: leave it out rather than fail.
            if (!(resource instanceof StructureDefinition sd) || !ConformanceResources.derivesFromOutsideCore(sd)
                    || base.fetchStructureDefinition(sd.getBaseDefinition()) != null) {
                own.addResource(resource);
            }
        });
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                packages,
                own,
                new SnapshotGeneratingValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                unknownCodeSystems);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        module.setErrorForUnknownProfiles(false);
        FhirValidator validator = fhir.newValidator();
        validator.registerValidatorModule(module);
        return new ProducedResourceValidator(validator, loaded, maxConcurrentValidations);
    }

    /**
     * Validates one representative Bundle so the first real request does not pay for loading the
     * core definitions and generating snapshots (several seconds). The codes here never leave this method.
     */
    public void warmUp() {
        DraftNote draft = new DraftNote(Map.of(), List.of(), new EngineInfo("warm-up", "0"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        StoredNote note = new StoredNote("note_warmup", "warm-up", "generic", "standard", draft, now, now);
        ChartReferences chart = new ChartReferences(Optional.of(new Reference("Patient/warm-up")),
                Optional.of(new Reference("Encounter/warm-up")), Optional.of(new Reference("Practitioner/warm-up")));
        BillingSuggestions codes = new BillingSuggestions(List.of(new Icd10Suggestion("R69", "Illness, unspecified", List.of())),
                List.of(new CptSuggestion("99212", "Office visit")));
        for (FhirDialect dialect : FhirDialect.values()) {
            errors(SoapNoteMapper.map(note, chart, codes, dialect).toBundle());
        }
    }

    /** IG packages as configured in {@code CHARTSCRIBE_FHIR_IG_PACKAGES}: comma-separated .tgz paths. */
    public static List<Path> packagePaths(String value) {
        return value == null ? List.of() : java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private static String loadPackage(FhirContext fhir, NpmPackageValidationSupport target, Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            NpmPackage npm = NpmPackage.fromPackage(in);
            NpmPackage.NpmPackageFolder folder = npm.getFolders().get("package");
            for (String file : folder.listFiles()) {
                if (file.endsWith(".json") && !file.equals("package.json") && !file.startsWith(".")) {
                    IBaseResource resource = fhir.newJsonParser().parseResource(new String(folder.fetchFile(file),
                            java.nio.charset.StandardCharsets.UTF_8));
                    target.addResource(resource);
                }
            }
            return npm.name() + "#" + npm.version();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read FHIR IG package " + path, e);
        }
    }

    /** How many validations may run at once. */
    public int maxConcurrentValidations() {
        return maxConcurrentValidations;
    }

    /** The most validations that have run at once so far (at most {@link #maxConcurrentValidations}). */
    public int peakConcurrentValidations() {
        return peakRunning.get();
    }

    /** The IG packages in use, as {@code name#version}. */
    public List<String> igPackages() {
        return igPackages;
    }

    /** A message that only says an ICD-10-CM, CPT or LOINC code could not be checked offline. */
    static boolean uncheckableTerminology(String message) {
        return message != null && EXTERNAL_SYSTEM.matcher(message).find() && CANNOT_CHECK.matcher(message).find();
    }

    /** Errors only (after dropping uncheckable-terminology messages); empty means valid. */
    public List<SingleValidationMessage> errors(IBaseResource resource) {
        ValidationResult result;
        validations.acquireUninterruptibly();
        try {
            peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            result = validator.validateWithResult(resource);
        } finally {
            running.decrementAndGet();
            validations.release();
        }
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !uncheckableTerminology(m.getMessage()))
                .toList();
    }
}
