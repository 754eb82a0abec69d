package dev.odoomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Admission for one kind of key (a tenant, a client, unverified credentials): a token bucket of calls
 * per minute and a cap on calls running at once for each key. A call over the concurrency cap waits
 * briefly in a bounded queue (so a burst of one company's users is served, not refused), and is
 * refused only when the queue is full or the wait runs out. State lives in a bounded map; a key
 * evicted while idle simply starts again with a full bucket. Decisions are values, so the caller can
 * count them. Where the counters live (this instance, or Redis for the whole cluster) is the
 * {@link LimitBackend}'s business; the wait queue is always this instance's own.
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
    record Kind(
            String subject,
            LimitReason rateReason,
            LimitReason concurrencyReason,
            String rateVariable,
            int perMinute,
            int maxConcurrent,
            int maxWaiting) {}

    /** The outcome of {@link #admit(String)}. */
    sealed interface Admission permits Admitted, Refused, NotNeeded {}

    /** The condition given to {@link #admit(String, BooleanSupplier)} held once a slot was free: nothing was taken. */
    record NotNeeded() implements Admission {}

    /** The call may run; {@link #release()} exactly once when it has finished. */
    record Admitted(LimitBackend.Permit running) implements Admission {
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

    private record KeyState(LimitBackend.KeyCounters counters, AtomicInteger waiting) {}

    private final Kind kind;
    private final Duration maxWait;
    private final String scope;
    private final LimitBackend backend;
    private final LimitBackend.Shared shared;
    private final Cache<String, KeyState> states;

    /** Counters in this instance's memory. */
    KeyedLimiter(Kind kind, Duration maxWait, int maxKeys) {
        this(kind, maxWait, maxKeys, "local", new LocalLimitBackend(), LimitBackend.Shared.RATE);
    }

    /** Counters of {@code scope} ("tenant", "client") in {@code backend}, {@code shared} as far as it shares. */
    KeyedLimiter(
            Kind kind, Duration maxWait, int maxKeys, String scope, LimitBackend backend, LimitBackend.Shared shared) {
        this.kind = kind;
        this.maxWait = maxWait;
        this.scope = scope;
        this.backend = backend;
        this.shared = shared;
        this.states = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
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
        KeyState state = states.get(
                key,
                k -> new KeyState(
                        backend.counters(scope, k, kind.perMinute(), kind.maxConcurrent(), shared),
                        new AtomicInteger()));
        Slot slot = acquire(state);
        if (slot.refused() != null) {
            return slot.refused();
        }
        LimitBackend.Permit running = slot.permit();
        if (notNeeded.getAsBoolean()) {
            running.release();
            return new NotNeeded();
        }
        long nanos = state.counters().tryConsume();
        if (nanos > 0) {
            running.release();
            long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
            return new Refused(
                    kind.rateReason(),
                    Duration.ofSeconds(seconds),
                    "Rate limit for " + kind.subject()
                            + " reached (" + kind.perMinute() + " calls per minute, " + kind.rateVariable()
                            + "); retry in "
                            + seconds + " s.");
        }
        return new Admitted(running);
    }

    /** A running slot, or why there is none. */
    private record Slot(LimitBackend.Permit permit, Refused refused) {}

    /** Takes a running slot, waiting in the bounded queue. */
    private Slot acquire(KeyState state) {
        String running = null;
        try {
            LimitBackend.Permit now = state.counters().acquire(Duration.ZERO);
            if (now != null) {
                return new Slot(now, null);
            }
            running = running();
            if (maxWait.isZero()) {
                return busy(running + "; retry in 1 s, when one has finished.");
            }
            if (state.waiting().incrementAndGet() > kind.maxWaiting()) {
                state.waiting().decrementAndGet();
                return busy(running + " and " + kind.maxWaiting() + " more are already waiting; retry in 1 s.");
            }
            try {
                LimitBackend.Permit later = state.counters().acquire(maxWait);
                return later != null
                        ? new Slot(later, null)
                        : busy(running + " and none finished within " + human(maxWait) + "; retry in 1 s.");
            } finally {
                state.waiting().decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy((running == null ? running() : running) + "; the wait was interrupted. Retry in 1 s.");
        }
    }

    private String running() {
        return "Too many calls of " + kind.subject() + " are running at once (limit " + kind.maxConcurrent() + ")";
    }

    private Slot busy(String message) {
        return new Slot(null, new Refused(kind.concurrencyReason(), Duration.ofSeconds(1), message));
    }

    /** "5 s" or "300 ms", as messages and log lines say a duration. */
    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
