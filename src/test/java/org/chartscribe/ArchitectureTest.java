package org.chartscribe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clinical core (note engine, transcript handling, and later coding and FHIR mapping) is plain
 * Java: it must be usable and testable without Spring, a servlet container or a network.
 */
class ArchitectureTest {
    private static final String[] CORE = {
            "org.chartscribe.note..", "org.chartscribe.transcript..", "org.chartscribe.store.crypto..",
            "org.chartscribe.eval..", "org.chartscribe.audio", "org.chartscribe.clinical..", "org.chartscribe.fhir..", "org.chartscribe.coding.."};
    /** The FHIR adapter (HAPI RestfulServer wiring) lives inside the fhir package but is not core. */
    private static final String FHIR_SERVER = "org.chartscribe.fhir.server..";
    private static final String[] FRAMEWORKS = {
            "org.springframework..", "jakarta.servlet..", "javax.servlet..", "java.net.http..",
            "org.apache.hc..", "okhttp3..", "dev.langchain4j..", "org.chartscribe.api..", "org.chartscribe.config.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.chartscribe");
    }

    @Test
    void coreDependsOnNoFrameworkOrAdapter() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE).and().resideOutsideOfPackage(FHIR_SERVER)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the clinical core is plain Java; adapters live at the edge");
        rule.check(classes);
    }

    @Test
    void onlyTheLlmAdapterTalksToModelProviders() {
        // the engine, its prompts and its grounding are core; langchain4j and the Azure SDK stay in one package
        noClasses().that().resideOutsideOfPackage("org.chartscribe.llm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "com.azure..")
                .because("the LLM provider clients are an adapter at the edge")
                .check(classes);
    }

    @Test
    void coreDoesNotUseJdbc() {
        noClasses().that().resideInAnyPackage(CORE).and().resideOutsideOfPackage(FHIR_SERVER)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("persistence is a port implemented in the store package")
                .check(classes);
    }

    @Test
    void fhirMappingDoesNotUseTheServerOrHapiServerClasses() {
        noClasses().that().resideInAPackage("org.chartscribe.fhir..").and().resideOutsideOfPackage(FHIR_SERVER)
                .should().dependOnClassesThat().resideInAnyPackage(FHIR_SERVER, "ca.uhn.fhir.rest..",
                        "org.chartscribe.store..")
                .because("the mapping is plain Java over HAPI's model; HTTP and storage belong to the adapter")
                .check(classes);
    }

    @Test
    void engineDoesNotReachIntoTheStore() {
        noClasses().that().resideInAnyPackage("org.chartscribe.note..", "org.chartscribe.transcript..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chartscribe.store..")
                .check(classes);
    }

    @Test
    void smartLaunchAndWriteBackStayInTheirLanes() {
        // The OAuth client knows nothing of what the app does with a session, nor of the EHR write-back.
        noClasses().that().resideInAPackage("org.chartscribe.smart")
                .should().dependOnClassesThat().resideInAnyPackage("org.chartscribe.smart.app..", "org.chartscribe.ehr..",
                        "org.chartscribe.api..")
                .check(classes);
        // The write-back is called by the app and the FHIR endpoint, never the other way round.
        noClasses().that().resideInAPackage("org.chartscribe.ehr..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chartscribe.smart.app..", "org.chartscribe.api..",
                        "org.chartscribe.fhir.server..", "org.chartscribe.store..")
                .check(classes);
        // The FHIR mapping core has no idea who launched what.
        noClasses().that().resideInAPackage("org.chartscribe.fhir").or().resideInAPackage("org.chartscribe.note..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chartscribe.smart..", "org.chartscribe.ehr..")
                .check(classes);
    }
}
