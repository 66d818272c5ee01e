package org.chartscribe.traffic;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Counts the requests being served, per client address and overall. Each request that holds a worker
 * thread (above all one whose body trickles in) counts until it is answered, so one address cannot
 * take every thread, and all addresses together leave threads for health checks and refusals.
 * A refusal is immediate: nothing waits for a slot.
 */
final class InFlightLimits {
    enum Entry { ADMITTED, ADDRESS_BUSY, SERVER_BUSY }

    private final int perAddress;
    private final Semaphore overall;
    /** Only addresses with a request in flight: an entry is removed when its count drops to zero. */
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    InFlightLimits(int overall, int perAddress) {
        this.perAddress = perAddress;
        this.overall = overall > 0 ? new Semaphore(overall) : null;
    }

    /** On {@link Entry#ADMITTED} the caller must call {@link #leave} once the request is answered. */
    Entry enter(String address) {
        if (!enterAddress(address)) {
            return Entry.ADDRESS_BUSY;
        }
        if (overall != null && !overall.tryAcquire()) {
            leaveAddress(address);
            return Entry.SERVER_BUSY;
        }
        return Entry.ADMITTED;
    }

    void leave(String address) {
        if (overall != null) {
            overall.release();
        }
        leaveAddress(address);
    }

    /** Requests in flight from this address (for tests and metrics). */
    int inFlight(String address) {
        return byAddress.getOrDefault(address, 0);
    }

    private boolean enterAddress(String address) {
        if (perAddress <= 0) {
            return true;
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perAddress) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    private void leaveAddress(String address) {
        if (perAddress > 0) {
            byAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
        }
    }
}
