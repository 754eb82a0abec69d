package dev.odoomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Admission for one kind of key (a tenant, a client, unverified credentials): a token bucket of calls
 * per minute and a cap on calls running at once for each key. A call over the concurrency cap waits
 * briefly in a bounded queue (so a burst of one company's users is served, not refused), and is
 * refused only when the queue is full or the wait runs out. State lives in a bounded map; a key
 * evicted while idle simply starts again with a full bucket. Decisions are values, so the caller can
 * count them.
 */
final class KeyedLimiter {

    /**
     * What the limiter guards, for its messages and metrics.
     *
     * @param subject who is limited, as the message says it: "this Odoo database", "this client", ...
     * @param rateReason reason reported when the bucket is empty
     * @param concurrencyReason reason reported when the running cap holds too long; null when the kind has none
     * @param rateVariable environment variable of the rate, named in the message
     * @param maxWaiting calls of one key that may wait for a running slot at once
     */
    record Kind(String subject, LimitReason rateReason, LimitReason concurrencyReason, String rateVariable,
            int perMinute, int maxConcurrent, int maxWaiting) {
    }

    /** The outcome of {@link #admit(String)}. */
    sealed interface Admission permits Admitted, Refused, NotNeeded {
    }

    /** The condition given to {@link #admit(String, BooleanSupplier)} held once a slot was free: nothing was taken. */
    record NotNeeded() implements Admission {
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

    private record KeyState(Bucket bucket, Semaphore running, AtomicInteger waiting) {
    }

    private final Kind kind;
    private final Duration maxWait;
    private final Cache<String, KeyState> states;

    KeyedLimiter(Kind kind, Duration maxWait, int maxKeys) {
        this.kind = kind;
        this.maxWait = maxWait;
        this.states = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /** Calls of {@code key} waiting for a running slot now; for tests. */
    int waiting(String key) {
        KeyState state = states.getIfPresent(key);
        return state == null ? 0 : state.waiting().get();
    }

    /**
     * Takes a running slot for {@code key} (waiting up to the queue timeout) and one call from its
     * bucket. Blocks the calling thread at most {@code maxWait}.
     */
    Admission admit(String key) {
        return admit(key, () -> false);
    }

    /**
     * As {@link #admit(String)}, but once a running slot is free, asks {@code notNeeded} first: when it
     * holds (e.g. a concurrent call has just verified the same credentials) the slot is given back and
     * nothing is charged.
     */
    Admission admit(String key, BooleanSupplier notNeeded) {
        KeyState state = states.get(key, k -> new KeyState(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(kind.perMinute())
                        .refillGreedy(kind.perMinute(), Duration.ofMinutes(1)).build())
                .build(), new Semaphore(kind.maxConcurrent(), true), new AtomicInteger()));
        Refused busy = acquire(state);
        if (busy != null) {
            return busy;
        }
        if (notNeeded.getAsBoolean()) {
            state.running().release();
            return new NotNeeded();
        }
        ConsumptionProbe probe = state.bucket().tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            state.running().release();
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            return new Refused(kind.rateReason(), Duration.ofSeconds(seconds), "Rate limit for " + kind.subject()
                    + " reached (" + kind.perMinute() + " calls per minute, " + kind.rateVariable() + "); retry in "
                    + seconds + " s.");
        }
        return new Admitted(state.running());
    }

    /** Takes a running slot, waiting in the bounded queue; null when taken, else the refusal. */
    private Refused acquire(KeyState state) {
        if (state.running().tryAcquire()) {
            return null;
        }
        String running = "Too many calls of " + kind.subject() + " are running at once (limit "
                + kind.maxConcurrent() + ")";
        if (!maxWait.isZero() && state.waiting().incrementAndGet() > kind.maxWaiting()) {
            state.waiting().decrementAndGet();
            return busy(running + " and " + kind.maxWaiting() + " more are already waiting; retry in 1 s.");
        }
        if (maxWait.isZero()) {
            return busy(running + "; retry in 1 s, when one has finished.");
        }
        try {
            return state.running().tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS) ? null
                    : busy(running + " and none finished within " + human(maxWait) + "; retry in 1 s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy(running + "; the wait was interrupted. Retry in 1 s.");
        } finally {
            state.waiting().decrementAndGet();
        }
    }

    private Refused busy(String message) {
        return new Refused(kind.concurrencyReason(), Duration.ofSeconds(1), message);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
