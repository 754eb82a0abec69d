package dev.odoomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Per-tenant admission: a token bucket of calls per minute and a cap on calls running at once, for
 * each tenant id (never a credential). State lives in a bounded map; a tenant evicted while idle
 * simply starts again with a full bucket. Decisions are values, so the caller can count them.
 */
final class TenantLimiter {

    /** The outcome of {@link #admit(String)}. */
    sealed interface Admission permits Admitted, Refused {
    }

    /** The call may run; {@link #release()} exactly once when it has finished. */
    record Admitted(Semaphore running) implements Admission {
        void release() {
            running.release();
        }
    }

    /** The call may not run now. */
    record Refused(LimitReason reason, Duration retryAfter, String message) implements Admission {
        LimitExceededException toException() {
            return new LimitExceededException(reason, retryAfter, message);
        }
    }

    private record TenantState(Bucket bucket, Semaphore running) {
    }

    private final int perMinute;
    private final int maxConcurrent;
    private final Cache<String, TenantState> tenants;

    TenantLimiter(RequestLimitProperties limits) {
        this.perMinute = limits.tenantRatePerMinute();
        this.maxConcurrent = limits.tenantMaxConcurrent();
        this.tenants = Caffeine.newBuilder().maximumSize(limits.maxTrackedTenants())
                .expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    Admission admit(String tenantId) {
        TenantState state = tenants.get(tenantId, id -> new TenantState(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build(), new Semaphore(maxConcurrent)));
        if (!state.running().tryAcquire()) {
            return new Refused(LimitReason.TENANT_CONCURRENCY, Duration.ofSeconds(1), "Too many calls to this Odoo "
                    + "database are running at once (limit " + maxConcurrent + "); retry in 1 s, when one has finished.");
        }
        ConsumptionProbe probe = state.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            state.running().release();
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return new Refused(LimitReason.TENANT_RATE, Duration.ofSeconds(seconds), "Rate limit for this Odoo database "
                    + "reached (" + perMinute + " calls per minute); retry in " + seconds + " s.");
        }
        return new Admitted(state.running());
    }
}
