package dev.odoomcp.security;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where the limits count, once at start-up: in memory, or on Redis when {@code REDIS_URL}
 * is set. Shared counters need every instance to name a tenant the same way, so Redis without
 * {@code MCP_TENANT_HASH_KEY} stops the start with a message saying so.
 */
@Configuration(proxyBeanMethods = false)
class LimitBackendConfiguration {

    /** How often a Redis that stopped answering is asked again. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    @Bean(destroyMethod = "close")
    LimitBackend limitBackend(LimitBackendProperties redis, RequestLimitProperties limits, TenantIds tenantIds) {
        if (redis.url() == null) {
            return new LocalLimitBackend();
        }
        if (!tenantIds.configured()) {
            throw new IllegalStateException("REDIS_URL is set, so the instances share their limits by tenant id: set "
                    + "MCP_TENANT_HASH_KEY to the same secret (16+ characters) on every instance, e.g. from "
                    + "openssl rand -hex 24.");
        }
        return new RedisLimitBackend(new RedisLink(redis, PROBE_EVERY), tenantIds, lease(limits), redis.timeout());
    }

    /**
     * How long a running slot stays taken when its holder never gives it back: longer than any call may
     * run ({@code MCP_REQUEST_TIMEOUT}, after {@code MCP_QUEUE_TIMEOUT} of waiting), plus a margin for
     * the abort; after an instance crashes, its slots are free again within this time.
     */
    static Duration lease(RequestLimitProperties limits) {
        return limits.requestTimeout().plus(limits.queueTimeout()).plusSeconds(30);
    }
}
