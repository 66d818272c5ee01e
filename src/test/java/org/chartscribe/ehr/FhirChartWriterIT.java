package org.chartscribe.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.chartscribe.ehr.WriteBackResult.Outcome;
import org.chartscribe.ehr.WriteBackResult.Written;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.Optional;
import org.chartscribe.fhir.ChartReferences;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.testehr.TestFhirServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chart writer against a real HAPI FHIR server (in-memory, fault injection), no mocks. */
class FhirChartWriterIT {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String TOKEN = "test-access-token-5d1c";
    private static final Supplier<String> USER_TOKEN = () -> TOKEN;
    /** Short backoff so the tests are quick; Retry-After is still honoured in full. */
    private static final EhrProperties FAST = new EhrProperties(Duration.ofSeconds(1), Duration.ofSeconds(3), 4,
            Duration.ofMillis(50), Duration.ofSeconds(3), Duration.ofSeconds(30));

    private static TestFhirServer ehr;
    private static ChartWriter writer;

    @BeforeAll
    static void startEhr() {
        FHIR.getRestfulClientFactory().setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
        ehr = TestFhirServer.start(FHIR);
        writer = new FhirChartWriter(FHIR, FAST);
    }

    @AfterAll
    static void stopEhr() {
        ehr.close();
    }

    @BeforeEach
    void freshChart() {
        ehr.reset();
        ehr.requireBearerToken(TOKEN);
    }

    private static WriteBackResult write(FhirDialect dialect, String noteId) {
        return writer.write(WriteBackFixtures.writeBack(ehr, dialect, noteId, USER_TOKEN));
    }

    private static List<String> types(WriteBackResult result) {
        return result.resources().stream().map(Written::resourceType).toList();
    }

    private static String id(WriteBackResult result, String type) {
        return result.resources().stream().filter(r -> r.resourceType().equals(type)).findFirst().orElseThrow().id().orElseThrow();
    }

