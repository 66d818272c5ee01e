package org.chartscribe.smart;

import java.util.Arrays;
import java.util.Locale;

/** How ChartScribe authenticates to the EHR's token endpoint (the OAuth {@code token_endpoint_auth_method} names). */
public enum ClientAuthMethod {
    /** Public client: client_id only, PKCE protects the code. */
    NONE("none"),
    /** Confidential symmetric: HTTP Basic with client id and secret. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** Confidential asymmetric: a signed JWT assertion (RS384 or ES384). */
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String code;

    ClientAuthMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException naming the accepted values; an unknown method never falls back to another */
    public static ClientAuthMethod fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("chartscribe.smart.client-auth must be one of "
                        + "none, client_secret_basic, private_key_jwt (was '" + code + "')"));
    }
}
