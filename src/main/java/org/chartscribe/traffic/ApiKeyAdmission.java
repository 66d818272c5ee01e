package org.chartscribe.traffic;

import java.time.Duration;
import java.util.Optional;
import org.chartscribe.store.ApiKeyStore;

/**
 * The API-key check shared by {@code /v1} and {@code /fhir}, with its limits: an address that has sent
 * too many wrong keys is locked out before its key is even looked up (so guessing learns nothing and
 * costs no database read), a wrong key counts against its address, and a right key spends one request
 * of that key's allowance. Callers parse the header and answer in their own format.
 */
public final class ApiKeyAdmission {
    static final String LOCKED_OUT = "Too many wrong API keys from this address; retry after the time in Retry-After.";
    static final String KEY_LIMITED = "This API key has used its request allowance; retry after the time in Retry-After.";

    public sealed interface Decision permits Admitted, WrongKey, Throttled {}

    public record Admitted(String tenant) implements Decision {}

    public record WrongKey() implements Decision {}

    /** 429 with {@code Retry-After}; {@code detail} is a fixed text. */
    public record Throttled(Duration retryAfter, String detail) implements Decision {}

    private final ApiKeyStore keys;
    private final RateLimits limits;

    ApiKeyAdmission(ApiKeyStore keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    public Decision admit(String address, String apiKey) {
        Optional<Duration> lockout = limits.authLockout(address);
        if (lockout.isPresent()) {
            return new Throttled(lockout.get(), LOCKED_OUT);
        }
        Optional<String> tenant = keys.tenantOf(apiKey);
        if (tenant.isEmpty()) {
            limits.authFailed(address);
            return new WrongKey();
        }
        Optional<Duration> wait = limits.takeKey(apiKey);
        if (wait.isPresent()) {
            return new Throttled(wait.get(), KEY_LIMITED);
        }
        return new Admitted(tenant.get());
    }
}
