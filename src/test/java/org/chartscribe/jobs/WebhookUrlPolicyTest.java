package org.chartscribe.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chartscribe.audio.WebhookUrlRejected;
import org.junit.jupiter.api.Test;

/** The SSRF guard: refused targets by literal address, by what a name resolves to, and behind a redirect. */
class WebhookUrlPolicyTest {
    /** A DNS stand-in: names map to the addresses a hostile zone could publish. */
    private static WebhookUrlPolicy.Resolver dns(Map<String, String> zone) {
        return host -> {
            String address = zone.get(host);
            if (address == null) {
                throw new UnknownHostException("no such host");
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        };
    }

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, false, dns(Map.of(
            "hooks.example.com", "93.184.216.34",
            "sneaky.example.com", "127.0.0.1",
            "metadata.example.com", "169.254.169.254",
            "inside.example.com", "10.1.2.3",
            "v6inside.example.com", "fd00::1",
            "mapped.example.com", "::ffff:192.168.1.1",
            "10.0.0.7", "10.0.0.7",
            "[::1]", "::1")));

    @Test
    void aPublicHttpsTargetIsAllowed() {
        assertThatNoException().isThrownBy(() -> strict.check(URI.create("https://hooks.example.com/chartscribe")));
    }

    @Test
    void privateLoopbackLinkLocalAndMappedTargetsAreRefusedAfterResolution() {
        for (String url : new String[] {"https://sneaky.example.com/x", "https://metadata.example.com/latest",
                "https://inside.example.com/x", "https://v6inside.example.com/x", "https://mapped.example.com/x",
                "https://10.0.0.7/x"}) {
            assertThatThrownBy(() -> strict.check(URI.create(url))).as(url)
                    .isInstanceOf(WebhookUrlRejected.class)
                    .hasMessageContaining("internal address")
                    .hasMessageNotContaining("example.com");
        }
    }

    @Test
    void plainHttpUnresolvableHostsAndCredentialsAreRefused() {
        assertThatThrownBy(() -> strict.check(URI.create("http://hooks.example.com/x"))).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.check(URI.create("https://nowhere.example.com/x"))).hasMessageContaining("resolve");
        assertThatThrownBy(() -> strict.check(URI.create("https://user:pw@hooks.example.com/x"))).hasMessageContaining("password");
        assertThatThrownBy(() -> strict.check(URI.create("/relative"))).isInstanceOf(WebhookUrlRejected.class);
    }

    @Test
    void unspecifiedMulticastAndCarrierNatAreInternal() throws Exception {
        for (String address : new String[] {"0.0.0.0", "224.0.0.1", "100.64.0.1", "255.255.255.255", "::", "ff02::1", "fe80::1"}) {
            assertThat(WebhookUrlPolicy.internal(InetAddress.getByName(address))).as(address).isTrue();
        }
        assertThat(WebhookUrlPolicy.internal(InetAddress.getByName("8.8.8.8"))).isFalse();
    }

    @Test
    void operatorsMayAllowPrivateTargets() {
        WebhookUrlPolicy open = new WebhookUrlPolicy(true, false, dns(Map.of("inside.example.com", "10.1.2.3")));
        assertThatNoException().isThrownBy(() -> open.check(URI.create("http://inside.example.com/x")));
    }

    /** Strict, except that loopback counts as public: the tests' receivers run on 127.0.0.1. */
    private static WebhookUrlPolicy strictButLoopbackIsPublic(WebhookUrlPolicy.Resolver dns) {
        return new WebhookUrlPolicy(false, true, dns,
                address -> !address.isLoopbackAddress() && WebhookUrlPolicy.internal(address));
    }

    @Test
    void aRedirectToAPrivateAddressIsNotFollowed() throws Exception {
        // the receiver is on loopback, which this policy takes for public: the first hop passes, and the
        // 307 it answers points at 10.1.2.3, which is checked and refused without a connection
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = receiver(hits, 307, "http://inside.example.com/steal");
        try {
            WebhookSender sender = new WebhookSender(strictButLoopbackIsPublic(dns(Map.of(
                    "hooks.example.com", "127.0.0.1", "inside.example.com", "10.1.2.3"))), Duration.ofSeconds(5), 3);
            WebhookSender.Result result = sender.send(URI.create("http://hooks.example.com:"
                    + server.getAddress().getPort() + "/hook"), "{}".getBytes(), "t=1,v1=00");
            assertThat(result.outcome()).isEqualTo("refused");
            assertThat(result.retryable()).isFalse();
            assertThat(hits.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theConnectionGoesToTheAddressTheCheckResolvedNotToAFreshLookup() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = receiver(hits, 204, null);
        try {
            // a name only our resolver knows: the delivery reaches the receiver through it
            WebhookSender sender = new WebhookSender(strictButLoopbackIsPublic(dns(Map.of(
                    "receiver.example.com", "127.0.0.1"))), Duration.ofSeconds(5), 3);
            WebhookSender.Result result = sender.send(URI.create("http://receiver.example.com:"
                    + server.getAddress().getPort() + "/hook"), "{}".getBytes(), "t=1,v1=00");
            assertThat(result.outcome()).isEqualTo("delivered");
            assertThat(hits.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterTheCheckIsRefusedWithoutAConnection() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = receiver(hits, 204, null);
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: a public answer for the check, then 10.1.2.3 (an address the receiver would
        // stand for inside a network) for whoever asks next
        WebhookUrlPolicy.Resolver rebinding = host -> new InetAddress[] {InetAddress.getByName(
                lookups.incrementAndGet() == 1 ? "93.184.216.34" : "10.1.2.3")};
        try {
            WebhookSender sender = new WebhookSender(strictButLoopbackIsPublic(rebinding), Duration.ofSeconds(5), 3);
            WebhookSender.Result result = sender.send(URI.create("http://rebind.example.com:"
                    + server.getAddress().getPort() + "/hook"), "{}".getBytes(), "t=1,v1=00");
            assertThat(result.outcome()).isEqualTo("refused");
            assertThat(lookups.get()).isEqualTo(2);
            assertThat(hits.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer receiver(AtomicInteger hits, int status, String location) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aLiteralPrivateTargetIsRefusedBeforeAnyConnection() {
        WebhookSender sender = new WebhookSender(new WebhookUrlPolicy(false, true), Duration.ofSeconds(2), 3);
        assertThat(sender.send(URI.create("http://127.0.0.1:9/x"), new byte[0], "t=1,v1=00").outcome()).isEqualTo("refused");
        assertThat(sender.send(URI.create("http://192.168.0.10/x"), new byte[0], "t=1,v1=00").outcome()).isEqualTo("refused");
    }
}
