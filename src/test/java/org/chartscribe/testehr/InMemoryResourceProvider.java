package org.chartscribe.testehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.FhirTerser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource type kept in memory, behaving like a real server where the write-back relies on it:
 * create assigns the id and answers 201 with Location; conditional create ({@code If-None-Exist})
 * answers 200 with the one match, 412 when several match; read; search by {@code identifier},
 * {@code _tag} and the reference/token parameters the type is given (path per parameter).
 */
public class InMemoryResourceProvider<T extends Resource> implements IResourceProvider {
    private final Class<T> type;
    private final String typeName;
    private final FhirTerser terser;
    private final Faults faults;
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, T> stored = new LinkedHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1000);
    private final AtomicInteger createRequests = new AtomicInteger();

    InMemoryResourceProvider(FhirContext fhir, Class<T> type, Faults faults, Map<String, String> searchPaths) {
        this.type = type;
        this.typeName = fhir.getResourceType(type);
        this.terser = fhir.newTerser();
        this.faults = faults;
        paths.put("identifier", typeName + ".identifier");
        paths.put("_tag", typeName + ".meta.tag");
        searchPaths.forEach((param, path) -> paths.put(param, typeName + "." + path));
    }

    @Override
    public Class<T> getResourceType() {
        return type;
    }

    /** Synchronized: the match and the store of a conditional create are one step, as in a real server. */
    @Create
    public synchronized MethodOutcome create(@ResourceParam T resource, @ConditionalUrlParam String conditionalUrl) {
        countCreateRequest();
        if (conditionalUrl != null) {
            List<T> matches = matching(criteria(conditionalUrl));
            if (matches.size() > 1) {
                throw new PreconditionFailedException("If-None-Exist matched " + matches.size() + " resources");
            }
            if (matches.size() == 1) {
                T existing = matches.get(0);
                return new MethodOutcome(existing.getIdElement(), false).setResource(existing);
            }
        }
        T created = storeWithFaults(resource);
        return new MethodOutcome(created.getIdElement(), true).setResource(created);
    }

    /** Stores a new resource unless a fault says otherwise; a fault after storing keeps it stored. */
    T storeWithFaults(T resource) {
        var fault = faults.next(typeName);
        if (fault.isPresent() && !fault.get().afterStore()) {
            throw Faults.exception(fault.get());
        }
        T created = store(resource, String.valueOf(nextId.getAndIncrement()));
        if (fault.isPresent()) {
            throw Faults.exception(fault.get());
        }
        return created;
    }

    @Read
    public T read(@IdParam IdType id) {
        synchronized (stored) {
            T found = stored.get(id.getIdPart());
            if (found == null) {
                throw new ResourceNotFoundException(id);
            }
            return found;
        }
    }

    @Search(allowUnknownParams = false)
    public List<IBaseResource> search(@OptionalParam(name = "identifier") TokenParam identifier,
                          @OptionalParam(name = "_tag") TokenParam tag,
                          @OptionalParam(name = "status") TokenParam status,
                          @OptionalParam(name = "patient") ReferenceParam patient,
                          @OptionalParam(name = "subject") ReferenceParam subject,
                          @OptionalParam(name = "target") ReferenceParam target) {
        var refused = faults.refusedSearch(typeName);
        if (refused.isPresent()) {
            throw Faults.exception(new Faults.Fault(refused.get(), false, java.util.Optional.empty()));
        }
        Map<String, String> criteria = new LinkedHashMap<>();
        put(criteria, "identifier", identifier);
        put(criteria, "_tag", tag);
        put(criteria, "status", status);
        put(criteria, "patient", patient);
        put(criteria, "subject", subject);
        put(criteria, "target", target);
        List<IBaseResource> found = new ArrayList<>(faults.searchesLag ? List.of() : matching(criteria));
        if (faults.warningsInSearches) {
            found.add(Faults.searchWarning());
        }
        return found;
    }

    T store(T resource, String id) {
        resource.setId(new IdType(typeName, id, "1"));
        resource.getMeta().setVersionId("1").setLastUpdated(new java.util.Date());
        synchronized (stored) {
            stored.put(id, resource);
        }
        return resource;
    }

    List<T> all() {
        synchronized (stored) {
            return List.copyOf(stored.values());
        }
    }

    void countCreateRequest() {
        createRequests.incrementAndGet();
    }

    int createRequests() {
        return createRequests.get();
    }

    void clearWritten(java.util.Set<String> keep) {
        synchronized (stored) {
            stored.keySet().retainAll(keep);
        }
        createRequests.set(0);
    }

    private static void put(Map<String, String> criteria, String name, TokenParam token) {
        if (token != null) {
            criteria.put(name, token.getSystem() == null ? token.getValue() : token.getSystem() + "|" + token.getValue());
        }
    }

    private static void put(Map<String, String> criteria, String name, ReferenceParam reference) {
        if (reference != null) {
            criteria.put(name, reference.getValue());
        }
    }

    /** {@code Type?a=b&c=d} (or {@code a=b&c=d}) as parameter -> value. */
    private static Map<String, String> criteria(String conditionalUrl) {
        String query = conditionalUrl.contains("?") ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1) : conditionalUrl;
        Map<String, String> criteria = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                criteria.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).replace("\\|", "|"));
            }
        }
        return criteria;
    }

    private List<T> matching(Map<String, String> criteria) {
        for (String name : criteria.keySet()) {
            if (!paths.containsKey(name)) {
                throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
                        "Unknown search parameter for " + typeName + ": " + name);
            }
        }
        List<T> found = new ArrayList<>();
        for (T resource : all()) {
            if (criteria.entrySet().stream().allMatch(c -> matches(resource, paths.get(c.getKey()), c.getValue()))) {
                found.add(resource);
            }
        }
        return found;
    }

    private boolean matches(IBaseResource resource, String path, String wanted) {
        for (IBase value : terser.getValues(resource, path)) {
            if (value instanceof Identifier id && token(wanted, id.getSystem(), id.getValue())) {
                return true;
            }
            if (value instanceof Coding coding && token(wanted, coding.getSystem(), coding.getCode())) {
                return true;
            }
            if (value instanceof CodeableConcept concept
                    && concept.getCoding().stream().anyMatch(c -> token(wanted, c.getSystem(), c.getCode()))) {
                return true;
            }
            if (value instanceof PrimitiveType<?> primitive && wanted.equals(primitive.getValueAsString())) {
                return true;
            }
            if (value instanceof Reference reference && reference.hasReference()) {
                IdType ref = new IdType(reference.getReference());
                IdType want = new IdType(wanted);
                if (ref.getIdPart().equals(want.getIdPart())
                        && (!want.hasResourceType() || want.getResourceType().equals(ref.getResourceType()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean token(String wanted, String system, String code) {
        int bar = wanted.indexOf('|');
        if (bar < 0) {
            return wanted.equals(code);
        }
        String wantedSystem = wanted.substring(0, bar);
        return (wantedSystem.isEmpty() ? system == null : wantedSystem.equals(system))
                && wanted.substring(bar + 1).equals(code);
    }
}
