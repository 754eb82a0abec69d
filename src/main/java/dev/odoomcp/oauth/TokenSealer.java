package dev.odoomcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.odoomcp.security.Sealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Seals and opens every value this bridge hands out in OAuth mode (codes, tokens, DCR client ids, consent
 * transactions) with the bridge's one {@link Sealer}, under the {@code OAUTH_TOKEN_KEYS} key set, and words
 * its refusals for what each kind of value is. Nothing is stored: any replica holding the key set opens what
 * another sealed; the first key seals and every key opens, so keys rotate without logging anyone out.
 */
final class TokenSealer {

    static final int MAX_LENGTH = Sealer.MAX_LENGTH;

    private final Sealer sealer;

    /** @param keys by id, the sealing key first; empty when OAuth is off (then nothing seals or opens) */
    TokenSealer(Map<String, byte[]> keys, Clock clock) {
        this.sealer = new Sealer(keys, clock);
    }

    Instant now() {
        return sealer.now();
    }

    /**
     * Seals {@code claims} as {@code kind}, valid for {@code lifetime} from now (issue time and expiry are set
     * here; a later expiry already in the claims is never extended).
     */
    String seal(TokenKind kind, JWTClaimsSet claims, Duration lifetime) {
        if (!sealer.hasKeys()) {
            throw new IllegalStateException("OAuth is off (OAUTH_TOKEN_KEYS is not set)");
        }
        return sealer.seal(kind.type(), claims, lifetime);
    }

    /**
     * Opens a value sealed as {@code kind}.
     *
     * @throws TokenRefusedException when it is malformed, of another kind, sealed with an unknown key,
     *         altered, or expired
     */
    JWTClaimsSet open(TokenKind kind, String value) {
        try {
            return sealer.open(kind.type(), value);
        } catch (Sealer.Refused e) {
            throw switch (e.reason()) {
                case NOT_SEALED ->
                    refused(
                            TokenRefusedException.Reason.MALFORMED,
                            null,
                            value == null || value.isEmpty() || value.length() > MAX_LENGTH
                                    ? "is empty or too long"
                                    : "is not a token of this bridge");
                case MALFORMED ->
                    refused(TokenRefusedException.Reason.MALFORMED, kind, "is not one this bridge issues");
                case WRONG_TYPE -> {
                    TokenKind actual = TokenKind.ofType(e.actualType());
                    yield actual == null
                            ? refused(TokenRefusedException.Reason.MALFORMED, kind, "is not one this bridge issues")
                            : refused(
                                    TokenRefusedException.Reason.WRONG_KIND,
                                    kind,
                                    "is a " + describe(actual) + ", not a " + describe(kind));
                }
                case UNKNOWN_KEY ->
                    refused(
                            TokenRefusedException.Reason.UNKNOWN_KEY,
                            kind,
                            "was sealed with a key this bridge no longer uses (keys were rotated)");
                case TAMPERED ->
                    refused(TokenRefusedException.Reason.TAMPERED, kind, "does not verify (altered or forged)");
                case EXPIRED -> refused(TokenRefusedException.Reason.EXPIRED, kind, "has expired");
            };
        }
    }

    /** Whether this value has the shape and header of a token of this bridge (any kind); does not decrypt. */
    static boolean looksSealed(String value) {
        return TokenKind.ofType(Sealer.typeOf(value)) != null;
    }

    private static TokenRefusedException refused(TokenRefusedException.Reason reason, TokenKind kind, String why) {
        String what = kind == null ? "The value" : "The " + describe(kind);
        return new TokenRefusedException(reason, what + " " + why + ".");
    }

    static String describe(TokenKind kind) {
        return switch (kind) {
            case CONSENT -> "consent form";
            case CODE -> "authorization code";
            case ACCESS -> "access token";
            case REFRESH -> "refresh token";
            case CLIENT -> "client id";
        };
    }
}
