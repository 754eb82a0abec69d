package dev.odoomcp.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The counters in this instance's memory: a Bucket4j token bucket (the whole minute's budget may be
 * spent in a burst) and a fair semaphore per key. The default, and what {@link RedisLimitBackend}
 * falls back to while Redis does not answer.
 */
final class LocalLimitBackend implements LimitBackend {

    private final UsedIds used = new UsedIds();

    @Override
    public KeyCounters counters(String scope, String key, int perMinute, int maxConcurrent, Shared shared) {
        return new Local(
                Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build(),
                new Semaphore(maxConcurrent, true));
    }

    @Override
    public State state() {
        return State.MEMORY;
    }

    @Override
    public boolean firstUse(String scope, String id, Duration ttl) {
        return used.firstUse(scope, id, ttl);
    }

    /** One key's bucket and running slots. */
    record Local(Bucket bucket, Semaphore running) implements KeyCounters {

        @Override
        public Permit acquire(Duration wait) throws InterruptedException {
            boolean taken =
                    wait.isZero() ? running.tryAcquire() : running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            return taken ? running::release : null;
        }

        @Override
        public long tryConsume() {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
        }
    }
}
