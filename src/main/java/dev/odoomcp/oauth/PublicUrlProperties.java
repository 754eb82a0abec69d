package dev.odoomcp.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The address users type ({@code PUBLIC_BASE_URL}, e.g. {@code https://odoo-mcp.example.com}). OAuth names the
 * protected resource ({@code <base>/mcp}) and the issuer by it, so behind a load balancer every replica must
 * agree on it; without it they are derived from each request (honouring {@code X-Forwarded-Proto/Host} from a
 * trusted proxy).
 *
 * @param baseUrl {@code PUBLIC_BASE_URL}: scheme, host and optional port; no path, query or fragment
 */
@ConfigurationProperties("public")
public record PublicUrlProperties(String baseUrl) {

    public PublicUrlProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : normalise(baseUrl.strip());
    }

    private static String normalise(String text) {
        String value = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || !pathless
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw invalid(text);
            }
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null)
                    .toString();
        } catch (URISyntaxException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("PUBLIC_BASE_URL must be the bridge's public address without a path, "
                + "e.g. https://odoo-mcp.example.com; was '" + text + "'.");
    }
}
