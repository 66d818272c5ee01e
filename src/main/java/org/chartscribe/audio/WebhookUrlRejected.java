package org.chartscribe.audio;

/** A webhook address refused before a job is queued; the message says why and never repeats the URL. */
public final class WebhookUrlRejected extends RuntimeException {
    public WebhookUrlRejected(String reason) {
        super(reason);
    }
}
