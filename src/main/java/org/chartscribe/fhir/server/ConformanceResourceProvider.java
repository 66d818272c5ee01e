package org.chartscribe.fhir.server;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MetadataResource;

/** Read and search (all, or by canonical {@code url}) for one type of ChartScribe's conformance resources. Public. */
class ConformanceResourceProvider<T extends MetadataResource> implements IResourceProvider {
    private final Class<T> type;
    private final List<T> resources;

    ConformanceResourceProvider(Class<T> type, ConformanceResources profiles) {
        this.type = type;
        this.resources = profiles.ofType(type);
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read
    public IBaseResource read(@IdParam IdType id) {
        return resources.stream().filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                .map(ConformanceResources::copyOf)
                .orElseThrow(() -> FhirRoutes.notFound(
                        "No " + type.getSimpleName() + " with this id here; list them with GET [base]/" + type.getSimpleName() + "."));
    }

    @Search
    public List<IBaseResource> search(@OptionalParam(name = "url") UriParam url) {
        return resources.stream().filter(r -> url == null || r.getUrl().equals(url.getValue()))
                .map(r -> (IBaseResource) ConformanceResources.copyOf(r)).toList();
    }
}
