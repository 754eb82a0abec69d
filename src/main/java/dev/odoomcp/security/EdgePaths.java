package dev.odoomcp.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which HTTP paths are what, decided in one place for every servlet filter. Filters match on the
 * path the container decoded and normalised ({@code servletPath + pathInfo}, the one Spring MVC
 * routes on), never on the raw request URI: {@code /m%63p} is {@code /mcp}. What cannot be matched
 * safely (path parameters, encoded separators, dot segments) {@link EdgeFirewallFilter} has already
 * refused. Everything not listed in {@link #PUBLIC} needs the access token when one is configured.
 */
public final class EdgePaths {

    /** The MCP endpoint. */
    public static final String MCP = "/mcp";

    /**
     * Paths anyone may call without an access token, as Spring {@link PathPattern}s ({@code *} within a
     * segment, {@code /**} at the end). Extend this list, nowhere else.
     */
    static final List<String> PUBLIC = List.of(
            "/health",
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            // OAuth discovery, registration, consent and token endpoints (package oauth): a client reaches
            // them before it has any token; they answer 404 when OAuth is off.
            "/.well-known/oauth-protected-resource",
            "/.well-known/oauth-protected-resource/**",
            "/.well-known/oauth-authorization-server",
            "/.well-known/oauth-authorization-server/**",
            "/.well-known/openid-configuration",
            "/.well-known/openid-configuration/**",
            "/oauth/**");

    private static final List<PathPattern> PUBLIC_PATTERNS =
            PUBLIC.stream().map(PathPatternParser.defaultInstance::parse).toList();

    private EdgePaths() {}

    /** The decoded, normalised path of the request within the application. */
    public static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** The MCP endpoint or anything below it. */
    public static boolean isMcp(HttpServletRequest request) {
        String path = of(request);
        return path.equals(MCP) || path.startsWith(MCP + "/");
    }

    /** Open without an access token. */
    static boolean isPublic(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(of(request));
        return PUBLIC_PATTERNS.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
