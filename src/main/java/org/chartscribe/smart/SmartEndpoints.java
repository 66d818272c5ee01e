package org.chartscribe.smart;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What discovery found for one {@code iss}.
 *
 * @param authorizationEndpoint where the browser is sent to log in (the only foreign redirect ChartScribe makes)
 * @param tokenEndpoint         where codes, refresh tokens and client assertions are exchanged
 * @param jwksUri               the EHR's keys for id_token signatures, when it publishes them
 * @param issuer                the OpenID issuer its id_tokens carry, when it says
 * @param capabilities          SMART capabilities ({@code permission-v2}, {@code launch-ehr}, ...); empty from a CapabilityStatement
 */
public record SmartEndpoints(URI authorizationEndpoint, URI tokenEndpoint, Optional<URI> jwksUri,
                             Optional<String> issuer, List<String> capabilities) {
    public SmartEndpoints {
        capabilities = List.copyOf(capabilities);
    }
}
