package org.chartscribe.jobs;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;
import org.chartscribe.audio.WebhookUrlRejected;

/**
 * Where a webhook may go: https (http only when allowed), and every address the host resolves to
 * public: not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with
 * the cloud metadata address, fe80::/10), CGNAT (100.64/10), multicast, unspecified or an IPv4-mapped
 * form of those, unless {@code allowPrivate}. Checked when a job is accepted and again before each
 * try and each redirect, after DNS resolution; and the connection itself resolves through
 * {@link #checkedAddresses}, so it goes only to addresses that passed (a name that answers a public
 * address to the check and an internal one to the connection, DNS rebinding, is refused).
 * Messages never repeat the URL.
 */
public class WebhookUrlPolicy {
    private final boolean allowPrivate;
    private final boolean allowHttp;
    private final Resolver resolver;
    private final Predicate<InetAddress> internal;

    /** DNS, replaceable in tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host whose addresses include one a webhook may not call; an UnknownHostException to connectors. */
    static final class InternalAddress extends UnknownHostException {
        InternalAddress() {
            super("resolves to an internal address");
        }
    }

    public WebhookUrlPolicy(boolean allowPrivate, boolean allowHttp, Resolver resolver) {
        this(allowPrivate, allowHttp, resolver, WebhookUrlPolicy::internal);
    }

    /** With another notion of "internal": tests that run a receiver on loopback yet keep the policy strict. */
    WebhookUrlPolicy(boolean allowPrivate, boolean allowHttp, Resolver resolver, Predicate<InetAddress> internal) {
        this.allowPrivate = allowPrivate;
        this.allowHttp = allowHttp || allowPrivate;
        this.resolver = resolver;
        this.internal = internal;
    }

    public WebhookUrlPolicy(boolean allowPrivate, boolean allowHttp) {
        this(allowPrivate, allowHttp, InetAddress::getAllByName);
    }

    /**
     * The host's addresses, resolved once and all of them allowed: what a connection to the host may use.
     * @throws InternalAddress when any of them is internal (unless private targets are allowed)
     */
    InetAddress[] checkedAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (internal.test(address)) {
                    throw new InternalAddress();
                }
            }
        }
        return addresses;
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
        try {
            checkedAddresses(url.getHost());
        } catch (InternalAddress e) {
            throw new WebhookUrlRejected("resolves to a loopback, private, link-local or other internal address, "
                    + "which webhooks may not call (CHARTSCRIBE_WEBHOOK_ALLOW_PRIVATE)");
        } catch (UnknownHostException e) {
            throw new WebhookUrlRejected("its host name does not resolve");
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
