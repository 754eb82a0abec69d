package dev.odoomcp.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * DNS-rebinding protection: a request that carries a browser {@code Origin} is served only when the
 * origin is on the operator's allow-list ({@code MCP_ALLOWED_ORIGINS}). Requests without an Origin
 * (desktop clients, servers, curl) are not from a web page and pass.
 */
@Component
class OriginPolicy {

    private final List<OriginPattern> patterns;
    private final boolean any;

    OriginPolicy(McpServerProperties properties) {
        this.any = properties.allowedOrigins().contains("*");
        this.patterns = properties.allowedOrigins().stream()
                .filter(p -> !"*".equals(p))
                .map(OriginPattern::parse)
                .toList();
    }

    boolean allows(String origin) {
        if (origin == null || origin.isBlank() || any) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return patterns.stream().anyMatch(p -> p.matches(scheme, host, port));
    }

    /** {@code scheme://host[:port]} where host may start with {@code *.} and port may be {@code *}. */
    private record OriginPattern(String scheme, String host, Integer port) {

        static OriginPattern parse(String pattern) {
            String text = pattern.toLowerCase(Locale.ROOT);
            int schemeEnd = text.indexOf("://");
            if (schemeEnd <= 0) {
                throw new IllegalArgumentException(
                        "MCP_ALLOWED_ORIGINS entry '" + pattern
                                + "' must look like https://host, https://host:port, https://*.example.com or http://localhost:*");
            }
            String scheme = text.substring(0, schemeEnd);
            String hostPort = text.substring(schemeEnd + 3);
            int colon = hostPort.lastIndexOf(':');
            boolean hasPort = colon > 0 && hostPort.indexOf(']') < colon;
            String host = hasPort ? hostPort.substring(0, colon) : hostPort;
            host = host.startsWith("[") && host.endsWith("]") ? host : host.replaceAll("/+$", "");
            Integer port = null;
            if (hasPort) {
                String portText = hostPort.substring(colon + 1);
                port = "*".equals(portText) ? null : Integer.valueOf(portText);
            } else {
                port = "https".equals(scheme) ? 443 : 80;
            }
            return new OriginPattern(scheme, host, port);
        }

        boolean matches(String scheme, String host, int port) {
            if (!this.scheme.equals(scheme) || (this.port != null && this.port != port)) {
                return false;
            }
            if (this.host.startsWith("*.")) {
                return host.endsWith(this.host.substring(1));
            }
            return this.host.equals(host) || (this.host.startsWith("[") && this.host.equals("[" + host + "]"));
        }
    }
}
