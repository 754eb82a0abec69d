package dev.odoomcp.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Fairness limits of the shared bridge, bound from {@code mcp.*} properties or their environment
 * variables. One tenant (an Odoo database at one URL, named by {@link TenantIds}) cannot starve the
 * others, one client cannot take the whole server by rotating the databases it names, and calls
 * whose credentials are not yet known good (which may be junk aimed at someone else's Odoo) are
 * charged to the caller, never to the tenant they name. Checked at start-up: a bad value stops the
 * server with a message naming the variable.
 *
 * @param tenantRatePerMinute {@code MCP_TENANT_RATE_PER_MINUTE}: tool calls per minute per tenant (token bucket,
 *        the full minute's budget may be spent in a burst)
 * @param tenantMaxConcurrent {@code MCP_TENANT_MAX_CONCURRENT}: tool calls of one tenant running at once; more wait
 * @param maxInFlight {@code MCP_MAX_IN_FLIGHT}: requests to {@code /mcp} being served at once, all tenants together
 * @param requestTimeout {@code MCP_REQUEST_TIMEOUT}: total time one tool call may take, all its Odoo calls included
 * @param maxTrackedTenants {@code MCP_MAX_TRACKED_TENANTS}: tenants (and clients) whose counters are kept (least
 *        recently used go first)
 * @param queueTimeout {@code MCP_QUEUE_TIMEOUT}: how long a call may wait for a concurrency slot of its tenant or
 *        client before it is refused; at most four times the concurrency limit wait at once
 * @param clientRatePerMinute {@code MCP_CLIENT_RATE_PER_MINUTE}: tool calls per minute of one client (its
 *        access-token name, else its address), whatever Odoo it names
 * @param clientMaxConcurrent {@code MCP_CLIENT_MAX_CONCURRENT}: tool calls of one client running at once
 * @param unverifiedRatePerMinute {@code MCP_UNVERIFIED_RATE_PER_MINUTE}: calls per minute with credentials the
 *        bridge has not seen Odoo accept, per client and per credentials
 */
@ConfigurationProperties("mcp")
public record RequestLimitProperties(
        Integer tenantRatePerMinute,
        Integer tenantMaxConcurrent,
        Integer maxInFlight,
        Duration requestTimeout,
        Integer maxTrackedTenants,
        Duration queueTimeout,
        Integer clientRatePerMinute,
        Integer clientMaxConcurrent,
        Integer unverifiedRatePerMinute) {

    @ConstructorBinding
    public RequestLimitProperties {
        tenantRatePerMinute = within(tenantRatePerMinute, 300, 1, 1_000_000, "MCP_TENANT_RATE_PER_MINUTE");
        tenantMaxConcurrent = within(tenantMaxConcurrent, 8, 1, 10_000, "MCP_TENANT_MAX_CONCURRENT");
        maxInFlight = within(maxInFlight, 512, 1, 100_000, "MCP_MAX_IN_FLIGHT");
        requestTimeout = between(
                requestTimeout,
                Duration.ofSeconds(60),
                Duration.ofMillis(100),
                Duration.ofHours(1),
                "MCP_REQUEST_TIMEOUT",
                "60s");
        maxTrackedTenants = within(maxTrackedTenants, 100_000, 100, 10_000_000, "MCP_MAX_TRACKED_TENANTS");
        queueTimeout = between(
                queueTimeout, Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(5), "MCP_QUEUE_TIMEOUT", "5s");
        clientRatePerMinute = within(clientRatePerMinute, 1200, 1, 10_000_000, "MCP_CLIENT_RATE_PER_MINUTE");
        clientMaxConcurrent = within(clientMaxConcurrent, 64, 1, 100_000, "MCP_CLIENT_MAX_CONCURRENT");
        unverifiedRatePerMinute = within(unverifiedRatePerMinute, 120, 1, 1_000_000, "MCP_UNVERIFIED_RATE_PER_MINUTE");
    }

    /** The tenant limits and deadline given, every other limit at its default. */
    public RequestLimitProperties(
            Integer tenantRatePerMinute,
            Integer tenantMaxConcurrent,
            Integer maxInFlight,
            Duration requestTimeout,
            Integer maxTrackedTenants) {
        this(
                tenantRatePerMinute,
                tenantMaxConcurrent,
                maxInFlight,
                requestTimeout,
                maxTrackedTenants,
                null,
                null,
                null,
                null);
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

    private static Duration between(
            Duration value, Duration fallback, Duration min, Duration max, String env, String example) {
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(env + " must be between " + human(min) + " and " + human(max)
                    + " (for example " + example + "), was " + value);
        }
        return value;
    }

    private static String human(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        return d.toHoursPart() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 && d.toMillisPart() == 0
                ? d.toHours() + "h"
                : d.toMillis() % 60_000 == 0
                        ? d.toMinutes() + "m"
                        : d.toMillis() % 1000 == 0 ? d.getSeconds() + "s" : d.toMillis() + "ms";
    }
}
