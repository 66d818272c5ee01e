package org.chartscribe.smart;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public half of ChartScribe's client signing key, the URL an
 * EHR registers for {@code private_key_jwt} and backend services. Only public parameters are
 * serialised ({@code toJSONObject(true)}); an empty key set when no key is configured.
 */
@RestController
class JwksController {
    private final ClientKeys keys;

    JwksController(ClientKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(keys.publicJwks().toJSONObject(true));
    }
}
