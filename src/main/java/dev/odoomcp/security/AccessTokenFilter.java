package dev.odoomcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every path except {@link EdgePaths#PUBLIC} (deny by default: {@code /mcp}, metrics, any
 * actuator endpoint, unknown paths) with the operator's access tokens when any are configured. The
 * token comes in {@code X-MCP-Token} or as {@code Authorization: Bearer}; tokens are compared as
 * SHA-256 digests in constant time. The matching token's name is left in the request attribute
 * {@link #TOKEN_NAME} for logs and metrics.
 */
@Component
@Order(EdgeOrder.ACCESS_TOKEN)
public class AccessTokenFilter extends OncePerRequestFilter {

    /** Request attribute holding the name of the token the caller presented ("anonymous" when open). */
    public static final String TOKEN_NAME = AccessTokenFilter.class.getName() + ".tokenName";
    /**
     * Request attribute set by an earlier filter that has authenticated the request itself (a valid OAuth
     * access token of this bridge, {@code oauth.OAuthBearerFilter}); its value is the name logged as the token.
     */
    public static final String AUTHENTICATED_ELSEWHERE = AccessTokenFilter.class.getName() + ".authenticatedElsewhere";

    static final String TOKEN_HEADER = "X-MCP-Token";
    private static final String UNAUTHORIZED = "Missing or invalid access token. This bridge requires the token its "
            + "administrator gave you, in the X-MCP-Token header (or Authorization: Bearer); with the stdio wrapper set "
            + "MCP_ACCESS_TOKEN.";

    private final List<Digest> tokens;

    /** Whether the operator configured any access token ({@code MCP_ACCESS_TOKEN(S)}). */
    public boolean configured() {
        return !tokens.isEmpty();
    }

    AccessTokenFilter(AccessTokenProperties properties) {
        this.tokens = properties.tokens().stream()
                .map(t -> new Digest(t.name(), sha256(t.token())))
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return EdgePaths.isPublic(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(AUTHENTICATED_ELSEWHERE) instanceof String by) {
            request.setAttribute(TOKEN_NAME, by);
            chain.doFilter(request, response);
            return;
        }
        if (tokens.isEmpty()) {
            request.setAttribute(TOKEN_NAME, "anonymous");
            chain.doFilter(request, response);
            return;
        }
        String name = match(presented(request));
        if (name == null) {
            JsonRpcErrorResponse.write(
                    response, HttpServletResponse.SC_UNAUTHORIZED, JsonRpcErrorResponse.INVALID_REQUEST, UNAUTHORIZED);
            return;
        }
        request.setAttribute(TOKEN_NAME, name);
        chain.doFilter(request, response);
    }

    /** The name of the configured token equal to {@code presented}, or null; checks every token, always. */
    public String match(String presented) {
        if (presented == null) {
            return null;
        }
        byte[] digest = sha256(presented);
        String matched = null;
        for (Digest token : tokens) {
            if (MessageDigest.isEqual(token.sha256(), digest)) {
                matched = token.name();
            }
        }
        return matched;
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader(TOKEN_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Digest(String name, byte[] sha256) {}
}
