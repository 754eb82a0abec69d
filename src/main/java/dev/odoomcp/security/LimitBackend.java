package dev.odoomcp.security;

import java.time.Duration;

/**
 * Where the per-key counters of the limits live, chosen once at start-up: in this instance's memory
 * (the default, {@link LocalLimitBackend}) or shared by every instance on Redis
 * ({@code REDIS_URL}, {@link RedisLimitBackend}). {@link KeyedLimiter} keeps the admission logic
 * (queue, messages, refusals) and asks the backend only for a running slot and a token of a key. The same
 * place remembers single-use ids (a confirmation that was already used), so that on Redis a replay to
 * another instance is refused too.
 */
public interface LimitBackend extends AutoCloseable {

    /** Where the counters live right now, for metrics and readiness. */
    enum State {
        /** In this instance's memory; no Redis configured. */
        MEMORY,
        /** On Redis, shared by every instance: the limits hold for the whole cluster. */
        REDIS,
        /** Redis configured but not answering: this instance's own limits apply until it answers again. */
        FALLBACK
    }

    /** The counters of one key: a running-slot cap and a token bucket of calls per minute. */
    interface KeyCounters {

        /**
         * Takes a running slot, waiting at most {@code wait} for one to free up.
         *
         * @return the slot, to release exactly once when the call has finished; null when none freed in time
         */
        Permit acquire(Duration wait) throws InterruptedException;

        /** Takes one call from the bucket: 0 when taken, else the nanoseconds until one is there. */
        long tryConsume();
    }

    /** A running slot held by one call. */
    @FunctionalInterface
    interface Permit {
        void release();
    }

    /** Which of a key's counters a shared backend keeps for the whole cluster. */
    enum Shared {
        /** The bucket only; running slots stay this instance's (they guard its own threads and connections). */
        RATE,
        /** The bucket and the running slots (they guard the tenant's Odoo, which every instance calls). */
        RATE_AND_RUNNING
    }

    /**
     * The counters of {@code key} in {@code scope} (one scope per kind of limit: "tenant", "client").
     * Called once per key while it is tracked; the counters must be safe for concurrent use.
     */
    KeyCounters counters(String scope, String key, int perMinute, int maxConcurrent, Shared shared);

    State state();

    /**
     * Records the use of a single-use id: true the first time {@code id} is seen in {@code scope} within
     * {@code ttl} (which should outlast the id's own validity), false on a replay. On Redis it holds for the
     * whole cluster; while Redis does not answer, for this instance only.
     */
    boolean firstUse(String scope, String id, Duration ttl);

    @Override
    default void close() {}
}
