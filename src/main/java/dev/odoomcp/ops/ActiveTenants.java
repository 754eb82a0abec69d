package dev.odoomcp.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Distinct tenants seen recently: a bounded map of keyed tenant id to the time it was last seen,
 * from which the number of tenants active in a window is counted. Entries expire after the longest
 * window, and the map never holds more than {@link #MAX_TENANTS} ids (least recently used go first),
 * so memory stays bounded whatever the callers send.
 */
final class ActiveTenants {

    static final Duration LONGEST_WINDOW = Duration.ofMinutes(60);
    static final int MAX_TENANTS = 100_000;

    private final Ticker ticker;
    private final Cache<String, Long> lastSeen;

    ActiveTenants(Ticker ticker) {
        this.ticker = ticker;
        this.lastSeen = Caffeine.newBuilder()
                .maximumSize(MAX_TENANTS)
                .expireAfterWrite(LONGEST_WINDOW)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    void seen(String tenantId) {
        lastSeen.put(tenantId, ticker.read());
    }

    /** How many distinct tenants were seen within {@code window} of now. */
    long within(Duration window) {
        lastSeen.cleanUp();
        long oldest = ticker.read() - window.toNanos();
        return lastSeen.asMap().values().stream()
                .filter(seenAt -> seenAt - oldest >= 0)
                .count();
    }
}
