package dev.odoomcp.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Remembers the ids of codes and refresh tokens already exchanged, until they would have expired anyway, so
 * a replayed code or an old refresh token is refused (RFC 9700 §2.2.2, §4.14). Per replica: with no store,
 * a replay to another replica is stopped only by the code's 60 s lifetime, its binding to the client, the
 * redirect URI and the PKCE verifier (docs/oauth.md says so).
 */
final class UsedOnce {

    private final Cache<String, Boolean> codes;
    private final Cache<String, Boolean> refreshTokens;

    UsedOnce(Duration codeLifetime, Duration refreshLifetime) {
        this.codes = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(codeLifetime.plusSeconds(10))
                .build();
        this.refreshTokens = Caffeine.newBuilder()
                .maximumSize(500_000)
                .expireAfterWrite(refreshLifetime)
                .build();
    }

    /** True the first time this code id is seen, false on a replay. */
    boolean firstUseOfCode(String id) {
        return codes.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** True the first time this refresh token id is exchanged, false when it was rotated already. */
    boolean firstUseOfRefreshToken(String id) {
        return refreshTokens.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }
}
