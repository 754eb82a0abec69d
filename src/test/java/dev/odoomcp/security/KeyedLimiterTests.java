package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyedLimiterTests {

    private static KeyedLimiter limiter(int perMinute, int maxConcurrent, int maxWaiting, Duration wait) {
        return new KeyedLimiter(
                new KeyedLimiter.Kind(
                        "this Odoo database",
                        LimitReason.TENANT_RATE,
                        LimitReason.TENANT_CONCURRENCY,
                        "MCP_TENANT_RATE_PER_MINUTE",
                        perMinute,
                        maxConcurrent,
                        maxWaiting),
                wait,
                1000);
    }

    private final KeyedLimiter limiter = limiter(5, 2, 8, Duration.ZERO);

    @Test
    void aKeyOverItsRateIsRefusedWithARetryTimeAndOthersAreNot() {
        for (int i = 0; i < 5; i++) {
            release(limiter.admit("tenant-a"));
        }
        KeyedLimiter.Admission refused = limiter.admit("tenant-a");
        assertThat(refused).isInstanceOfSatisfying(KeyedLimiter.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(LimitReason.TENANT_RATE);
            // 5 per minute: the next token comes within 12 s
            assertThat(r.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(12));
            assertThat(r.message())
                    .isEqualTo("Rate limit for this Odoo database reached (5 calls per minute, "
                            + "MCP_TENANT_RATE_PER_MINUTE); retry in "
                            + r.retryAfter().toSeconds() + " s.");
        });
        assertThat(limiter.admit("tenant-b")).isInstanceOf(KeyedLimiter.Admitted.class);
    }

    @Test
    void withoutAQueueCallsAboveTheCapAreRefusedUntilOneFinishes() {
        List<KeyedLimiter.Admitted> running = new ArrayList<>();
        running.add((KeyedLimiter.Admitted) limiter.admit("tenant-a"));
        running.add((KeyedLimiter.Admitted) limiter.admit("tenant-a"));
        assertThat(limiter.admit("tenant-a")).isInstanceOfSatisfying(KeyedLimiter.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(LimitReason.TENANT_CONCURRENCY);
            assertThat(r.message()).contains("limit 2").contains("retry in 1 s");
        });
        assertThat(limiter.admit("tenant-b")).isInstanceOf(KeyedLimiter.Admitted.class);
        running.remove(0).release();
        assertThat(limiter.admit("tenant-a")).isInstanceOf(KeyedLimiter.Admitted.class);
    }

    @Test
    void aConcurrencyRefusalDoesNotSpendTheRate() {
        KeyedLimiter one = limiter(2, 1, 4, Duration.ZERO);
        KeyedLimiter.Admitted first = (KeyedLimiter.Admitted) one.admit("t");
        for (int i = 0; i < 10; i++) {
            assertThat(one.admit("t")).isInstanceOf(KeyedLimiter.Refused.class);
        }
        first.release();
        assertThat(one.admit("t")).isInstanceOf(KeyedLimiter.Admitted.class);
    }

    @Test
    void aCallOverTheCapWaitsForARunningOneToFinish() throws Exception {
        KeyedLimiter queued = limiter(100, 1, 4, Duration.ofSeconds(30));
        KeyedLimiter.Admitted first = (KeyedLimiter.Admitted) queued.admit("t");
        CompletableFuture<KeyedLimiter.Admission> second = CompletableFuture.supplyAsync(() -> queued.admit("t"));
        Thread.sleep(100); // not a timing assertion: only gives the second call the chance to be admitted wrongly
        assertThat(second).isNotDone();
        first.release();
        assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(KeyedLimiter.Admitted.class);
    }

    @Test
    void aWaitingCallIsRefusedWhenNoSlotFreesInTime() {
        KeyedLimiter queued = limiter(100, 1, 4, Duration.ofMillis(300));
        KeyedLimiter.Admitted first = (KeyedLimiter.Admitted) queued.admit("t");
        assertThat(queued.admit("t")).isInstanceOfSatisfying(KeyedLimiter.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(LimitReason.TENANT_CONCURRENCY);
            assertThat(r.message())
                    .isEqualTo("Too many calls of this Odoo database are running at once (limit 1) "
                            + "and none finished within 300 ms; retry in 1 s.");
        });
        assertThat(queued.waiting("t")).isZero();
        first.release();
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        KeyedLimiter queued = limiter(100, 1, 1, Duration.ofSeconds(30));
        KeyedLimiter.Admitted first = (KeyedLimiter.Admitted) queued.admit("t");
        CompletableFuture<KeyedLimiter.Admission> second = CompletableFuture.supplyAsync(() -> queued.admit("t"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> queued.waiting("t") == 1);
        long start = System.nanoTime();
        assertThat(queued.admit("t")).isInstanceOf(KeyedLimiter.Refused.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        first.release();
        assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(KeyedLimiter.Admitted.class);
    }

    @Test
    void whenTheConditionHoldsOnceASlotIsFreeNothingIsTaken() {
        KeyedLimiter one = limiter(1, 1, 4, Duration.ZERO);
        assertThat(one.admit("t", () -> true)).isInstanceOf(KeyedLimiter.NotNeeded.class);
        assertThat(one.admit("t", () -> true)).isInstanceOf(KeyedLimiter.NotNeeded.class);
        // neither the slot nor the single token of the minute was spent
        assertThat(one.admit("t")).isInstanceOf(KeyedLimiter.Admitted.class);
    }

    private static void release(KeyedLimiter.Admission admission) {
        assertThat(admission).isInstanceOf(KeyedLimiter.Admitted.class);
        ((KeyedLimiter.Admitted) admission).release();
    }
}
