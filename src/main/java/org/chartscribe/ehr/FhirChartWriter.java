package org.chartscribe.ehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.util.FhirTerser;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.chartscribe.fhir.Purpose;
import org.chartscribe.fhir.SoapNoteMapper;
import org.chartscribe.fhir.SoapNoteResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChartWriter} over HAPI's generic client ({@link EhrClients}): a client per write-back,
 * carrying that write-back's token.
 */
public final class FhirChartWriter implements ChartWriter {
    private static final Logger log = LoggerFactory.getLogger(FhirChartWriter.class);

    private final EhrClients clients;
    private final FhirTerser terser;
    private final RetryPolicy retryPolicy;
    private final java.time.Duration writeDeadline;
    private final Retrying.Sleeper sleeper;
    private final Clock clock;
    /**
     * Write-backs of the same note run one after the other in this server (a double click, two tabs):
     * the second then finds what the first wrote. Striped locks, so there is nothing to clean up.
     */
    private final Object[] noteLocks = new Object[64];

    public FhirChartWriter(FhirContext fhir, EhrProperties settings) {
        this(new EhrClients(fhir, settings), settings);
    }

    public FhirChartWriter(EhrClients clients, EhrProperties settings) {
        this(clients, settings, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    FhirChartWriter(EhrClients clients, EhrProperties settings, Retrying.Sleeper sleeper, Clock clock) {
        this.clients = clients;
        FhirContext fhir = clients.fhirContext();
        this.terser = fhir.newTerser();
        this.retryPolicy = settings.retryPolicy();
        this.writeDeadline = settings.writeDeadline();
        this.sleeper = sleeper;
        this.clock = clock;
        for (int i = 0; i < noteLocks.length; i++) {
            noteLocks[i] = new Object();
        }
    }

    /**
     * @throws org.chartscribe.fhir.FhirRequestException when the dialect needs what the chart lacks (oracle
     *                                                   without a practitioner): nothing is sent then
     */
    @Override
    public WriteBackResult write(WriteBack request) {
        SoapNoteResources resources = SoapNoteMapper.mapForChart(request.approvedNote(), request.chart(),
                request.keptCodes(), request.dialect(),
                request.approved() ? Purpose.APPROVED_FOR_CHART : Purpose.DRAFT_FOR_CHART);
        IGenericClient client = clients.forBase(request.fhirBaseUrl());
        EhrRequestInterceptor requests = new EhrRequestInterceptor(request.accessToken());
        client.registerInterceptor(requests);
        EhrSession ehr = new EhrSession(client, requests);
        ChartWrite write = new ChartWrite(ehr, new Retrying(retryPolicy, sleeper, clock), terser, resources,
                request.chart().patient(), clock, writeDeadline);
        long start = System.nanoTime();
        WriteBackResult result;
        synchronized (noteLocks[Math.floorMod(request.approvedNote().noteId().hashCode(), noteLocks.length)]) {
            result = write.run();
        }
        // Counts only: the note id is opaque; no URL (the EHR's base may name the organisation), no PHI.
        Map<WriteBackResult.Outcome, Long> counts = result.resources().stream()
                .collect(Collectors.groupingBy(WriteBackResult.Written::outcome, Collectors.counting()));
        log.info("Write-back of note {} ({}): {} created, {} existing, {} failed in {} ms", request.approvedNote().noteId(),
                request.dialect().code(), counts.getOrDefault(WriteBackResult.Outcome.CREATED, 0L),
                counts.getOrDefault(WriteBackResult.Outcome.EXISTING, 0L), counts.getOrDefault(WriteBackResult.Outcome.FAILED, 0L),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}
