package dev.odoomcp.odoo;

import dev.odoomcp.security.HostAllowList;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Operator settings for reaching tenants' Odoo servers, bound from environment variables
 * ({@code ODOO_ALLOWED_HOSTS} → {@code odoo.allowed-hosts}, and so on). Defaults live here, so the
 * bridge is safe with no configuration at all: public HTTPS hosts only.
 *
 * @param allowedHosts {@code ODOO_ALLOWED_HOSTS}: host patterns ({@code *.odoo.com,erp.example.com}); empty = any public host
 * @param allowPrivateNetworks {@code ODOO_ALLOW_PRIVATE_NETWORKS}: permit loopback, private and link-local targets
 * @param allowHttp {@code ODOO_ALLOW_HTTP}: permit plain {@code http://} Odoo URLs
 * @param connectTimeout {@code ODOO_CONNECT_TIMEOUT}: TCP + TLS connect deadline
 * @param responseTimeout {@code ODOO_RESPONSE_TIMEOUT}: longest silence while waiting for Odoo's answer
 * @param maxResponseSize {@code ODOO_MAX_RESPONSE_SIZE}: larger answers are cut off with an error
 * @param answerMemoryBudget {@code ODOO_ANSWER_MEMORY_BUDGET}: heap all answers being read and parsed may take at
 *        once (see {@link AnswerBudget}); an answer that does not fit is refused. At least
 *        {@value AnswerBudget#JSON_EXPANSION} times {@code maxResponseSize}, so that the largest allowed answer fits
 * @param maxConcurrentPerHost {@code ODOO_MAX_CONCURRENT_PER_HOST}: the most requests in flight to one Odoo host
 *        (its share shrinks while many hosts are busy, see {@link ConnectionShares}); at most {@code maxConnections}
 * @param hostQueueTimeout {@code ODOO_HOST_QUEUE_TIMEOUT}: how long a request may wait for a connection slot
 * @param maxConnections {@code ODOO_MAX_CONNECTIONS}: connections to all hosts together, shared fairly between hosts
 * @param versionCacheTtl {@code ODOO_VERSION_CACHE_TTL}: how long a detected version/protocol is reused per URL
 * @param uidCacheTtl {@code ODOO_UID_CACHE_TTL}: how long a successful login (uid) is reused per credentials
 * @param authFailureCacheTtl {@code ODOO_AUTH_FAILURE_CACHE_TTL}: how long a refused login is answered from cache
 * @param cacheMaxEntries {@code ODOO_CACHE_MAX_ENTRIES}: bound of each of those caches
 */
@ConfigurationProperties("odoo")
public record OdooProperties(
        List<String> allowedHosts,
        boolean allowPrivateNetworks,
        boolean allowHttp,
        Duration connectTimeout,
        Duration responseTimeout,
        DataSize maxResponseSize,
        DataSize answerMemoryBudget,
        Integer maxConcurrentPerHost,
        Duration hostQueueTimeout,
        Integer maxConnections,
        Duration versionCacheTtl,
        Duration uidCacheTtl,
        Duration authFailureCacheTtl,
        Integer cacheMaxEntries) {

    public OdooProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        for (String pattern : allowedHosts) {
            String problem = HostAllowList.problemWith(pattern);
            if (problem != null) {
                throw new IllegalArgumentException("ODOO_ALLOWED_HOSTS: " + problem
                        + "; use a comma-separated list like '*.odoo.com,erp.example.com'.");
            }
        }
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "ODOO_CONNECT_TIMEOUT");
        responseTimeout = positive(responseTimeout, Duration.ofSeconds(120), "ODOO_RESPONSE_TIMEOUT");
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(8) : maxResponseSize;
        if (maxResponseSize.toBytes() < 1024 || maxResponseSize.toBytes() > 128L * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "ODOO_MAX_RESPONSE_SIZE must be between 1KB and 128MB, was " + human(maxResponseSize.toBytes()));
        }
        answerMemoryBudget = answerMemoryBudget == null ? DataSize.ofMegabytes(96) : answerMemoryBudget;
        long smallest = maxResponseSize.toBytes() * AnswerBudget.JSON_EXPANSION;
        if (answerMemoryBudget.toBytes() < smallest) {
            throw new IllegalArgumentException("ODOO_ANSWER_MEMORY_BUDGET (" + human(answerMemoryBudget.toBytes())
                    + ") must be at least " + AnswerBudget.JSON_EXPANSION + " x ODOO_MAX_RESPONSE_SIZE ("
                    + human(maxResponseSize.toBytes()) + ") = " + human(smallest)
                    + ", the heap one answer of the largest allowed size may take"
                    + " while it is parsed; raise it (and the heap), or lower ODOO_MAX_RESPONSE_SIZE.");
        }
        maxConcurrentPerHost = atLeastOne(maxConcurrentPerHost, 16, "ODOO_MAX_CONCURRENT_PER_HOST");
        hostQueueTimeout = positive(hostQueueTimeout, Duration.ofSeconds(10), "ODOO_HOST_QUEUE_TIMEOUT");
        maxConnections = atLeastOne(maxConnections, 200, "ODOO_MAX_CONNECTIONS");
        if (maxConcurrentPerHost > maxConnections) {
            throw new IllegalArgumentException("ODOO_MAX_CONCURRENT_PER_HOST (" + maxConcurrentPerHost
                    + ") must not exceed ODOO_MAX_CONNECTIONS (" + maxConnections + ").");
        }
        versionCacheTtl = positive(versionCacheTtl, Duration.ofMinutes(10), "ODOO_VERSION_CACHE_TTL");
        uidCacheTtl = positive(uidCacheTtl, Duration.ofMinutes(10), "ODOO_UID_CACHE_TTL");
        authFailureCacheTtl = positive(authFailureCacheTtl, Duration.ofSeconds(30), "ODOO_AUTH_FAILURE_CACHE_TTL");
        cacheMaxEntries = atLeastOne(cacheMaxEntries, 10_000, "ODOO_CACHE_MAX_ENTRIES");
    }

    /** Everything at its default: public HTTPS hosts only. */
    public static OdooProperties defaults() {
        return new OdooProperties(null, false, false, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String human(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + "MB" : bytes % 1024 == 0 ? (bytes >> 10) + "KB" : bytes + "B";
    }

    private static Duration positive(Duration value, Duration fallback, String env) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(env + " must be a positive duration (e.g. 30s), was " + value);
        }
        return value;
    }

    private static int atLeastOne(Integer value, int fallback, String env) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException(env + " must be at least 1, was " + value);
        }
        return value;
    }
}
