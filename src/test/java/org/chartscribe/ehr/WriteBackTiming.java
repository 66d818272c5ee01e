package org.chartscribe.ehr;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chartscribe.fhir.FhirDialect;
import org.chartscribe.testehr.TestFhirServer;
import org.junit.jupiter.api.Test;

/**
 * Write-back time for the benchmark: a note with 3 Conditions and a Claim (plus the
 * DocumentReference, the Coverage search and the Provenance) against the local test FHIR server,
 * beyond generation. Not part of the build (the name matches no surefire pattern); run it with
 * {@code ./mvnw -B -q test -Dtest=WriteBackTiming -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dtiming.runs=500}); it prints median and p90 and checks the 150 ms target.
 */
class WriteBackTiming {
    private static final String TOKEN = "timing-token";

    @Test
    void medianWriteBackOfANoteWithThreeConditionsAndAClaim() {
        int runs = Integer.getInteger("timing.runs", 200);
        int warmup = Math.max(20, runs / 10);
        FhirContext fhir = FhirContext.forR4();
        try (TestFhirServer ehr = TestFhirServer.start(fhir)) {
            ehr.requireBearerToken(TOKEN);
            ChartWriter writer = new FhirChartWriter(fhir, EhrProperties.DEFAULTS);
            List<Long> first = new ArrayList<>();
            List<Long> again = new ArrayList<>();
            for (int i = 0; i < warmup + runs; i++) {
                WriteBack request = WriteBackFixtures.writeBack(ehr, FhirDialect.GENERIC, "note_timing_" + i, () -> TOKEN);
                long start = System.nanoTime();
                WriteBackResult result = writer.write(request);
                long created = System.nanoTime() - start;
                start = System.nanoTime();
                WriteBackResult repeated = writer.write(request);
                long existing = System.nanoTime() - start;
                assertThat(result.complete() && repeated.complete()).isTrue();
                assertThat(result.resources()).hasSize(6);
                if (i >= warmup) {
                    first.add(created);
                    again.add(existing);
                }
            }
            System.out.printf("write-back (DocumentReference + 3 Conditions + Claim + Provenance, Coverage lookup), %d runs:%n"
                    + "  first approve: median %.1f ms, p90 %.1f ms%n  approve again (all existing): median %.1f ms, p90 %.1f ms%n",
                    runs, ms(first, 50), ms(first, 90), ms(again, 50), ms(again, 90));
            assertThat(ms(first, 50)).as("median first write-back, ms").isLessThanOrEqualTo(150.0);
        }
    }

    private static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
