package org.chartscribe.testehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UriType;

/**
 * The test EHR's FHIR R4 server: HAPI's RestfulServer in an embedded Tomcat on a random port of
 * 127.0.0.1, base {@code http://127.0.0.1:{port}/fhir}, in memory, seeded with one patient's chart.
 * <ul>
 *   <li>Seed: {@link #PATIENT_ID} (Ada Example, born 1970-01-01), {@link #ENCOUNTER_ID},
 *       {@link #COVERAGE_ID} (active; plus a cancelled {@link #OLD_COVERAGE_ID}), {@link #PRACTITIONER_ID}.</li>
 *   <li>Faults: {@link #failNextCreates}, {@link #failNextCreatesAfterStoring} (a lost answer),
 *       {@link #throttleNextCreates} (429 + Retry-After), {@link #simulateOutage()} / {@link #endOutage()}
 *       (connection refused).</li>
 *   <li>Auth: {@link #requireBearerToken} (else any request is served); {@code metadata} and
 *       {@code .well-known/smart-configuration} are always open.</li>
 *   <li>SMART: {@link #smartConfiguration(Map)} served at {@code {base}/.well-known/smart-configuration}
 *       (404 until set); {@link #oauthUris} adds the oauth-uris extension to {@code {base}/metadata}.</li>
 * </ul>
 */
public final class TestFhirServer implements AutoCloseable {
    public static final String PATIENT_ID = "pat-1";
    public static final String ENCOUNTER_ID = "enc-1";
    public static final String COVERAGE_ID = "cov-1";
    public static final String OLD_COVERAGE_ID = "cov-0";
    public static final String PRACTITIONER_ID = "prac-1";
    public static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private final FhirContext fhir;
    private final Faults faults = new Faults();
    private final Map<Class<? extends Resource>, InMemoryResourceProvider<?>> providers = new LinkedHashMap<>();
    private final Map<Class<? extends Resource>, Set<String>> seeded = new HashMap<>();
    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;
    /** Which bearer tokens are valid; {@code null}: no check. */
    private volatile Predicate<String> validToken;
    private volatile Map<String, Object> smartConfiguration;
    private volatile URI authorizeUri;
    private volatile URI tokenUri;
    private int port;

    private TestFhirServer(FhirContext fhir) throws IOException {
        this.fhir = fhir;
        this.baseDir = Files.createTempDirectory("test-ehr-fhir");
        add(Patient.class, Map.of());
        add(Encounter.class, Map.of("patient", "subject", "subject", "subject", "status", "status"));
        add(Coverage.class, Map.of("patient", "beneficiary", "beneficiary", "beneficiary", "status", "status"));
        add(Practitioner.class, Map.of());
        add(DocumentReference.class, Map.of("patient", "subject", "subject", "subject", "status", "status"));
        add(Condition.class, Map.of("patient", "subject", "subject", "subject"));
        add(Claim.class, Map.of("patient", "patient", "status", "status"));
        providers.put(org.hl7.fhir.r4.model.ChargeItem.class, new ChargeItemProvider(fhir, faults));
        add(Provenance.class, Map.of("target", "target", "patient", "target"));
        seed();
    }

    /** Starts a server on a random port with its own FhirContext; close it when done. */
    public static TestFhirServer start() {
        return start(FhirContext.forR4());
    }

