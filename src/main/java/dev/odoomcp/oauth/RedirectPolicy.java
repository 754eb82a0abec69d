package dev.odoomcp.oauth;

import dev.odoomcp.security.HostAllowList;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Where an application may send the user back with a code. Against consent phishing, a redirect URI must be
 * {@code https} on a host the operator allows ({@code OAUTH_REDIRECT_HOSTS}: claude.ai, claude.com,
 * chatgpt.com by default) or a loopback address for desktop and command-line clients (RFC 8252 §7.3), and it
 * must equal a registered one exactly; for loopback URIs (127.x.x.x, [::1], localhost) only the port may
 * differ, as RFC 8252 §7.3 requires for clients that listen on an ephemeral port.
 */
@Component
class RedirectPolicy {

    private static final int MAX_LENGTH = 1024;

    private final HostAllowList hosts;

    RedirectPolicy(OAuthProperties properties) {
        this.hosts = new HostAllowList(properties.redirectHosts());
    }

    /** Why this redirect URI may not be registered, or null when it may. */
    String problemWith(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank() || redirectUri.length() > MAX_LENGTH) {
            return "a redirect URI must be an absolute URL of at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return "'" + redirectUri + "' is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return "'" + redirectUri + "' must be an absolute http(s) URL without a fragment or user name";
        }
        boolean loopback = isLoopback(uri.getHost());
        if (loopback && (scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "'" + redirectUri + "' must use https (plain http is allowed only for loopback addresses)";
        }
        if (!hosts.permits(uri.getHost())) {
            return "'" + uri.getHost() + "' is not among the hosts this bridge may send users back to "
                    + "(OAUTH_REDIRECT_HOSTS); ask the operator to allow it";
        }
        return null;
    }

    /** Whether {@code requested} equals one of {@code registered}, exactly but for a loopback port. */
    boolean matches(List<String> registered, String requested) {
        if (requested == null || problemWith(requested) != null) {
            return false;
        }
        for (String candidate : registered) {
            if (candidate.equals(requested) || sameButLoopbackPort(candidate, requested)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameButLoopbackPort(String registered, String requested) {
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return a.getHost() != null
                    && isLoopback(a.getHost())
                    && Objects.equals(a.getScheme(), b.getScheme())
                    && Objects.equals(a.getHost(), b.getHost())
                    && Objects.equals(a.getRawPath(), b.getRawPath())
                    && Objects.equals(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null
                    && b.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean isLoopback(String host) {
        return isLiteralLoopback(host) || "localhost".equalsIgnoreCase(host);
    }

    private static boolean isLiteralLoopback(String host) {
        return host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
