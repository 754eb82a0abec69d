package dev.odoomcp.security;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A counting semaphore on Redis whose permits are leases: a sorted set per key holds one member per
 * running call, scored with the end of its lease in Redis's own clock. Taking a permit first drops
 * expired leases, so the permits of an instance that crashed (or lost Redis while holding them)
 * come back at the latest one lease later; no instance's clock is involved. Lettuce has no such
 * primitive and Redisson's ({@code RPermitExpirableSemaphore}) would bring a second Redis client
 * with Jackson 2 and its own codecs, so this is the smallest correct design: one atomic script to
 * take, one {@code ZREM} to give back. Lease = the longest a call may run (its deadline) plus margin.
 */
final class RedisSemaphore {

    /** KEYS[1] the key's leases; ARGV[1] max permits, ARGV[2] lease (ms), ARGV[3] permit id. 1 = taken. */
    static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final byte[] lease;

    RedisSemaphore(Duration lease) {
        this.lease = ascii(Long.toString(lease.toMillis()));
    }

    /** Takes one of {@code max} permits of {@code key} as {@code id}; false when all are leased. */
    boolean tryAcquire(StatefulRedisConnection<byte[], byte[]> redis, byte[] key, int max, byte[] id) {
        Long taken = redis.sync()
                .eval(ACQUIRE, ScriptOutputType.INTEGER, new byte[][] {key}, ascii(Integer.toString(max)), lease, id);
        return taken != null && taken == 1L;
    }

    /** Gives the permit back without waiting for Redis; if that fails, its lease runs out instead. */
    void release(StatefulRedisConnection<byte[], byte[]> redis, byte[] key, byte[] id) {
        redis.async().zrem(key, id);
    }

    static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
