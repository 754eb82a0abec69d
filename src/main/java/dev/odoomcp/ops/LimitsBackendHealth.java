package dev.odoomcp.ops;

import dev.odoomcp.security.LimitBackend;
import dev.odoomcp.security.LimitBackendProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code limitsBackend}, part of the readiness group: out of service while Redis
 * does not answer, but only when the operator asked for it ({@code REDIS_REQUIRED=true}), because
 * calls are still served under each instance's own limits. Otherwise always up, so that a Redis
 * outage never takes instances out of a load balancer by surprise.
 */
@Component("limitsBackend")
class LimitsBackendHealth implements HealthIndicator {

    private final LimitBackend backend;
    private final boolean required;

    LimitsBackendHealth(LimitBackend backend, LimitBackendProperties redis) {
        this.backend = backend;
        this.required = redis.required();
    }

    @Override
    public Health health() {
        return required && backend.state() == LimitBackend.State.FALLBACK
                ? Health.outOfService().build()
                : Health.up().build();
    }
}
