package org.chartscribe.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10, item 7, over real HTTP with small limits: a key or an address over its allowance gets 429
 * with {@code Retry-After} and recovers; wrong keys lock their address out (also for the right key, on
 * {@code /v1} and {@code /fhir} alike); other keys and addresses are unaffected; health is exempt.
 * And item 1's timeouts: a body that trickles past the deadline, or stalls past the idle timeout, is
 * answered 408 on both endpoints without an ERROR in the log.
 * Client addresses come from {@code X-Forwarded-For}, as behind the reverse proxy (Tomcat trusts it
 * from the loopback address), so each test has addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chartscribe.traffic.key-requests-per-minute=20",
        "chartscribe.traffic.address-requests-per-minute=40",
        "chartscribe.traffic.auth-failures-per-address=5",
        "chartscribe.traffic.body-deadline=3s",
        "chartscribe.traffic.body-idle-timeout=2s"})
@ExtendWith(OutputCaptureExtension.class)
class TrafficLimitsIT {
    private static final String KEY_A = "cs_test_rate_tenant_a_5e1c9a7f3b2d4e6a8c0f1b3d5e7a9c2b";
    private static final String KEY_B = "cs_test_rate_tenant_b_0d2f4b6a8c1e3a5c7e9f1b3d5a7c9e0f";
    private static final String KEY_C = "cs_test_rate_tenant_c_7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b";
    private static final String NO_SUCH_NOTE = "/v1/note/note_00000000000000000000000000";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void appProperties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("chartscribe-rate-it-");
        registry.add("chartscribe.data-dir", dataDir::toString);
        registry.add("chartscribe.bootstrap-api-keys",
                () -> "tenant-a:" + KEY_A + ",tenant-b:" + KEY_B + ",tenant-c:" + KEY_C);
    }

    @Test
    void aKeyOverItsAllowanceGets429WithRetryAfterAndRecoversWhileAnotherKeyIsUnaffected() throws Exception {
        String address = "198.51.100.11";
        for (int i = 0; i < 20; i++) {
            assertThat(get(NO_SUCH_NOTE, KEY_A, address).statusCode()).as("request %d", i).isEqualTo(404);
        }
        HttpResponse<String> limited = get(NO_SUCH_NOTE, KEY_A, address);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);

        HttpResponse<String> fhir = post("/fhir/$generate-soap", KEY_A, "198.51.100.12", "{\"resourceType\":\"Parameters\"}");
        assertThat(fhir.statusCode()).as("the same key on /fhir, from another address").isEqualTo(429);
        assertThat(fhir.body()).startsWith("{").contains("\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"throttled\"");
        assertThat(fhir.headers().firstValue("Retry-After")).isPresent();

        assertThat(get(NO_SUCH_NOTE, KEY_B, address).statusCode()).as("another key from the same address").isEqualTo(404);

        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(200).toMillis());
        assertThat(get(NO_SUCH_NOTE, KEY_A, address).statusCode()).as("after Retry-After").isEqualTo(404);
    }

    @Test
    void wrongKeysLockTheirAddressOutOnV1AndFhirWhileOtherAddressesGoOn() throws Exception {
        String guesser = "203.0.113.21";
        for (int i = 0; i < 3; i++) {
            assertThat(get(NO_SUCH_NOTE, "cs_wrong_key_" + i, guesser).statusCode()).isEqualTo(401);
        }
        for (int i = 3; i < 5; i++) {
            assertThat(post("/fhir/$generate-soap", "cs_wrong_key_" + i, guesser, "{}").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> lockedOut = get(NO_SUCH_NOTE, "cs_wrong_key_5", guesser);
        assertThat(lockedOut.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(lockedOut.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 12L);
        assertThat(get(NO_SUCH_NOTE, KEY_C, guesser).statusCode()).as("even the right key, while locked out").isEqualTo(429);
        HttpResponse<String> fhir = post("/fhir/$generate-soap", KEY_C, guesser, "{}");
        assertThat(fhir.statusCode()).isEqualTo(429);
        assertThat(fhir.body()).contains("\"resourceType\":\"OperationOutcome\"");

        assertThat(get(NO_SUCH_NOTE, KEY_C, "203.0.113.22").statusCode()).as("another address").isEqualTo(404);
        assertThat(get("/v1/specialties", null, guesser).statusCode()).as("public endpoints need no key").isEqualTo(200);
    }

    @Test
    void anAddressOverItsAllowanceGets429ButHealthStillAnswers() throws Exception {
        String busy = "192.0.2.31";
        for (int i = 0; i < 40; i++) {
            assertThat(get("/v1/specialties", null, busy).statusCode()).as("request %d", i).isEqualTo(200);
        }
        HttpResponse<String> limited = get("/v1/specialties", null, busy);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");

        assertThat(get("/actuator/health", null, busy).statusCode()).as("health is exempt").isEqualTo(200);
        assertThat(get("/v1/specialties", null, "192.0.2.32").statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void aBodyThatTricklesOrStallsIsAnswered408WithoutAnErrorLogged(CapturedOutput log) throws Exception {
        int client = 40;
        for (String path : new String[] {"/v1/note", "/fhir/$generate-soap"}) {
            for (long pauseMillis : new long[] {500, 4_000}) {
                String answer = slowBody(path, "192.0.2." + client++, pauseMillis);
                assertThat(answer).as("%s with a pause of %d ms", path, pauseMillis).startsWith("HTTP/1.1 408 ")
                        .containsIgnoringCase("\r\nConnection: close");
            }
        }
        assertThat(log.getAll()).doesNotContain(" ERROR ");
    }

    /** Headers, then one byte per pause, until the server answers and closes; the whole answer. */
    private String slowBody(String path, String address, long pauseMillis) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/"
                    + (path.startsWith("/fhir") ? "fhir+json" : "json") + "\r\nContent-Length: 1000\r\nX-Forwarded-For: "
                    + address + "\r\nAuthorization: Bearer " + KEY_B + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (in.available() == 0 && System.nanoTime() < giveUp) {
                Thread.sleep(pauseMillis);
                try {
                    out.write(' ');
                } catch (IOException closed) {
                    break;
                }
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<String> get(String path, String key, String address) throws Exception {
        return send(request(path, key, address).GET());
    }

    private HttpResponse<String> post(String path, String key, String address, String body) throws Exception {
        return send(request(path, key, address).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.startsWith("/fhir") ? "application/fhir+json" : "application/json"));
    }

    private HttpRequest.Builder request(String path, String key, String address) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("X-Forwarded-For", address);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
