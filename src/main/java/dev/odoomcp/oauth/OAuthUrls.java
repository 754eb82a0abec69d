package dev.odoomcp.oauth;

import dev.odoomcp.security.EdgePaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The addresses OAuth names: the issuer (this bridge as authorization server), the protected resource
 * ({@code <base>/mcp}, exactly as the user typed it) and the endpoints. From {@code PUBLIC_BASE_URL} when set,
 * else from the request, whose scheme and host Tomcat has already taken from {@code X-Forwarded-Proto/Host}
 * when a trusted proxy sent them.
 */
@Component
class OAuthUrls {

    static final String MCP_PATH = EdgePaths.MCP;
    static final String PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";
    static final String AUTHORIZATION_SERVER_PATH = "/.well-known/oauth-authorization-server";
    static final String OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";
    static final String AUTHORIZE_PATH = "/oauth/authorize";
    static final String TOKEN_PATH = "/oauth/token";
    static final String REGISTER_PATH = "/oauth/register";

    private final String configured;

    OAuthUrls(PublicUrlProperties properties) {
        this.configured = properties.baseUrl();
    }

    /** {@code scheme://host[:port]} of this bridge as its users reach it. */
    String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = request.getServerPort();
        boolean defaultPort =
                port <= 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** The issuer identifier (RFC 8414): the base, no trailing slash. */
    String issuer(HttpServletRequest request) {
        return base(request);
    }

    /** The protected resource (RFC 9728 {@code resource}, RFC 8707 audience): the MCP endpoint. */
    String resource(HttpServletRequest request) {
        return base(request) + MCP_PATH;
    }

    /** Where a client finds the protected resource metadata (the {@code /mcp}-suffixed form, RFC 9728 §3.1). */
    String resourceMetadata(HttpServletRequest request) {
        return base(request) + PROTECTED_RESOURCE_PATH + MCP_PATH;
    }
}
