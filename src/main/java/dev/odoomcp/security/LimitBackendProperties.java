package dev.odoomcp.security;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the limits keep their counters, bound from {@code redis.*} or its environment variables.
 * Without {@code REDIS_URL} every instance counts for itself (the default); with it the tenant and
 * client budgets are shared by all instances on Redis (or Valkey). Checked at start-up; the URL,
 * which may hold a password, is never printed.
 *
 * @param url {@code REDIS_URL}: {@code redis://[user:password@]host:port} or {@code rediss://…} (TLS), e.g. a
 *        DigitalOcean Managed Valkey connection string; empty for in-memory limits
 * @param required {@code REDIS_REQUIRED}: when true, readiness (and {@code /health}) reports out of service while
 *        Redis does not answer; calls are still served under this instance's own limits
 * @param timeout {@code REDIS_TIMEOUT}: how long one Redis command may take before this instance falls back to its
 *        own limits
 */
@ConfigurationProperties("redis")
public record LimitBackendProperties(String url, Boolean required, Duration timeout) {

    public LimitBackendProperties {
        url = url == null || url.isBlank() ? null : url.strip();
        required = required != null && required;
        timeout = timeout == null ? Duration.ofMillis(200) : timeout;
        if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(
                    "REDIS_TIMEOUT must be between 10ms and 10s (for example 200ms), was " + timeout);
        }
        if (url != null) {
            checkUrl(url);
        }
        if (required && url == null) {
            throw new IllegalArgumentException("REDIS_REQUIRED=true needs REDIS_URL: set it to your Redis or Valkey "
                    + "(redis://host:6379 or rediss://user:password@host:port), or drop REDIS_REQUIRED.");
        }
    }

    /** No Redis: in-memory limits. */
    public static LimitBackendProperties none() {
        return new LimitBackendProperties(null, false, null);
    }

    /** The host and port of {@link #url}, without credentials, for log lines. */
    public String where() {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + (uri.getPort() == -1 ? 6379 : uri.getPort());
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("REDIS_URL is not a URL; use redis://host:6379 or "
                    + "rediss://user:password@host:port (the value is not shown: it may hold a password).");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss:// (TLS) and name a host, "
                    + "e.g. rediss://default:password@db-valkey-fra1-12345.db.ondigitalocean.com:25061 (the value is "
                    + "not shown: it may hold a password).");
        }
    }

    @Override
    public String toString() {
        return "LimitBackendProperties[url=" + (url == null ? "none" : where()) + ", required=" + required
                + ", timeout=" + timeout + "]";
    }
}
