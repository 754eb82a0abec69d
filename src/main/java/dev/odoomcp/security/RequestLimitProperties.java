package dev.odoomcp.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fairness limits of the shared bridge, bound from {@code mcp.*} properties or their environment
 * variables. One tenant (an Odoo database at one URL, named by {@link TenantIds}) cannot starve the
 * others, and the server as a whole refuses work it cannot take instead of queueing it. Checked at
 * start-up: a bad value stops the server with a message naming the variable.
 *
 * @param tenantRatePerMinute {@code MCP_TENANT_RATE_PER_MINUTE}: tool calls per minute per tenant (token bucket,
 *        the full minute's budget may be spent in a burst)
 * @param tenantMaxConcurrent {@code MCP_TENANT_MAX_CONCURRENT}: tool calls of one tenant running at once
 * @param maxInFlight {@code MCP_MAX_IN_FLIGHT}: requests to {@code /mcp} being served at once, all tenants together
 * @param requestTimeout {@code MCP_REQUEST_TIMEOUT}: total time one tool call may take, all its Odoo calls included
 * @param maxTrackedTenants {@code MCP_MAX_TRACKED_TENANTS}: tenants whose counters are kept (least recently used go first)
 */
@ConfigurationProperties("mcp")
public record RequestLimitProperties(Integer tenantRatePerMinute, Integer tenantMaxConcurrent, Integer maxInFlight,
        Duration requestTimeout, Integer maxTrackedTenants) {

    public RequestLimitProperties {
        tenantRatePerMinute = within(tenantRatePerMinute, 300, 1, 1_000_000, "MCP_TENANT_RATE_PER_MINUTE");
        tenantMaxConcurrent = within(tenantMaxConcurrent, 8, 1, 10_000, "MCP_TENANT_MAX_CONCURRENT");
        maxInFlight = within(maxInFlight, 512, 1, 100_000, "MCP_MAX_IN_FLIGHT");
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        if (requestTimeout.compareTo(Duration.ofMillis(100)) < 0 || requestTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("MCP_REQUEST_TIMEOUT must be between 100ms and 1h (for example 60s), was "
                    + requestTimeout);
        }
        maxTrackedTenants = within(maxTrackedTenants, 100_000, 100, 10_000_000, "MCP_MAX_TRACKED_TENANTS");
    }

    /** Everything at its default. */
    public static RequestLimitProperties defaults() {
        return new RequestLimitProperties(null, null, null, null, null);
    }

    private static int within(Integer value, int fallback, int min, int max, String env) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(env + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
