package org.chartscribe.smart.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chartscribe.ehr.ChartWriter;
import org.chartscribe.ehr.WriteBack;
import org.chartscribe.ehr.WriteBackResult;
import org.chartscribe.ehr.WriteBackResult.Outcome;
import org.chartscribe.ehr.WriteBackResult.Written;

/**
 * Test double of the chart writer: records every request (with the token it would have sent) and
 * answers like an idempotent writer would: created the first time, existing after, or every resource
 * failed while the EHR is set to refuse.
 */
public class RecordingChartWriter implements ChartWriter {
    public record Call(WriteBack request, String token) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> written = new ConcurrentHashMap<>();
    private volatile String refusal;

    @Override
    public WriteBackResult write(WriteBack request) {
        String token = request.accessToken().get();
        calls.add(new Call(request, token));
        String base = request.fhirBaseUrl();
        List<String> types = new ArrayList<>();
        types.add("DocumentReference");
        request.keptCodes().diagnoses().forEach(dx -> types.add("Condition"));
        if (!request.keptCodes().procedures().isEmpty() || !request.keptCodes().diagnoses().isEmpty()) {
            types.add("Claim");
        }
        List<Written> resources = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            String id = "cs-" + request.approvedNote().noteId().substring(5, 15).toLowerCase() + "-" + i;
            if (refusal != null) {
                resources.add(new Written(type, Outcome.FAILED, Optional.empty(), Optional.empty(), Optional.of(refusal)));
                continue;
            }
            boolean existed = written.putIfAbsent(type + "/" + id, Boolean.TRUE) != null;
            resources.add(new Written(type, existed ? Outcome.EXISTING : Outcome.CREATED, Optional.of(id),
                    Optional.of(base + "/" + type + "/" + id), Optional.empty()));
        }
        return new WriteBackResult(resources);
    }

    /** From now on every resource fails with this reason (null: the EHR accepts again). */
    public void refuse(String reason) {
        this.refusal = reason;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public Call last() {
        if (calls.isEmpty()) {
            throw new AssertionError("nothing was written");
        }
        return calls.get(calls.size() - 1);
    }

    public void reset() {
        calls.clear();
        written.clear();
        refusal = null;
    }
}
