package org.chartscribe.smart;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SMART Backend Services: an access token for writes ChartScribe starts on its own (async audio jobs),
 * obtained with {@code client_credentials} and a signed JWT client assertion ({@code private_key_jwt},
 * always: backend services have no other client authentication), for the configured {@code system/*}
 * scopes. Tokens are cached per EHR until a minute before they end. The EHR must be on the allow-list.
 */
public class BackendServicesTokens {
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final IssPolicy policy;
    private final SmartDiscovery discovery;
    private final TokenClient client;
    private final String scopes;
    private final Clock clock;
    private final Map<String, TokenGrant> cache = new ConcurrentHashMap<>();

    public BackendServicesTokens(IssPolicy policy, SmartDiscovery discovery, TokenClient client, String scopes,
                                 Clock clock) {
        if (client.method() != ClientAuthMethod.PRIVATE_KEY_JWT) {
            throw new IllegalArgumentException("backend services authenticate with private_key_jwt");
        }
        this.policy = policy;
        this.discovery = discovery;
        this.client = client;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * A valid system access token for the EHR at {@code iss}.
     *
     * @throws SmartFlowException when the EHR is not allowed, cannot be discovered, or refuses the client
     */
    public String accessToken(String iss) {
        IssPolicy.Admitted ehr = policy.admit(iss).orElseThrow(() ->
                new SmartFlowException(400, "This EHR is not on the SMART allow-list."));
        TokenGrant cached = cache.get(ehr.iss());
        if (cached != null && cached.expiresAt().isAfter(clock.instant().plus(MARGIN))) {
            return cached.accessToken();
        }
        TokenGrant grant = client.clientCredentials(discovery.discover(ehr.iss()).tokenEndpoint(), scopes);
        cache.put(ehr.iss(), grant);
        return grant.accessToken();
    }
}
