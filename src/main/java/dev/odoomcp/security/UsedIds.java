package dev.odoomcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Single-use ids remembered in this instance's memory until they would have expired anyway: what
 * {@link LocalLimitBackend} keeps, and what {@link RedisLimitBackend} falls back to while Redis does not answer.
 */
final class UsedIds {

    private final Cache<String, Duration> used = Caffeine.newBuilder()
            .maximumSize(1_000_000)
            .expireAfter(Expiry.<String, Duration>creating((id, ttl) -> ttl))
            .build();

    /** True the first time {@code scope}/{@code id} is seen within {@code ttl}. */
    boolean firstUse(String scope, String id, Duration ttl) {
        return used.asMap().putIfAbsent(scope + "\n" + id, ttl) == null;
    }
}
