package dev.odoomcp.oauth;

import dev.odoomcp.security.SealingKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OAuth 2.1 connector mode (claude.ai, Claude Desktop and mobile, ChatGPT): on when
 * {@code OAUTH_TOKEN_KEYS} is set, header mode only otherwise. Checked at start-up; a bad value stops the
 * server with a message naming the variable and never showing key material.
 *
 * @param tokenKeys {@code OAUTH_TOKEN_KEYS}: {@code id:base64-32-byte-key,...}; the first seals, all open
 * @param codeLifetime {@code OAUTH_CODE_LIFETIME}: authorization codes (default 60 s)
 * @param accessTokenLifetime {@code OAUTH_ACCESS_TOKEN_LIFETIME}: access tokens (default 8 h)
 * @param refreshTokenLifetime {@code OAUTH_REFRESH_TOKEN_LIFETIME}: each refresh token (default 30 days)
 * @param refreshMaxLifetime {@code OAUTH_REFRESH_MAX_LIFETIME}: absolute cap from the consent (default 90 days);
 *        after it the user passes the consent page again
 * @param redirectHosts {@code OAUTH_REDIRECT_HOSTS}: hosts an application may send the user back to, against
 *        consent phishing (exact names or {@code *.suffix}); loopback is always allowed for desktop clients
 * @param requireAccessToken {@code OAUTH_REQUIRE_ACCESS_TOKEN}: ask for the operator's access token on the consent
 *        page; defaults to true when {@code MCP_ACCESS_TOKEN(S)} is set
 * @param consentRatePerMinute {@code OAUTH_CONSENT_RATE_PER_MINUTE}: credential checks per client address
 * @param consentHostRatePerMinute {@code OAUTH_CONSENT_HOST_RATE_PER_MINUTE}: credential checks per Odoo host
 * @param clientMetadataCacheTtl {@code OAUTH_CLIENT_METADATA_CACHE_TTL}: how long a fetched client metadata
 *        document is reused
 */
@ConfigurationProperties("oauth")
public record OAuthProperties(
        List<String> tokenKeys,
        Duration codeLifetime,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration refreshMaxLifetime,
        List<String> redirectHosts,
        Boolean requireAccessToken,
        Integer consentRatePerMinute,
        Integer consentHostRatePerMinute,
        Duration clientMetadataCacheTtl) {

    static final List<String> DEFAULT_REDIRECT_HOSTS = List.of("claude.ai", "claude.com", "chatgpt.com");
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9.-]+");

    public OAuthProperties {
        tokenKeys = tokenKeys == null
                ? List.of()
                : tokenKeys.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        keys(tokenKeys); // validates
        codeLifetime = between(
                codeLifetime,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                "OAUTH_CODE_LIFETIME");
        accessTokenLifetime = between(
                accessTokenLifetime,
                Duration.ofHours(8),
                Duration.ofMinutes(1),
                Duration.ofDays(1),
                "OAUTH_ACCESS_TOKEN_LIFETIME");
        refreshTokenLifetime = between(
                refreshTokenLifetime,
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                Duration.ofDays(365),
                "OAUTH_REFRESH_TOKEN_LIFETIME");
        refreshMaxLifetime = between(
                refreshMaxLifetime,
                Duration.ofDays(90),
                Duration.ofMinutes(5),
                Duration.ofDays(730),
                "OAUTH_REFRESH_MAX_LIFETIME");
        if (refreshMaxLifetime.compareTo(refreshTokenLifetime) < 0) {
            throw new IllegalArgumentException("OAUTH_REFRESH_MAX_LIFETIME (" + refreshMaxLifetime
                    + ") must not be shorter than OAUTH_REFRESH_TOKEN_LIFETIME (" + refreshTokenLifetime + ").");
        }
        redirectHosts = redirectHosts == null || redirectHosts.isEmpty()
                ? DEFAULT_REDIRECT_HOSTS
                : redirectHosts.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        for (String host : redirectHosts) {
            if (!HOST.matcher(host).matches() || host.startsWith(".") || host.endsWith(".")) {
                throw new IllegalArgumentException("OAUTH_REDIRECT_HOSTS: '" + host + "' is not a host name or "
                        + "*.domain pattern; use a comma-separated list like 'claude.ai,claude.com,chatgpt.com'.");
            }
        }
        consentRatePerMinute = within(consentRatePerMinute, 10, "OAUTH_CONSENT_RATE_PER_MINUTE");
        consentHostRatePerMinute = within(consentHostRatePerMinute, 60, "OAUTH_CONSENT_HOST_RATE_PER_MINUTE");
        clientMetadataCacheTtl = between(
                clientMetadataCacheTtl,
                Duration.ofMinutes(10),
                Duration.ofSeconds(1),
                Duration.ofDays(1),
                "OAUTH_CLIENT_METADATA_CACHE_TTL");
    }

    /** Everything at its default, OAuth off. */
    static OAuthProperties defaults() {
        return new OAuthProperties(null, null, null, null, null, null, null, null, null, null);
    }

    /** OAuth mode is on. */
    public boolean enabled() {
        return !tokenKeys.isEmpty();
    }

    /** The configured keys by id, in order: the first seals. */
    Map<String, byte[]> keys() {
        return keys(tokenKeys);
    }

    /** Whether the consent page asks for the operator's access token, given whether any is configured. */
    boolean requiresAccessToken(boolean operatorTokensConfigured) {
        return requireAccessToken == null ? operatorTokensConfigured : requireAccessToken;
    }

    private static Map<String, byte[]> keys(List<String> entries) {
        return SealingKeys.parse(entries, "OAUTH_TOKEN_KEYS");
    }

    private static int within(Integer value, int fallback, String env) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 100_000) {
            throw new IllegalArgumentException(env + " must be between 1 and 100000, was " + value);
        }
        return value;
    }

    private static Duration between(Duration value, Duration fallback, Duration min, Duration max, String env) {
        if (value == null) {
            return fallback;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    env + " must be between " + min.toString().substring(2).toLowerCase() + " and "
                            + max.toString().substring(2).toLowerCase() + ", was " + value);
        }
        return value;
    }
}
