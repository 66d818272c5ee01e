package org.chartscribe.jobs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.chartscribe.audio.WebhookUrlRejected;

/**
 * One try of a webhook: POST the signed body, follow up to {@code maxRedirects} 307/308 redirects by
 * hand (the client itself never follows), checking each target with the {@link WebhookUrlPolicy}
 * after DNS resolution. Other 3xx answers count as failures. The response body is discarded unread.
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

    private final HttpClient http;
    private final WebhookUrlPolicy policy;
    private final Duration timeout;
    private final int maxRedirects;

    WebhookSender(WebhookUrlPolicy policy, Duration timeout, int maxRedirects) {
        this.policy = policy;
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    Result send(URI url, byte[] body, String signature) {
        URI target = url;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            try {
                policy.check(target);
            } catch (WebhookUrlRejected e) {
                return new Result(null, "refused");
            }
            HttpResponse<Void> response;
            try {
                response = http.send(HttpRequest.newBuilder(target).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "ChartScribe-Webhooks")
                        .header(WebhookSignature.HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | IllegalArgumentException e) {
                return new Result(null, "network_error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(null, "network_error");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(status, "delivered");
            }
            if ((status == 307 || status == 308) && response.headers().firstValue("Location").isPresent()) {
                try {
                    target = target.resolve(response.headers().firstValue("Location").get());
                } catch (IllegalArgumentException e) {
                    return new Result(status, "http_error");
                }
                continue;
            }
            return new Result(status, "http_error");
        }
        return new Result(null, "too_many_redirects");
    }
}
