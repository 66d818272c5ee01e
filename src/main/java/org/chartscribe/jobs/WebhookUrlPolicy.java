package org.chartscribe.jobs;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.chartscribe.audio.WebhookUrlRejected;

/**
 * Where a webhook may go: https (http only when allowed), and every address the host resolves to
 * public: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with
 * the cloud metadata address, fe80::/10), CGNAT (100.64/10), multicast, unspecified or an IPv4-mapped
 * form of those, unless {@code allowPrivate}. Checked when a job is accepted and again before each
 * try and each redirect, after DNS resolution, so a name that later points inside is refused too.
 * Messages never repeat the URL.
 */
public class WebhookUrlPolicy {
    private final boolean allowPrivate;
    private final boolean allowHttp;
    private final Resolver resolver;

    /** DNS, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public WebhookUrlPolicy(boolean allowPrivate, boolean allowHttp, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowHttp = allowHttp || allowPrivate;
        this.resolver = resolver;
    }

    public WebhookUrlPolicy(boolean allowPrivate, boolean allowHttp) {
        this(allowPrivate, allowHttp, InetAddress::getAllByName);
    }

    /** @throws WebhookUrlRejected saying why */
    public void check(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new WebhookUrlRejected("must be an absolute https URL with a host and no user name or password");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new WebhookUrlRejected("must use https");
        }
        if (url.toString().length() > 2048) {
            throw new WebhookUrlRejected("must be at most 2048 characters");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            throw new WebhookUrlRejected("its host name does not resolve");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new WebhookUrlRejected("resolves to a loopback, private, link-local or other internal address, "
                        + "which webhooks may not call (CHARTSCRIBE_WEBHOOK_ALLOW_PRIVATE)");
            }
        }
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240                          // "this network", reserved, broadcast
                    || (first == 100 && second >= 64 && second < 128)  // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
