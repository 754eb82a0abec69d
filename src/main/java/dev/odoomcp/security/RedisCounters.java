package dev.odoomcp.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One key's counters with Redis: this instance's own slot first (so waiting calls queue here, in
 * order), then the cluster-wide one, asked again with a growing pause until the wait is over (no
 * Redis primitive wakes a waiter on another instance's release). Whenever Redis does not answer,
 * the local counters decide alone.
 */
final class RedisCounters implements LimitBackend.KeyCounters {

    private static final long FIRST_PAUSE = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LONGEST_PAUSE = TimeUnit.MILLISECONDS.toNanos(50);

    private final RedisLimitBackend redis;
    private final LimitBackend.KeyCounters local;
    private final byte[] runningKey;
    private final byte[] rateKey;
    private final BucketConfiguration rate;
    private final int maxConcurrent;
    private final boolean sharedRunning;
    private volatile BucketProxy bucket;

    RedisCounters(
            RedisLimitBackend redis,
            LimitBackend.KeyCounters local,
            byte[] runningKey,
            byte[] rateKey,
            BucketConfiguration rate,
            int maxConcurrent,
            boolean sharedRunning) {
        this.redis = redis;
        this.local = local;
        this.runningKey = runningKey;
        this.rateKey = rateKey;
        this.rate = rate;
        this.maxConcurrent = maxConcurrent;
        this.sharedRunning = sharedRunning;
    }

    @Override
    public LimitBackend.Permit acquire(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        LimitBackend.Permit here = local.acquire(wait);
        if (here == null || !sharedRunning) {
            return here;
        }
        byte[] id = redis.newPermitId();
        long pause = FIRST_PAUSE;
        while (true) {
            Boolean taken = redis.tryAcquire(runningKey, maxConcurrent, id);
            if (taken == null) {
                return here;
            }
            if (taken) {
                return () -> {
                    here.release();
                    redis.release(runningKey, id);
                };
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                here.release();
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                here.release();
                throw e;
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE);
        }
    }

    @Override
    public long tryConsume() {
        Long nanos = redis.tryConsume(connection -> {
            BucketProxy proxy = bucket;
            if (proxy == null) {
                proxy = redis.bucket(connection, rateKey, rate);
                bucket = proxy;
            }
            return proxy;
        });
        return nanos != null ? nanos : local.tryConsume();
    }
}
