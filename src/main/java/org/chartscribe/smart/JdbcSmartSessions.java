package org.chartscribe.smart;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SmartSessions} over {@link JdbcSmartStore}. The cookie carries a random id; the row is found
 * by its SHA-256. An access token that ends within {@link #REFRESH_MARGIN} is refreshed first (same
 * client authentication as the launch); refreshes are serialised so two requests of one clinician
 * do not both spend a rotating refresh token. A session never outlives its own expiry.
 */
public class JdbcSmartSessions implements SmartSessions {
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(JdbcSmartSessions.class);

    private final JdbcSmartStore store;
    private final TokenClient tokens;
    private final Clock clock;
    private final Duration sessionTtl;

    /** What the callback gets back: the cookie value to set and the session it names. */
    public record Created(String cookieValue, SmartSession session) {
        @Override
        public String toString() {
            return "Created[" + session + "]";
        }
    }

    public JdbcSmartSessions(JdbcSmartStore store, TokenClient tokens, Clock clock, Duration sessionTtl) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    /** Stores a new session after a successful callback. */
    public Created create(IssPolicy.Admitted ehr, PendingLaunch launch, TokenGrant grant, String patient,
                          Optional<String> fhirUser) {
        String sessionId = Secrets.random();
        String csrf = Secrets.random();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionTtl);
        store.saveSession(Secrets.sha256(sessionId), ehr.tenantId(), ehr.iss(), ehr.dialect(),
                launch.endpoints().tokenEndpoint(), grant.scope(),
                new JdbcSmartStore.SessionContext(patient, grant.encounter().orElse(null), fhirUser.orElse(null), csrf),
                new JdbcSmartStore.SessionTokens(grant.accessToken(), grant.refreshToken().orElse(null)),
                grant.expiresAt(), expiresAt, now);
        return new Created(sessionId, new SmartSession(sessionId, ehr.tenantId(), ehr.iss(), patient,
                grant.encounter(), fhirUser, ehr.dialect(), csrf, expiresAt));
    }

    @Override
    public Optional<SmartSession> current(HttpServletRequest request) {
        return SmartCookies.read(request, SmartCookies.SESSION).flatMap(this::find);
    }

    /** The live session a cookie value names. */
    public Optional<SmartSession> find(String sessionId) {
        if (sessionId.length() > 128) {
            return Optional.empty();
        }
        return store.findSession(Secrets.sha256(sessionId), clock.instant()).map(row -> new SmartSession(sessionId,
                row.tenantId(), row.iss(), row.context().patient(), Optional.ofNullable(row.context().encounter()),
                Optional.ofNullable(row.context().fhirUser()), row.dialect(), row.context().csrfToken(),
                row.expiresAt()));
    }

    @Override
    public String accessToken(SmartSession session) {
        String hash = Secrets.sha256(session.sessionId());
        JdbcSmartStore.SessionRow row = live(hash);
        if (row.tokenExpiresAt().isAfter(clock.instant().plus(REFRESH_MARGIN))) {
            return row.tokens().accessToken();
        }
        return refresh(hash);
    }

    /** Ends the session now (e.g. the clinician signs out). */
    public void end(SmartSession session) {
        store.deleteSession(Secrets.sha256(session.sessionId()));
    }

    private synchronized String refresh(String hash) {
        JdbcSmartStore.SessionRow row = live(hash); // again: another thread may have refreshed meanwhile
        Instant now = clock.instant();
        if (row.tokenExpiresAt().isAfter(now.plus(REFRESH_MARGIN))) {
            return row.tokens().accessToken();
        }
        if (row.tokens().refreshToken() == null) {
            if (row.tokenExpiresAt().isAfter(now)) {
                return row.tokens().accessToken(); // about to end, but still valid and nothing to refresh with
            }
            throw new SmartSessionExpiredException("The EHR access token expired and the EHR granted no refresh token.");
        }
        TokenGrant grant;
        try {
            grant = tokens.refresh(row.tokenEndpoint(), row.tokens().refreshToken());
        } catch (SmartFlowException e) {
            log.info("SMART refresh refused for tenant {} ({})", row.tenantId(), e.getMessage());
            if (row.tokenExpiresAt().isAfter(now)) {
                return row.tokens().accessToken();
            }
            throw new SmartSessionExpiredException("The EHR access token expired and could not be refreshed.");
        }
        store.updateTokens(hash, new JdbcSmartStore.SessionTokens(grant.accessToken(),
                grant.refreshToken().orElse(row.tokens().refreshToken())), grant.expiresAt());
        return grant.accessToken();
    }

    private JdbcSmartStore.SessionRow live(String hash) {
        return store.findSession(hash, clock.instant()).orElseThrow(() ->
                new SmartSessionExpiredException("The ChartScribe session has ended."));
    }

}
