package org.chartscribe.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chartscribe.fhir.conformance.ConformanceResources;
import org.chartscribe.fhir.validation.ProducedResourceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 (memory): each HAPI validation builds its own core validator and OID registry (MBs of heap),
 * so the number running at once is what the validator's heap grows with. Many callers at once must
 * queue behind the bound and still get the same answers.
 */
class ValidationConcurrencyTest {

    @Test
    void manyCallersAtOnceNeverRunMoreValidationsThanTheBoundAndAllGetTheSameAnswer() throws Exception {
        ProducedResourceValidator validator =
                ProducedResourceValidator.build(SharedValidator.FHIR, ConformanceResources.load(SharedValidator.FHIR), List.of(), 2);
        Bundle bundle = SoapNoteMapper.map(SampleNotes.note("physician"), SampleNotes.FULL_CHART, SampleNotes.TEST_CODES,
                FhirDialect.values()[0]).toBundle();
        assertThat(validator.errors(bundle)).as(SharedValidator.json(bundle)).isEmpty();

        int callers = 8;
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<List<SingleValidationMessage>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    List<SingleValidationMessage> all = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        all.addAll(validator.errors(bundle));
                    }
                    return all;
                }));
            }
            for (Future<List<SingleValidationMessage>> answer : answers) {
                assertThat(answer.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        // Eight callers released together: the bound is reached, never passed.
        assertThat(validator.peakConcurrentValidations()).isEqualTo(2);
    }

    @Test
    void theDefaultBoundIsOneValidationPerProcessorAndABoundBelowOneIsRefused() {
        assertThat(ProducedResourceValidator.defaultMaxConcurrentValidations())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(SharedValidator.baseOnly().maxConcurrentValidations())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThatThrownBy(() -> ProducedResourceValidator.build(SharedValidator.FHIR,
                ConformanceResources.load(SharedValidator.FHIR), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
