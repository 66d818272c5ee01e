package org.chartscribe.smart;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.chartscribe.config.ChartScribeProperties;
import org.chartscribe.store.crypto.ContentCipher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the SMART client. Configuration mistakes (unknown client auth or algorithm, private_key_jwt
 * without a key in server mode, a malformed tenant or dialect map) stop the start-up with a message
 * naming the variable; a server without SMART settings starts and refuses launches with a clear page.
 */
@Configuration(proxyBeanMethods = false)
class SmartConfiguration {

    @Bean
    SmartHttp smartHttp(SmartProperties smart) {
        return new SmartHttp(smart.httpTimeout());
    }

    @Bean
    IssPolicy issPolicy(SmartProperties smart) {
        return new IssPolicy(smart.issAllowlist(), smart.tenants(), smart.dialects());
    }

    @Bean
    SmartDiscovery smartDiscovery(SmartHttp http, ObjectProvider<Clock> clock) {
        return new SmartDiscovery(http, clock(clock));
    }

    @Bean
    ClientKeys clientKeys(SmartProperties smart, ChartScribeProperties app) {
        String alg = smart.signingAlg() == null ? "RS384" : smart.signingAlg();
        Path generated = smart.keyFile() != null ? smart.keyFile()
                : app.dataDir().resolve("smart-client-" + alg.trim().toLowerCase(Locale.ROOT) + ".pem");
        return ClientKeys.load(alg, smart.signingKey(), generated, app.localMode(),
                smart.authMethod() == ClientAuthMethod.PRIVATE_KEY_JWT);
    }

    @Bean
    ClientAssertions clientAssertions(ClientKeys keys, ObjectProvider<Clock> clock) {
        return new ClientAssertions(keys, clock(clock));
    }

    @Bean
    TokenClient tokenClient(SmartProperties smart, ClientAssertions assertions, SmartHttp http,
                            ObjectProvider<Clock> clock) {
        return new TokenClient(smart.clientId(), smart.authMethod(), smart.secret(), assertions, http, clock(clock));
    }

    @Bean
    IdTokenVerifier idTokenVerifier(SmartHttp http, ObjectProvider<Clock> clock) {
        return new IdTokenVerifier(http, clock(clock));
    }

    @Bean
    JdbcSmartStore smartStore(JdbcClient jdbc, ContentCipher cipher) {
        return new JdbcSmartStore(jdbc, cipher);
    }

    @Bean
    JdbcSmartSessions smartSessions(JdbcSmartStore store, TokenClient tokens, SmartProperties smart,
                                    ObjectProvider<Clock> clock) {
        return new JdbcSmartSessions(store, tokens, clock(clock), smart.sessionTtl());
    }

    @Bean
    BackendServicesTokens backendServicesTokens(SmartProperties smart, IssPolicy policy, SmartDiscovery discovery,
                                                ClientAssertions assertions, SmartHttp http,
                                                ObjectProvider<Clock> clock) {
        TokenClient backend = new TokenClient(smart.effectiveBackendClientId(), ClientAuthMethod.PRIVATE_KEY_JWT,
                smart.secret(), assertions, http, clock(clock));
        return new BackendServicesTokens(policy, discovery, backend, smart.backendScopes(), clock(clock));
    }

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }
}
