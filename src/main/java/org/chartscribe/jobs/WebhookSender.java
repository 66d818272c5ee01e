package org.chartscribe.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.chartscribe.audio.WebhookUrlRejected;

/**
 * One try of a webhook: POST the signed body, follow up to {@code maxRedirects} 307/308 redirects by
 * hand (the client itself never follows), checking each target with the {@link WebhookUrlPolicy}
 * after DNS resolution. The connection resolves through the policy too, so it reaches only addresses
 * that passed. Other 3xx answers count as failures. The response body is discarded unread.
 */
class WebhookSender {
    /** The outcome of a try as logged: {@code delivered}, {@code http_error}, {@code network_error}, {@code refused}. */
    record Result(Integer statusCode, String outcome) {
        boolean delivered() {
            return "delivered".equals(outcome);
        }

        boolean retryable() {
            return !delivered() && !"refused".equals(outcome);
        }
    }

    private record Answer(int status, String location) {}

    private final CloseableHttpClient http;
    private final WebhookUrlPolicy policy;
    private final int maxRedirects;

    WebhookSender(WebhookUrlPolicy policy, Duration timeout, int maxRedirects) {
        this.policy = policy;
        this.maxRedirects = maxRedirects;
        Timeout limit = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("ChartScribe-Webhooks")
                .build();
    }

    Result send(URI url, byte[] body, String signature) {
        URI target = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            try {
                policy.check(target);
            } catch (WebhookUrlRejected e) {
                return new Result(null, "refused");
            }
            HttpPost post = new HttpPost(target);
            post.setHeader(WebhookSignature.HEADER, signature);
            post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            Answer answer;
            try {
                // the handler reads the status and Location; the client discards the body
                answer = http.execute(post, response -> {
                    Header location = response.getFirstHeader("Location");
                    return new Answer(response.getCode(), location == null ? null : location.getValue());
                });
            } catch (WebhookUrlPolicy.InternalAddress e) {
                return new Result(null, "refused"); // the name changed its answer after the check
            } catch (IOException | IllegalArgumentException e) {
                return new Result(null, "network_error");
            }
            int status = answer.status();
            if (status >= 200 && status < 300) {
                return new Result(status, "delivered");
            }
            if ((status == 307 || status == 308) && answer.location() != null) {
                try {
                    target = target.resolve(answer.location());
                } catch (IllegalArgumentException e) {
                    return new Result(status, "http_error");
                }
                continue;
            }
            return new Result(status, "http_error");
        }
        return new Result(null, "too_many_redirects");
    }

    /** Connections resolve host names through the policy: the addresses checked are the ones used. */
    private record CheckedResolver(WebhookUrlPolicy policy) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.checkedAddresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // never asked for: only SPNEGO/Kerberos authentication uses canonical names
        }
    }
}
