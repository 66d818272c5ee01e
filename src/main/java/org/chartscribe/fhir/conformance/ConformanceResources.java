package org.chartscribe.fhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * ChartScribe's conformance resources ({@code fhir-profiles/} at the repository root, copied onto the
 * classpath by the build). Loaded once; the server serves them read-only and the validator uses them.
 */
public final class ConformanceResources {
    /** Every file of {@code fhir-profiles/}; a test keeps this list and the folder in step. */
    public static final List<String> FILES = List.of(
            "StructureDefinition-chartscribe-note.json",
            "StructureDefinition-chartscribe-condition-encounter-diagnosis.json",
            "StructureDefinition-chartscribe-condition-problem-list-item.json",
            "StructureDefinition-chartscribe-claim.json",
            "CodeSystem-specialty.json",
            "ValueSet-specialty.json",
            "CodeSystem-note-template.json",
            "ValueSet-note-template.json",
            "OperationDefinition-generate-soap.json");
    private static final String FOLDER = "/fhir-profiles/";

    private final List<MetadataResource> resources;

    private ConformanceResources(List<MetadataResource> resources) {
        this.resources = List.copyOf(resources);
    }

    public static ConformanceResources load(FhirContext fhir) {
        List<MetadataResource> loaded = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = ConformanceResources.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + FOLDER + file);
                }
                IBaseResource resource = fhir.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                loaded.add((MetadataResource) resource);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ConformanceResources(loaded);
    }

    public List<MetadataResource> all() {
        return resources;
    }

    public <T extends MetadataResource> List<T> ofType(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public Optional<MetadataResource> byUrl(String url) {
        return resources.stream().filter(r -> r.getUrl().equals(url)).findFirst();
    }

    /** Profiles built on another IG (US Core): usable by a validator only when that IG is loaded. */
    public static boolean derivesFromOutsideCore(StructureDefinition profile) {
        return !profile.getBaseDefinition().startsWith("http://hl7.org/fhir/StructureDefinition/");
    }

    /** A copy, so a caller (the HTTP layer sets meta) never changes the shared instance. */
    public static <T extends MetadataResource> T copyOf(T resource) {
        @SuppressWarnings("unchecked")
        T copy = (T) resource.copy();
        return copy;
    }
}
