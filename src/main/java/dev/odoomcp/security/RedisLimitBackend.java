package dev.odoomcp.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The limits' counters on Redis, shared by every instance ({@code REDIS_URL}): token buckets through
 * Bucket4j's Lettuce integration (compare-and-swap scripts, so no instance holds a lock) and running
 * slots through {@link RedisSemaphore}. Each key also keeps this instance's own counters: they apply
 * on top (an instance never runs more than the cap itself) and alone while Redis does not answer —
 * the bridge fails open to its local limits rather than refusing or hanging. {@link RedisLink} owns
 * the connection, the short timeout and the state, and brings the cluster-wide limits back by itself.
 * Keys are keyed hashes ({@link TenantIds#digest}), so Redis holds no address or token name.
 */
final class RedisLimitBackend implements LimitBackend {

    private static final String PREFIX = "odoo-mcp:limits:";
    private static final byte[] ONE = {'1'};

    private final RedisLink link;
    private final TenantIds names;
    private final RedisSemaphore semaphore;
    private final LocalLimitBackend local = new LocalLimitBackend();
    private final Duration timeout;
    private final String instance =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final AtomicLong permits = new AtomicLong();
    private volatile LettuceBasedProxyManager<byte[]> buckets;

    /**
     * @param lease how long a running slot stays taken if its holder never gives it back (crash, lost Redis)
     */
    RedisLimitBackend(RedisLink link, TenantIds names, Duration lease, Duration timeout) {
        this.link = link;
        this.names = names;
        this.semaphore = new RedisSemaphore(lease);
        this.timeout = timeout;
    }

    @Override
    public KeyCounters counters(String scope, String key, int perMinute, int maxConcurrent, Shared shared) {
        KeyCounters here = local.counters(scope, key, perMinute, maxConcurrent, shared);
        String base = PREFIX + scope + ":" + names.digest(key);
        BucketConfiguration rate = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
        // The rate is part of the bucket's key: a changed MCP_*_RATE_PER_MINUTE starts a new bucket.
        return new RedisCounters(
                this,
                here,
                RedisSemaphore.ascii(base + ":running"),
                RedisSemaphore.ascii(base + ":rate:" + perMinute),
                rate,
                maxConcurrent,
                shared == Shared.RATE_AND_RUNNING);
    }

    @Override
    public State state() {
        return link.up() ? State.REDIS : State.FALLBACK;
    }

    @Override
    public boolean firstUse(String scope, String id, Duration ttl) {
        byte[] key = RedisSemaphore.ascii(PREFIX + "once:" + scope + ":" + names.digest(id));
        Boolean first = attempt(redis ->
                "OK".equals(redis.sync().set(key, ONE, SetArgs.Builder.nx().px(ttl.toMillis()))));
        boolean here = local.firstUse(scope, id, ttl); // also remembered here, for a replay while Redis is down
        return first == null ? here : first;
    }

    /** Takes a cluster-wide slot; null when Redis did not answer (the caller keeps its local slot only). */
    Boolean tryAcquire(byte[] key, int max, byte[] id) {
        return attempt(redis -> semaphore.tryAcquire(redis, key, max, id));
    }

    void release(byte[] key, byte[] id) {
        link.whenUp(redis -> semaphore.release(redis, key, id));
    }

    /**
     * One call from the cluster-wide bucket: 0 taken, else nanoseconds to wait; null when Redis did not
     * answer. {@code bucket} is the key's proxy, made by {@link #bucket} once per key.
     */
    Long tryConsume(java.util.function.Function<StatefulRedisConnection<byte[], byte[]>, BucketProxy> bucket) {
        return attempt(redis -> {
            ConsumptionProbe probe = bucket.apply(redis).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0L : Math.max(1L, probe.getNanosToWaitForRefill());
        });
    }

    /**
     * The proxy of one key's bucket on Redis. Batching (exact, no local approximation) merges the
     * concurrent calls of one key into one compare-and-swap, which otherwise conflict and retry.
     */
    BucketProxy bucket(StatefulRedisConnection<byte[], byte[]> redis, byte[] key, BucketConfiguration rate) {
        return buckets(redis)
                .builder()
                .withOptimization(Optimizations.batching())
                .build(key, () -> rate);
    }

    byte[] newPermitId() {
        return RedisSemaphore.ascii(instance + ":" + permits.incrementAndGet());
    }

    private <T> T attempt(Function<StatefulRedisConnection<byte[], byte[]>, T> command) {
        StatefulRedisConnection<byte[], byte[]> redis = link.connection();
        if (redis == null) {
            return null;
        }
        try {
            return command.apply(redis);
        } catch (RedisCommandInterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            link.failed(e);
            return null;
        }
    }

    private LettuceBasedProxyManager<byte[]> buckets(StatefulRedisConnection<byte[], byte[]> redis) {
        LettuceBasedProxyManager<byte[]> current = buckets;
        if (current == null) {
            // A bucket key lives until its bucket would be full again (plus a margin), so idle keys leave Redis.
            current = Bucket4jLettuce.casBasedBuilder(redis)
                    .requestTimeout(timeout)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
            buckets = current;
        }
        return current;
    }

    @Override
    public void close() {
        link.close();
    }
}
