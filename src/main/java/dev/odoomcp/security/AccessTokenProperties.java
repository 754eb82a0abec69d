package dev.odoomcp.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the bridge. Empty = open to anyone (each caller still needs their own Odoo
 * credentials). {@code MCP_ACCESS_TOKEN} is the one shared token of the project's original README;
 * {@code MCP_ACCESS_TOKENS} holds named tokens ({@code acme:s3cret,globex:0ther}) so one client can
 * be revoked without touching the others. Only the name ever reaches logs and metrics.
 *
 * @param accessToken one shared token, named "shared"
 * @param accessTokens named tokens as {@code name:token}
 */
@ConfigurationProperties("mcp")
public record AccessTokenProperties(String accessToken, List<String> accessTokens) {

    private static final int MIN_LENGTH = 16;

    public AccessTokenProperties {
        accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken.strip();
        accessTokens = accessTokens == null
                ? List.of()
                : accessTokens.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (accessToken != null && accessToken.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("MCP_ACCESS_TOKEN must be at least " + MIN_LENGTH
                    + " characters long (for example: openssl rand -hex 24).");
        }
        for (String entry : accessTokens) {
            int colon = entry.indexOf(':');
            if (colon <= 0 || entry.length() - colon - 1 < MIN_LENGTH) {
                throw new IllegalArgumentException(
                        "Each MCP_ACCESS_TOKENS entry must be name:token with a token of at " + "least " + MIN_LENGTH
                                + " characters; entry " + (accessTokens.indexOf(entry) + 1) + " is not.");
            }
        }
    }

    /** Whether any token is configured, i.e. whether the bridge is closed to callers without one. */
    public boolean required() {
        return accessToken != null || !accessTokens.isEmpty();
    }

    /** Every configured token with its name. */
    List<NamedToken> tokens() {
        List<NamedToken> tokens = new ArrayList<>();
        if (accessToken != null) {
            tokens.add(new NamedToken("shared", accessToken));
        }
        for (String entry : accessTokens) {
            int colon = entry.indexOf(':');
            tokens.add(new NamedToken(
                    entry.substring(0, colon).strip(),
                    entry.substring(colon + 1).strip()));
        }
        return tokens;
    }

    /** A token and the name it is known by in logs and metrics. */
    record NamedToken(String name, String token) {

        @Override
        public String toString() {
            return "NamedToken[name=" + name + ", token=***]";
        }
    }
}
