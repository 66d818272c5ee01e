package org.chartscribe.smart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMART on FHIR client settings, bound from {@code chartscribe.smart.*}, i.e. the
 * {@code CHARTSCRIBE_SMART_*} environment variables.
 *
 * @param issAllowlist   comma-separated URL prefixes an {@code iss} must start with (on a path boundary);
 *                       empty refuses every launch ({@code CHARTSCRIBE_SMART_ISS_ALLOWLIST})
 * @param clientId       the client id registered with the EHR ({@code CHARTSCRIBE_SMART_CLIENT_ID})
 * @param clientSecret   the secret of a confidential symmetric client ({@code CHARTSCRIBE_SMART_CLIENT_SECRET})
 * @param clientAuth     {@code none}, {@code client_secret_basic} or {@code private_key_jwt}; empty means
 *                       {@code client_secret_basic} when a secret is set, else {@code none} (public client
 *                       with PKCE, what the public SMART launcher expects) ({@code CHARTSCRIBE_SMART_CLIENT_AUTH})
 * @param signingAlg     {@code RS384} or {@code ES384}, for client assertions ({@code CHARTSCRIBE_SMART_SIGNING_ALG})
 * @param signingKey     PEM file with the PKCS#8 private key (and, for EC, the public key); empty in local
 *                       mode = a key generated into the data dir ({@code CHARTSCRIBE_SMART_SIGNING_KEY})
 * @param scopes         space-separated scopes in v2 syntax; the contract's list by default
 *                       ({@code CHARTSCRIBE_SMART_SCOPES})
 * @param redirectUri    the registered redirect URI; empty = the request's base URL + {@code /smart/callback}
 *                       ({@code CHARTSCRIBE_SMART_REDIRECT_URI})
 * @param dialects       {@code prefix=epic,prefix2=oracle}; unmatched = {@code generic} ({@code CHARTSCRIBE_SMART_DIALECTS})
 * @param tenants        {@code prefix=tenant,...}; unmatched = {@code ehr-} + 12 hex of the SHA-256 of the
 *                       matching allow-list prefix ({@code CHARTSCRIBE_SMART_TENANTS})
 * @param sessionTtl     how long a clinician session lives, refreshes included ({@code CHARTSCRIBE_SMART_SESSION_TTL})
 * @param launchTtl      how long a started launch waits for its callback ({@code CHARTSCRIBE_SMART_LAUNCH_TTL})
 * @param backendClientId client id for backend services (client_credentials); empty = {@code clientId}
 *                       ({@code CHARTSCRIBE_SMART_BACKEND_CLIENT_ID})
 * @param backendScopes  scopes asked by backend services ({@code CHARTSCRIBE_SMART_BACKEND_SCOPES})
 * @param httpTimeout    connect and request timeout for calls to the EHR's discovery and token endpoints
 *                       ({@code CHARTSCRIBE_SMART_HTTP_TIMEOUT})
 * @param keyFile        where the generated local-mode key lives; empty = {@code <data dir>/smart-client-<alg>.pem}
 * @param frameAncestors CSP {@code frame-ancestors} for the app and the SMART error pages: the EHR origins
 *                       that may frame ChartScribe ({@code CHARTSCRIBE_SMART_FRAME_ANCESTORS})
 */
@ConfigurationProperties(prefix = "chartscribe.smart")
public record SmartProperties(
        String issAllowlist,
        String clientId,
        String clientSecret,
        String clientAuth,
        @DefaultValue("RS384") String signingAlg,
        Path signingKey,
        @DefaultValue(DEFAULT_SCOPES) String scopes,
        String redirectUri,
        String dialects,
        String tenants,
        @DefaultValue("8h") Duration sessionTtl,
        @DefaultValue("10m") Duration launchTtl,
        String backendClientId,
        @DefaultValue(DEFAULT_BACKEND_SCOPES) String backendScopes,
        @DefaultValue("10s") Duration httpTimeout,
        Path keyFile,
        @DefaultValue("'self'") String frameAncestors) {

    /**
     * CONTRACT.md section 4, plus {@code user/Provenance.c}: every write-back ends with a Provenance, and
     * an EHR that enforces scopes refuses it without this one.
     */
    public static final String DEFAULT_SCOPES = "launch openid fhirUser launch/patient launch/encounter offline_access"
            + " patient/Patient.r patient/Encounter.r patient/Coverage.rs user/DocumentReference.c"
            + " user/Condition.c user/Claim.c user/Provenance.c";
    public static final String DEFAULT_BACKEND_SCOPES = "system/Patient.r system/Encounter.r system/Coverage.rs"
            + " system/DocumentReference.c system/Condition.c system/Claim.c";

    public Optional<String> secret() {
        return clientSecret == null || clientSecret.isBlank() ? Optional.empty() : Optional.of(clientSecret);
    }

    /** The client authentication method, the documented default applied. */
    public ClientAuthMethod authMethod() {
        if (clientAuth == null || clientAuth.isBlank()) {
            return secret().isPresent() ? ClientAuthMethod.CLIENT_SECRET_BASIC : ClientAuthMethod.NONE;
        }
        return ClientAuthMethod.fromCode(clientAuth.trim());
    }

    /**
     * The CSP {@code frame-ancestors} sources as one header value: commas or spaces between them (a comma
     * in a CSP header would start a second policy), {@code 'self'} when unset.
     */
    public static String frameAncestorSources(String configured) {
        return configured == null || configured.isBlank() ? "'self'"
                : configured.replace(',', ' ').trim().replaceAll("\\s+", " ");
    }

    public String effectiveBackendClientId() {
        return backendClientId == null || backendClientId.isBlank() ? clientId : backendClientId;
    }

    /** Secrets are redacted: this record may be printed by actuator or a careless log line. */
    @Override
    public String toString() {
        return "SmartProperties[issAllowlist=" + issAllowlist + ", clientId=" + clientId
                + ", clientSecret=" + (secret().isPresent() ? "(set)" : "(unset)")
                + ", clientAuth=" + clientAuth + ", signingAlg=" + signingAlg
                + ", signingKey=" + (signingKey == null ? "(unset)" : "(set)") + ", scopes=" + scopes
                + ", redirectUri=" + redirectUri + ", dialects=" + dialects + ", tenants=" + tenants
                + ", sessionTtl=" + sessionTtl + ", launchTtl=" + launchTtl
                + ", backendClientId=" + backendClientId + ", backendScopes=" + backendScopes
                + ", httpTimeout=" + httpTimeout + ", frameAncestors=" + frameAncestors + "]";
    }
}
