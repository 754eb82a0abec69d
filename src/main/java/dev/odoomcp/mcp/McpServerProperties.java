package dev.odoomcp.mcp;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the MCP endpoint, bound from {@code mcp.*} properties or their environment
 * variables ({@code MCP_ALLOWED_ORIGINS}, {@code MCP_PAGE_SIZE}, ...; the body limits are
 * {@link dev.odoomcp.security.RequestBodyProperties}). Checked at start-up so
 * a bad value stops the server with a message naming the variable.
 *
 * @param allowedOrigins browser origins allowed to call {@code /mcp} (DNS-rebinding protection);
 *        entries are exact origins or patterns with {@code *} for the port or a subdomain, e.g.
 *        {@code https://*.example.com}; {@code *} allows any. Requests without an Origin header are
 *        always allowed (they do not come from a browser page).
 * @param pageSize items per page of {@code tools/list}, {@code resources/list} and {@code prompts/list}
 * @param listCacheTtl how long a client may cache list results (2026-07-28 {@code ttlMs} hint)
 * @param instructions text given to the model at initialization; blank for the built-in text
 */
@ConfigurationProperties("mcp")
public record McpServerProperties(
        List<String> allowedOrigins, Integer pageSize, Duration listCacheTtl, String instructions) {

    static final List<String> LOOPBACK_ORIGINS = List.of(
            "http://localhost:*",
            "http://127.0.0.1:*",
            "http://[::1]:*",
            "https://localhost:*",
            "https://127.0.0.1:*",
            "https://[::1]:*");

    public McpServerProperties {
        allowedOrigins = allowedOrigins == null
                ? LOOPBACK_ORIGINS
                : allowedOrigins.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        pageSize = pageSize == null ? 100 : pageSize;
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("MCP_PAGE_SIZE must be between 1 and 1000, was " + pageSize);
        }
        listCacheTtl = listCacheTtl == null ? Duration.ofMinutes(5) : listCacheTtl;
        if (listCacheTtl.isNegative()) {
            throw new IllegalArgumentException("MCP_LIST_CACHE_TTL must not be negative, was " + listCacheTtl);
        }
        instructions = instructions == null ? "" : instructions.strip();
    }
}
