package dev.odoomcp.oauth;

import com.nimbusds.jose.JOSEObjectType;

/**
 * The kinds of sealed value this bridge issues. Each has its own JWE {@code typ}, which is part of the
 * authenticated header, so one kind is never accepted as another (a refresh token is no access token, a
 * client id is no code).
 */
enum TokenKind {
    /** One consent-page transaction: the authorization request and the browser's CSRF nonce (10 minutes). */
    CONSENT("odoomcp-consent+jwe"),
    /** An authorization code (60 s by default). */
    CODE("odoomcp-code+jwe"),
    /** An access token for {@code /mcp} (8 h by default). */
    ACCESS("odoomcp-at+jwe"),
    /** A refresh token (30 days by default, rotated on each use, capped from the consent). */
    REFRESH("odoomcp-rt+jwe"),
    /** A client registered by Dynamic Client Registration: its client id is its sealed metadata. */
    CLIENT("odoomcp-client+jwe");

    private final JOSEObjectType type;

    TokenKind(String typ) {
        this.type = new JOSEObjectType(typ);
    }

    JOSEObjectType type() {
        return type;
    }

    /** The kind whose {@code typ} this is, or null. */
    static TokenKind ofType(JOSEObjectType type) {
        for (TokenKind kind : values()) {
            if (kind.type.equals(type)) {
                return kind;
            }
        }
        return null;
    }
}
