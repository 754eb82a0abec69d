package dev.odoomcp.security;

import org.springframework.core.Ordered;

/**
 * The order of the bridge's servlet filters, outermost first, in one place: the access log wraps
 * everything (so refusals are logged too), the firewall refuses paths that cannot be matched safely,
 * the token check comes before any body is read, the body is read (bounded in bytes and time)
 * before a request takes one of the in-flight slots.
 */
public final class EdgeOrder {

    /** {@code ops/RequestTraceFilter}: request id, access log line, request metrics. */
    public static final int TRACE = Ordered.HIGHEST_PRECEDENCE + 20;
    /** {@link EdgeFirewallFilter}. */
    static final int FIREWALL = Ordered.HIGHEST_PRECEDENCE + 30;
    /**
     * {@code oauth/OAuthBearerFilter}: opens an OAuth access token on {@code /mcp} (or answers its 401)
     * before the access-token check, which a valid OAuth token satisfies.
     */
    public static final int OAUTH_BEARER = Ordered.HIGHEST_PRECEDENCE + 35;
    /** {@link AccessTokenFilter}. */
    static final int ACCESS_TOKEN = Ordered.HIGHEST_PRECEDENCE + 40;
    /** {@link RequestBodyFilter}. */
    static final int REQUEST_BODY = Ordered.HIGHEST_PRECEDENCE + 50;
    /** {@link InFlightLimitFilter}. */
    static final int IN_FLIGHT = Ordered.HIGHEST_PRECEDENCE + 60;

    private EdgeOrder() {}
}