    @Test
    void genericWritesNoteConditionsClaimAndProvenanceWithServerReferences() {
        WriteBackResult result = write(FhirDialect.GENERIC, "note_generic1");

        assertThat(result.complete()).as(result.toString()).isTrue();
        assertThat(types(result)).containsExactly("DocumentReference", "Condition", "Condition", "Condition", "Claim", "Provenance");
        assertThat(result.resources()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.CREATED);
            assertThat(r.url().orElseThrow()).isEqualTo(ehr.baseUrl() + "/" + r.resourceType() + "/" + r.id().orElseThrow());
        });

        DocumentReference doc = ehr.stored(DocumentReference.class).get(0);
        String docRef = "DocumentReference/" + id(result, "DocumentReference");
        assertThat(doc.getIdElement().getIdPart()).isEqualTo(id(result, "DocumentReference"));
        assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(doc.getIdentifierFirstRep().getSystem()).isEqualTo("urn:chartscribe:note");
        assertThat(doc.getIdentifierFirstRep().getValue()).isEqualTo("note_generic1");
        String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertThat(text).contains(WriteBackFixtures.EDITED_PLAN).doesNotContain("Plan:\nPlan:");
        assertThat(doc.getSubject().getReference()).isEqualTo("Patient/" + TestFhirServer.PATIENT_ID);

        List<Condition> conditions = ehr.stored(Condition.class);
        assertThat(conditions).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("M54.50", "I10", "E66.9").doesNotContain(WriteBackFixtures.UNCHECKED.code());
        assertThat(conditions).allSatisfy(c -> {
            assertThat(c.getEvidenceFirstRep().getDetailFirstRep().getReference()).isEqualTo(docRef);
            assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
        });

        Claim claim = ehr.stored(Claim.class).get(0);
        assertThat(claim.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("Coverage/" + TestFhirServer.COVERAGE_ID);
        assertThat(claim.getDiagnosis()).extracting(d -> d.getDiagnosisCodeableConcept().getCodingFirstRep().getCode())
                .containsExactly("M54.50", "I10", "E66.9");
        assertThat(claim.getProvider().getReference()).isEqualTo("Practitioner/" + TestFhirServer.PRACTITIONER_ID);

        Provenance provenance = ehr.stored(Provenance.class).get(0);
        assertThat(provenance.getTarget()).extracting(Reference::getReference).containsExactlyInAnyOrderElementsOf(
                result.resources().stream().filter(r -> !r.resourceType().equals("Provenance"))
                        .map(r -> r.resourceType() + "/" + r.id().orElseThrow()).toList());
        assertThat(provenance.getAgent()).extracting(a -> a.getWho().getReference())
                .containsExactly(null, "Practitioner/" + TestFhirServer.PRACTITIONER_ID);
        assertThat(provenance.getAgentFirstRep().getWho().getIdentifier().getSystem()).isEqualTo("urn:chartscribe:device");
    }

    @Test
    void whatWasWrittenReadsBackFromTheEhrWithTheUsersToken() {
        WriteBackResult result = write(FhirDialect.GENERIC, "note_read_back");

        IGenericClient reader = FHIR.newRestfulGenericClient(ehr.baseUrl());
        reader.registerInterceptor(new BearerTokenAuthInterceptor(TOKEN));
        DocumentReference doc = reader.read().resource(DocumentReference.class).withUrl(result.resources().get(0).url().orElseThrow())
                .execute();
        assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8))
                .contains(WriteBackFixtures.EDITED_PLAN);
        Bundle conditions = reader.search().byUrl("Condition?patient=Patient/" + TestFhirServer.PATIENT_ID)
                .returnBundle(Bundle.class).execute();
        assertThat(conditions.getEntry()).extracting(e -> ((Condition) e.getResource()).getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("M54.50", "I10", "E66.9");
    }

    @Test
    void aPatientWithoutActiveCoverageGetsADisplayOnlyInsurance() {
        WriteBack request = WriteBackFixtures.writeBack(ehr, FhirDialect.GENERIC, "note_uninsured", USER_TOKEN);
        WriteBack uninsured = new WriteBack(request.fhirBaseUrl(), USER_TOKEN, request.dialect(), request.approvedNote(),
                request.keptCodes(), new ChartReferences(Optional.of(new Reference("Patient/no-such-patient")),
                        request.chart().encounter(), request.chart().practitioner()));

        assertThat(writer.write(uninsured).complete()).isTrue();
        Reference coverage = ehr.stored(Claim.class).get(0).getInsuranceFirstRep().getCoverage();
        assertThat(coverage.hasReference()).isFalse();
        assertThat(coverage.getDisplay()).isEqualTo(ChartWrite.NO_ACTIVE_COVERAGE);
    }

    @Test
    void epicGetsProblemListConditionsAndNoCharges() {
        WriteBackResult result = write(FhirDialect.EPIC, "note_epic1");

        assertThat(result.complete()).isTrue();
        assertThat(types(result)).containsExactly("DocumentReference", "Condition", "Condition", "Condition", "Provenance");
        assertThat(ehr.stored(Condition.class)).allSatisfy(c ->
                assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item"));
        assertThat(ehr.stored(Claim.class)).isEmpty();
        assertThat(ehr.stored(ChargeItem.class)).isEmpty();
    }

    @Test
    void oracleSendsChargesThroughChargeItemCreateOperation() {
        WriteBackResult result = write(FhirDialect.ORACLE, "note_oracle1");

        assertThat(result.complete()).as(result.toString()).isTrue();
        assertThat(types(result)).containsExactly("DocumentReference", "Condition", "Condition", "Condition", "ChargeItem", "Provenance");
        ChargeItem charge = ehr.stored(ChargeItem.class).get(0);
        assertThat(charge.getIdElement().getIdPart()).isEqualTo(id(result, "ChargeItem"));
        assertThat(charge.getCode().getCodingFirstRep().getCode()).isEqualTo("99213");
        assertThat(charge.getSupportingInformationFirstRep().getReference())
                .isEqualTo("DocumentReference/" + id(result, "DocumentReference"));
        assertThat(ehr.stored(Claim.class)).isEmpty();

        WriteBackResult again = write(FhirDialect.ORACLE, "note_oracle1");
        assertThat(again.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.EXISTING));
        assertThat(ehr.stored(ChargeItem.class)).hasSize(1);
    }

    @Test
    void approvingTwiceWritesEachResourceOnce() {
        WriteBackResult first = write(FhirDialect.GENERIC, "note_twice");
        WriteBackResult second = write(FhirDialect.GENERIC, "note_twice");

        assertThat(second.complete()).isTrue();
        assertThat(second.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.EXISTING));
        assertThat(second.resources()).extracting(r -> r.id().orElseThrow())
                .containsExactlyElementsOf(first.resources().stream().map(r -> r.id().orElseThrow()).toList());
        assertOneOfEach(3);
    }

    @Test
    void anOperationOutcomeInSearchResultsIsNotTakenForTheResource() {
        ehr.addWarningsToSearches(true);
        WriteBackResult first = write(FhirDialect.GENERIC, "note_warned");
        WriteBackResult second = write(FhirDialect.GENERIC, "note_warned");

        assertThat(first.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(second.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.EXISTING));
        assertThat(ehr.stored(Claim.class).get(0).getInsuranceFirstRep().getCoverage().getReference())
                .isEqualTo("Coverage/" + TestFhirServer.COVERAGE_ID);
        assertOneOfEach(3);
    }

    @Test
    void whenSearchLagsTheConditionalCreateFindsWhatTheFirstApprovalWrote() {
        ehr.lagSearches(true);
        WriteBackResult first = write(FhirDialect.GENERIC, "note_lagging");
        WriteBackResult second = write(FhirDialect.GENERIC, "note_lagging");

        assertThat(first.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(second.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.EXISTING));
        assertThat(second.resources()).extracting(r -> r.id().orElseThrow())
                .containsExactlyElementsOf(first.resources().stream().map(r -> r.id().orElseThrow()).toList());
        assertOneOfEach(3);
    }

    @Test
    void whenTheEhrRefusesSearchesTheConditionalCreateAloneKeepsItIdempotent() {
        for (String type : List.of("DocumentReference", "Condition", "Claim", "Provenance", "Coverage")) {
            ehr.refuseSearches(type, 403);
        }
        WriteBackResult first = write(FhirDialect.GENERIC, "note_no_search");
        WriteBackResult second = write(FhirDialect.GENERIC, "note_no_search");

        assertThat(first.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(second.resources()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.EXISTING));
        assertThat(ehr.stored(Claim.class).get(0).getInsuranceFirstRep().getCoverage().getDisplay())
                .isEqualTo(ChartWrite.COVERAGE_LOOKUP_FAILED);
        assertOneOfEach(3);
    }

    @Test
    void a500BeforeStoringIsRetriedIntoExactlyOneDocument() {
        ehr.failNextCreates("DocumentReference", 1, 500);

        WriteBackResult result = write(FhirDialect.GENERIC, "note_500_before");

        assertThat(result.complete()).isTrue();
        assertThat(result.resources().get(0).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(ehr.createRequests(DocumentReference.class)).isEqualTo(2);
        assertOneOfEach(3);
    }

    @Test
    void a500AfterStoringIsFoundOnRetryInsteadOfCreatedAgain() {
        ehr.failNextCreatesAfterStoring("DocumentReference", 1, 500);

        WriteBackResult result = write(FhirDialect.GENERIC, "note_500_after");

        assertThat(result.complete()).isTrue();
        // The lost answer's resource is found by its identifier: reported as already there.
        assertThat(result.resources().get(0).outcome()).isEqualTo(Outcome.EXISTING);
        assertThat(ehr.createRequests(DocumentReference.class)).isEqualTo(1);
        assertOneOfEach(3);
        assertThat(ehr.stored(Condition.class)).allSatisfy(c -> assertThat(c.getEvidenceFirstRep().getDetailFirstRep()
                .getReference()).isEqualTo("DocumentReference/" + id(result, "DocumentReference")));
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        ehr.throttleNextCreates("DocumentReference", 1, "1");

        long start = System.nanoTime();
        WriteBackResult result = write(FhirDialect.GENERIC, "note_429");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.complete()).isTrue();
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(3));
        assertOneOfEach(3);
    }

    @Test
    void aRetryAfterBeyondTheBoundGivesUpAtOnceAndSaysSo() {
        ehr.throttleNextCreates("DocumentReference", 1, "30");

        long start = System.nanoTime();
        WriteBackResult result = write(FhirDialect.GENERIC, "note_429_long");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(result.complete()).isFalse();
        Written doc = result.resources().get(0);
        assertThat(doc.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(doc.error().orElseThrow()).contains("HTTP 429", "asked to wait 30 s", "approve again later");
        assertThat(result.resources().subList(1, result.resources().size())).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.error().orElseThrow()).isEqualTo(ChartWrite.NOTE_MISSING);
        });
        assertThat(ehr.stored(DocumentReference.class)).isEmpty();
    }

    @Test
    void persistentServerErrorsGiveUpWithinTheBound() {
        ehr.failNextCreates("DocumentReference", 10, 503);

        long start = System.nanoTime();
        WriteBackResult result = write(FhirDialect.GENERIC, "note_503");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.complete()).isFalse();
        assertThat(result.resources().get(0).error().orElseThrow()).contains("HTTP 503", "gave up after 4 tries");
        assertThat(ehr.createRequests(DocumentReference.class)).isEqualTo(FAST.maxAttempts());
        assertThat(took).isLessThan(FAST.maxWait().plusSeconds(1));
    }

    @Test
    void anOutageFailsEverythingClearlyAndAWriteAfterItCompletesWithoutDuplicates() {
        ehr.simulateOutage();
        WriteBackResult down;
        try {
            down = write(FhirDialect.GENERIC, "note_outage");
        } finally {
            ehr.endOutage();
        }
        assertThat(down.complete()).isFalse();
        assertThat(down.resources()).hasSize(6).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FAILED));
        assertThat(down.resources().get(0).error().orElseThrow()).contains("could not be reached");

        WriteBackResult up = write(FhirDialect.GENERIC, "note_outage");
        assertThat(up.complete()).isTrue();
        assertOneOfEach(3);
    }

    @Test
    void aClientErrorIsReportedForThatResourceNotRetriedAndCompletedLater() {
        ehr.failNextCreates("Condition", 1, 422);

        WriteBackResult partial = write(FhirDialect.GENERIC, "note_422");

        assertThat(partial.complete()).isFalse();
        assertThat(partial.resources()).extracting(Written::outcome).containsExactly(Outcome.CREATED, Outcome.FAILED,
                Outcome.CREATED, Outcome.CREATED, Outcome.CREATED, Outcome.FAILED);
        String error = partial.resources().get(1).error().orElseThrow();
        assertThat(error).contains("Condition", "HTTP 422", "issue: processing")
                .doesNotContain("Ada", "1970", TOKEN);
        assertThat(partial.resources().get(5).error().orElseThrow()).isEqualTo(ChartWrite.PROVENANCE_WAITS);
        assertThat(ehr.createRequests(Condition.class)).isEqualTo(3); // the refused one was not tried again

        WriteBackResult completed = write(FhirDialect.GENERIC, "note_422");
        assertThat(completed.complete()).isTrue();
        assertThat(completed.resources()).extracting(Written::outcome).containsExactly(Outcome.EXISTING, Outcome.CREATED,
                Outcome.EXISTING, Outcome.EXISTING, Outcome.EXISTING, Outcome.CREATED);
        assertOneOfEach(3);
    }

    @Test
    void theUsersBearerTokenIsSentAndAWrongOneIsReportedWithoutEchoingIt() {
        ehr.requireBearerToken("another-token");

        WriteBackResult refused = write(FhirDialect.GENERIC, "note_401");

        assertThat(refused.complete()).isFalse();
        String error = refused.resources().get(0).error().orElseThrow();
        assertThat(error).contains("HTTP 401", "access token was not accepted").doesNotContain(TOKEN, "another-token");
        assertThat(ehr.stored(DocumentReference.class)).isEmpty();
    }

    @Test
    void aTokenRefreshedDuringTheWriteIsUsedForTheNextRequest() {
        int[] asked = {0};
        WriteBackResult result = writer.write(WriteBackFixtures.writeBack(ehr, FhirDialect.EPIC, "note_refresh", () -> {
            asked[0]++;
            return TOKEN;
        }));
        assertThat(result.complete()).isTrue();
        // Per resource: one search and one create; the token is asked for before each request.
        assertThat(asked[0]).isEqualTo(2 * result.resources().size());
    }

    @Test
    void aSlowEhrStopsTheWriteBackAtItsDeadlineAndApprovingAgainCompletesIt() {
        ChartWriter hurried = new FhirChartWriter(FHIR, new EhrProperties(Duration.ofSeconds(1), Duration.ofSeconds(3), 4,
                Duration.ofMillis(50), Duration.ofSeconds(3), Duration.ofMillis(500)));
        ehr.throttleNextCreates("DocumentReference", 1, "1");

        WriteBackResult slow = hurried.write(WriteBackFixtures.writeBack(ehr, FhirDialect.GENERIC, "note_deadline", () -> TOKEN));

        assertThat(slow.resources().get(0).outcome()).isEqualTo(WriteBackResult.Outcome.CREATED);
        assertThat(slow.complete()).isFalse();
        assertThat(slow.resources()).filteredOn(r -> r.resourceType().equals("Condition")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.error()).get().asString().contains("too slow", "500 ms", "approve again"));
        WriteBackResult again = hurried.write(WriteBackFixtures.writeBack(ehr, FhirDialect.GENERIC, "note_deadline", () -> TOKEN));
        assertThat(again.complete()).isTrue();
        assertThat(ehr.stored(DocumentReference.class)).hasSize(1);
    }

    @Test
    void aSessionThatEndsDuringTheWriteStopsItAsEndedNotAsAFailedResource() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writer.write(WriteBackFixtures.writeBack(ehr,
                        FhirDialect.GENERIC, "note_session_ended", () -> {
                            throw new org.chartscribe.smart.SmartSessionExpiredException("the EHR token expired");
                        })))
                .isInstanceOf(org.chartscribe.smart.SmartSessionExpiredException.class);
        assertThat(ehr.stored(DocumentReference.class)).isEmpty();
    }

    @Test
    void twoApprovalsAtOnceWriteEachResourceOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> write(FhirDialect.GENERIC, "note_double_click"));
            var second = pool.submit(() -> write(FhirDialect.GENERIC, "note_double_click"));
            assertThat(first.get().complete() && second.get().complete()).isTrue();
        } finally {
            pool.shutdown();
        }
        assertOneOfEach(3);
    }

    private static void assertOneOfEach(int conditions) {
        assertThat(ehr.stored(DocumentReference.class)).hasSize(1);
        assertThat(ehr.stored(Condition.class)).hasSize(conditions);
        assertThat(ehr.stored(Claim.class)).hasSize(1);
        assertThat(ehr.stored(Provenance.class)).hasSize(1);
    }
}
