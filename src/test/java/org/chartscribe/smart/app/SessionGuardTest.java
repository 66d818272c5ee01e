package org.chartscribe.smart.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Cookie;
import org.chartscribe.api.ApiException;
import org.chartscribe.api.ProblemCode;
import org.chartscribe.smart.SmartSession;
import org.chartscribe.smart.SmartSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SessionGuardTest {
    private final FakeSmartSessions sessions = new FakeSmartSessions();
    private final SmartSession session = sessions.open("t", "https://ehr.example.org/fhir", "p", null, null);

    private SessionGuard guard(SmartSessions store) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (store != null) {
            beans.addBean("sessions", store);
        }
        return new SessionGuard(beans.getBeanProvider(SmartSessions.class));
    }

    private MockHttpServletRequest post(String csrf, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/smart/api/note");
        request.setScheme("https");
        request.setServerName("cs.example.org");
        request.setServerPort(443);
        request.setCookies(new Cookie(FakeSmartSessions.COOKIE, session.sessionId()));
        if (csrf != null) {
            request.addHeader("X-CSRF-Token", csrf);
        }
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        return request;
    }

    private static ProblemCode refusal(SessionGuard guard, MockHttpServletRequest request) {
        try {
            guard.preHandle(request, new MockHttpServletResponse(), new Object());
        } catch (ApiException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void admitsTheSessionsOwnTokenFromTheSameOrigin() {
        MockHttpServletRequest request = post(session.csrfToken(), "https://cs.example.org");
        assertThat(refusal(guard(sessions), request)).isNull();
        assertThat(request.getAttribute(SessionGuard.SESSION)).isEqualTo(session);
        assertThat(refusal(guard(sessions), post(session.csrfToken(), null))).isNull();
        assertThat(refusal(guard(sessions), post(session.csrfToken(), "https://CS.example.org:443"))).isNull();
    }

    @Test
    void refusesAMissingWrongOrForeignRequest() {
        SessionGuard guard = guard(sessions);
        assertThat(refusal(guard, post(null, null))).isEqualTo(ProblemCode.AUTHORIZATION_ERROR);
        assertThat(refusal(guard, post("", null))).isEqualTo(ProblemCode.AUTHORIZATION_ERROR);
        assertThat(refusal(guard, post(session.csrfToken().substring(1), null))).isEqualTo(ProblemCode.AUTHORIZATION_ERROR);
        for (String origin : new String[] {"https://evil.example", "http://cs.example.org", "https://cs.example.org:8443",
                "null", "not a url", "https://cs.example.org.evil.example"}) {
            assertThat(refusal(guard, post(session.csrfToken(), origin))).as(origin).isEqualTo(ProblemCode.AUTHORIZATION_ERROR);
        }
    }

    @Test
    void withoutASessionOrAnImplementationEveryCallIsUnauthenticated() {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/smart/api/context");
        assertThat(refusal(guard(sessions), get)).isEqualTo(ProblemCode.AUTHENTICATION_ERROR);
        assertThat(refusal(guard(null), post(session.csrfToken(), null))).isEqualTo(ProblemCode.AUTHENTICATION_ERROR);
        assertThatThrownBy(() -> guard(sessions).preHandle(get, new MockHttpServletResponse(), new Object()))
                .hasMessage(SessionGuard.SESSION_ENDED);
    }

    @Test
    void getNeedsNoCsrfToken() {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/smart/api/context");
        get.setCookies(new Cookie(FakeSmartSessions.COOKIE, session.sessionId()));
        assertThat(refusal(guard(sessions), get)).isNull();
    }
}
