package com.autochec.report.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs deliveries may go to (server-side request forgery): absolute {@code https://} URLs without user info
 * whose host resolves only to public addresses — never loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16, fe80::/10, cloud metadata), carrier-grade NAT (100.64/10), unspecified or multicast. With
 * {@code allowInsecureLocalhost} (the local stack and tests), a loopback host is accepted, over {@code http://} too.
 * Checked at registration and again before every attempt (the name may resolve elsewhere by then); redirects are
 * never followed.
 */
final class WebhookUrls {

    /** Resolves a host name (tests replace it). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int MAX_LENGTH = 2048;

    private final boolean allowInsecureLocalhost;
    private final Resolver resolver;

    WebhookUrls(boolean allowInsecureLocalhost, Resolver resolver) {
        this.allowInsecureLocalhost = allowInsecureLocalhost;
        this.resolver = resolver;
    }

    WebhookUrls(boolean allowInsecureLocalhost) {
        this(allowInsecureLocalhost, InetAddress::getAllByName);
    }

    /** Why {@code url} may not receive deliveries (French, for the field error), or empty when it may. */
    Optional<String> problem(String url) {
        if (url == null || url.isBlank()) return Optional.of("adresse obligatoire");
        if (url.length() > MAX_LENGTH) return Optional.of("adresse trop longue (au plus " + MAX_LENGTH + " caractères)");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("adresse invalide");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) return Optional.of("adresse absolue attendue (https://…)");
        if (!scheme.equals("https") && !scheme.equals("http")) return Optional.of("seul https:// est accepté");
        if (uri.getRawUserInfo() != null) return Optional.of("pas d'identifiants dans l'adresse");
        if (uri.getRawFragment() != null) return Optional.of("pas de fragment (#…) dans l'adresse");
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(stripBrackets(uri.getHost()));
        } catch (UnknownHostException e) {
            return Optional.of("hôte introuvable : " + uri.getHost());
        }
        if (addresses == null || addresses.length == 0) return Optional.of("hôte introuvable : " + uri.getHost());
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowInsecureLocalhost) return Optional.of("adresse locale refusée (" + address.getHostAddress() + ")");
                continue;
            }
            allLoopback = false;
            if (!isPublic(address)) return Optional.of("adresse privée ou réservée refusée (" + address.getHostAddress() + ")");
        }
        if (scheme.equals("http") && !(allowInsecureLocalhost && allLoopback)) return Optional.of("seul https:// est accepté");
        return Optional.empty();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A globally routable unicast address. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) return false; // "this network", reserved and broadcast
            if (first == 100 && second >= 64 && second <= 127) return false; // carrier-grade NAT 100.64/10
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return false; // IETF protocol assignments
            if (first == 198 && (second == 18 || second == 19)) return false; // benchmarking
            return true;
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) return false; // unique local fc00::/7
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return false; // documentation
            return true;
        }
        return false;
    }
}