    /** Starts a server on a random port; close it (or use try-with-resources) when done. */
    public static TestFhirServer start(FhirContext fhir) {
        try {
            TestFhirServer server = new TestFhirServer(fhir);
            server.startTomcat();
            return server;
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException("test FHIR server did not start", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    public int port() {
        return port;
    }

    public FhirContext fhirContext() {
        return fhir;
    }

    // ---- seed data and what was written ----

    public Reference patient() {
        return new Reference("Patient/" + PATIENT_ID);
    }

    public Reference encounter() {
        return new Reference("Encounter/" + ENCOUNTER_ID);
    }

    public Reference practitioner() {
        return new Reference("Practitioner/" + PRACTITIONER_ID);
    }

    /** Every stored resource of the type (seed included), in creation order. */
    @SuppressWarnings("unchecked")
    public <T extends Resource> List<T> stored(Class<T> type) {
        return (List<T>) provider(type).all();
    }

    /** Create requests received for the type (plain, conditional and {@code $create}), answered or not. */
    public int createRequests(Class<? extends Resource> type) {
        return provider(type).createRequests();
    }

    /** Forgets everything written since start (the seed stays), the faults and the token requirement. */
    public void reset() {
        providers.forEach((type, p) -> p.clearWritten(seeded.getOrDefault(type, Set.of())));
        faults.clear();
        validToken = null;
    }

    // ---- faults ----

    /** The next {@code count} creates of the type answer {@code status} without storing anything. */
    public void failNextCreates(String resourceType, int count, int status) {
        faults.add(resourceType, count, new Faults.Fault(status, false, Optional.empty()));
    }

    /** The next {@code count} creates of the type are stored, then answer {@code status}: the answer is lost. */
    public void failNextCreatesAfterStoring(String resourceType, int count, int status) {
        faults.add(resourceType, count, new Faults.Fault(status, true, Optional.empty()));
    }

    /** The next {@code count} creates of the type answer 429 with {@code Retry-After: retryAfter} (seconds or HTTP date). */
    public void throttleNextCreates(String resourceType, int count, String retryAfter) {
        faults.add(resourceType, count, new Faults.Fault(429, false, Optional.of(retryAfter)));
    }

    /** Every search Bundle also holds an OperationOutcome warning entry, as Epic's do. */
    public void addWarningsToSearches(boolean on) {
        faults.warningsInSearches = on;
    }

    /**
     * Searches find nothing, as on a server whose search index lags behind its writes; reads and the
     * match of a conditional create ({@code If-None-Exist}) still see everything.
     */
    public void lagSearches(boolean on) {
        faults.searchesLag = on;
    }

    /** Searches of the type answer {@code status} (e.g. 403 without a search scope, 400 unsupported). */
    public void refuseSearches(String resourceType, int status) {
        faults.refuseSearches(resourceType, status);
    }

    /** An outage: the port is closed, connections are refused until {@link #endOutage()}. Data is kept. */
    public void simulateOutage() {
        try {
            tomcat.getConnector().stop();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends an outage: listens again on the same port. */
    public void endOutage() {
        try {
            tomcat.getConnector().start();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- auth and SMART discovery ----

    /** Requests without {@code Authorization: Bearer <token>} answer 401; {@code null} turns the check off. */
    public void requireBearerToken(String token) {
        this.validToken = token == null ? null : token::equals;
    }

    /**
     * Requests whose bearer token fails the check answer 401, e.g. a token the test authorization server
     * issued and has not revoked; {@code null} turns the check off.
     */
    public void acceptBearerTokens(Predicate<String> valid) {
        this.validToken = valid;
    }

    public void smartConfiguration(Map<String, Object> configuration) {
        this.smartConfiguration = configuration == null ? null : Map.copyOf(configuration);
    }

    /** The CapabilityStatement's {@code rest.security} oauth-uris extension; {@code null}s remove it. */
    public void oauthUris(URI authorize, URI token) {
        this.authorizeUri = authorize;
        this.tokenUri = token;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(baseDir);
        }
    }

    // ---- wiring ----

    private <T extends Resource> void add(Class<T> type, Map<String, String> searchPaths) {
        providers.put(type, new InMemoryResourceProvider<>(fhir, type, faults, searchPaths));
    }

    @SuppressWarnings("unchecked")
    private <T extends Resource> InMemoryResourceProvider<T> provider(Class<T> type) {
        InMemoryResourceProvider<T> provider = (InMemoryResourceProvider<T>) providers.get(type);
        if (provider == null) {
            throw new IllegalArgumentException("the test FHIR server does not serve " + type.getSimpleName());
        }
        return provider;
    }

    private <T extends Resource> void seed(Class<T> type, String id, T resource) {
        provider(type).store(resource, id);
        seeded.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(id);
    }

    private void seed() {
        Patient patient = new Patient();
        patient.addName().setFamily("Example").addGiven("Ada");
        patient.setBirthDateElement(new DateType("1970-01-01"));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        seed(Patient.class, PATIENT_ID, patient);

        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily("Careful").addGiven("Casey").addPrefix("Dr.");
        seed(Practitioner.class, PRACTITIONER_ID, practitioner);

        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB")
                .setDisplay("ambulatory");
        encounter.addType().setText("Office visit");
        encounter.setSubject(patient());
        seed(Encounter.class, ENCOUNTER_ID, encounter);

        seed(Coverage.class, OLD_COVERAGE_ID, coverage(Coverage.CoverageStatus.CANCELLED, "Old Health Plan"));
        seed(Coverage.class, COVERAGE_ID, coverage(Coverage.CoverageStatus.ACTIVE, "Example Health Plan"));
    }

    private Coverage coverage(Coverage.CoverageStatus status, String payor) {
        Coverage coverage = new Coverage();
        coverage.setStatus(status);
        coverage.setBeneficiary(patient());
        coverage.addPayor().setDisplay(payor);
        return coverage;
    }

    private void startTomcat() throws LifecycleException {
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Bind on start and unbind on stop, so an outage refuses connections like a server that is down.
        connector.setProperty("bindOnInit", "false");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());

        RestfulServer server = new RestfulServer(fhir);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setResourceProviders(List.copyOf(providers.values()));
        server.registerInterceptor(new OAuthUrisInterceptor());
        Tomcat.addServlet(context, "fhir", server).setLoadOnStartup(1);
        context.addServletMappingDecoded("/fhir/*", "fhir");
        Tomcat.addServlet(context, "smart-configuration", new SmartConfigurationServlet());
        context.addServletMappingDecoded("/fhir/.well-known/smart-configuration", "smart-configuration");

        FilterDef bearer = new FilterDef();
        bearer.setFilterName("bearer");
        bearer.setFilter(new BearerTokenFilter());
        context.addFilterDef(bearer);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("bearer");
        mapping.addURLPattern("/fhir/*");
        context.addFilterMap(mapping);

        tomcat.start();
        port = connector.getLocalPort();
        connector.setPort(port); // endOutage() binds the same port again
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    /** Adds the oauth-uris extension to the generated CapabilityStatement when configured. */
    public final class OAuthUrisInterceptor {
        @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
        public void addOAuthUris(IBaseConformance generated) {
            if (authorizeUri == null || tokenUri == null || !(generated instanceof CapabilityStatement statement)) {
                return;
            }
            CapabilityStatement.CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
            security.getExtension().removeIf(e -> OAUTH_URIS.equals(e.getUrl()));
            security.addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                    .setCode("SMART-on-FHIR");
            Extension uris = security.addExtension().setUrl(OAUTH_URIS);
            uris.addExtension("authorize", new UriType(authorizeUri.toString()));
            uris.addExtension("token", new UriType(tokenUri.toString()));
        }
    }

    private final class SmartConfigurationServlet extends HttpServlet {
        private final ObjectMapper json = new ObjectMapper();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, Object> configuration = smartConfiguration;
            if (configuration == null) {
                response.sendError(404);
                return;
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(configuration));
        }
    }

    /** The EHR's resource server check: a bearer token on every FHIR request except discovery. */
    private final class BearerTokenFilter implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            Predicate<String> valid = validToken;
            String path = request.getRequestURI();
            boolean open = path.endsWith("/metadata") || path.contains("/.well-known/");
            String authorization = request.getHeader("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            if (valid == null || open || (bearer && valid.test(authorization.substring(7).strip()))) {
                chain.doFilter(req, res);
                return;
            }
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"test-ehr\", error=\"invalid_token\"");
            response.setContentType("application/fhir+json");
            response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"login\",\"diagnostics\":\"Missing or invalid bearer token\"}]}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
