package org.chartscribe.smart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser for SMART tests: real HTTP, its own cookie jar, redirects followed one hop at a time so
 * each Location can be checked. {@link #launch} drives EHR launch -> authorize -> callback and
 * returns the session cookie value, for any IT that needs a launched session:
 * <pre>
 * String cookie = new SmartBrowser().launch(chartScribeBase, fhirBase, ehr.launchContext("pat-1", "enc-1"));
 * </pre>
 * Use {@code 127.0.0.1} in {@code chartScribeBase}: the test EHR accepts loopback-IP redirect URIs only.
 */
public final class SmartBrowser {
    public record Response(int status, String body, Optional<String> location, List<String> setCookies,
                           HttpResponse<String> raw) {}

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> visited = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();

    public Response get(URI uri) {
        visited.add(uri);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Optional<String> location = r.headers().firstValue("Location");
            location.ifPresent(locations::add);
            return new Response(r.statusCode(), r.body(), location, r.headers().allValues("Set-Cookie"), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String uri) {
        return get(URI.create(uri));
    }

    /** {@code /smart/launch} with iss (and launch, when not null). */
    public Response startLaunch(String chartScribeBase, String iss, String launch) {
        String query = "iss=" + enc(iss) + (launch == null ? "" : "&launch=" + enc(launch));
        return get(chartScribeBase + "/smart/launch?" + query);
    }

    /**
     * The whole launch: ChartScribe -> the EHR's authorize endpoint -> ChartScribe's callback -> /smart/app/.
     *
     * @return the {@code cs_smart_session} cookie value
     * @throws AssertionError naming the hop that did not answer as a successful launch does
     */
    public String launch(String chartScribeBase, String iss, String launch) {
        Response callback = toCallback(chartScribeBase, iss, launch);
        Response app = get(URI.create(chartScribeBase).resolve(callback.location().orElseThrow()));
        if (app.status() != 302 || !app.location().orElse("").equals("/smart/app/")) {
            throw new AssertionError("callback answered " + app.status() + ": " + app.body());
        }
        return cookie(SmartCookies.SESSION).orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** Launch and authorize; returns the EHR's answer (302 to the callback with code and state), not followed. */
    public Response toCallback(String chartScribeBase, String iss, String launch) {
        Response launched = startLaunch(chartScribeBase, iss, launch);
        if (launched.status() != 302) {
            throw new AssertionError("launch answered " + launched.status() + ": " + launched.body());
        }
        Response authorized = get(launched.location().orElseThrow());
        if (authorized.status() != 302) {
            throw new AssertionError("authorize answered " + authorized.status());
        }
        return authorized;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Puts a cookie in the jar as if a server had set it (e.g. one an attacker planted). */
    public void plantCookie(URI uri, HttpCookie cookie) {
        cookies.getCookieStore().add(uri, cookie);
    }

    /** Every Location header this browser received, in order. */
    public List<String> locations() {
        return List.copyOf(locations);
    }

    public static Map<String, String> query(String uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(uri).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
