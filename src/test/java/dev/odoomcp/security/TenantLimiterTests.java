package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantLimiterTests {

    private final TenantLimiter limiter = new TenantLimiter(new RequestLimitProperties(5, 2, null, null, null));

    @Test
    void aTenantOverItsRateIsRefusedWithARetryTimeAndOthersAreNot() {
        for (int i = 0; i < 5; i++) {
            release(limiter.admit("tenant-a"));
        }
        TenantLimiter.Admission refused = limiter.admit("tenant-a");
        assertThat(refused).isInstanceOfSatisfying(TenantLimiter.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(LimitReason.TENANT_RATE);
            // 5 per minute: the next token comes within 12 s
            assertThat(r.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(12));
            assertThat(r.message()).isEqualTo("Rate limit for this Odoo database reached (5 calls per minute); retry in "
                    + r.retryAfter().toSeconds() + " s.");
        });
        assertThat(limiter.admit("tenant-b")).isInstanceOf(TenantLimiter.Admitted.class);
    }

    @Test
    void concurrentCallsAboveTheCapAreRefusedUntilOneFinishes() {
        List<TenantLimiter.Admitted> running = new ArrayList<>();
        running.add((TenantLimiter.Admitted) limiter.admit("tenant-a"));
        running.add((TenantLimiter.Admitted) limiter.admit("tenant-a"));
        assertThat(limiter.admit("tenant-a")).isInstanceOfSatisfying(TenantLimiter.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(LimitReason.TENANT_CONCURRENCY);
            assertThat(r.message()).contains("limit 2").contains("retry in 1 s");
        });
        assertThat(limiter.admit("tenant-b")).isInstanceOf(TenantLimiter.Admitted.class);
        running.remove(0).release();
        assertThat(limiter.admit("tenant-a")).isInstanceOf(TenantLimiter.Admitted.class);
    }

    @Test
    void aConcurrencyRefusalDoesNotSpendTheRate() {
        TenantLimiter one = new TenantLimiter(new RequestLimitProperties(2, 1, null, null, null));
        TenantLimiter.Admitted first = (TenantLimiter.Admitted) one.admit("t");
        for (int i = 0; i < 10; i++) {
            assertThat(one.admit("t")).isInstanceOf(TenantLimiter.Refused.class);
        }
        first.release();
        assertThat(one.admit("t")).isInstanceOf(TenantLimiter.Admitted.class);
    }

    private static void release(TenantLimiter.Admission admission) {
        assertThat(admission).isInstanceOf(TenantLimiter.Admitted.class);
        ((TenantLimiter.Admitted) admission).release();
    }
}
