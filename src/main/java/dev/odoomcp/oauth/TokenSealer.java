package dev.odoomcp.oauth;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens every value this bridge hands out in OAuth mode (codes, tokens, DCR client ids, consent
 * transactions): authenticated encryption (JWE {@code dir} + {@code A256GCM}, Nimbus JOSE+JWT) under the
 * server key, so nothing is stored and any replica holding the key set can open what another sealed. The
 * first key seals; every key opens ({@code kid} picks it), so keys rotate without logging anyone out until
 * the old key is removed.
 */
final class TokenSealer {

    /** Longer than any value this bridge seals (a DCR client id with ten redirect URIs stays below 8 KB). */
    static final int MAX_LENGTH = 12_000;
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final String sealingKeyId;
    private final DirectEncrypter encrypter;
    private final Map<String, DirectDecrypter> decrypters = new LinkedHashMap<>();
    private final Clock clock;

    /** @param keys by id, the sealing key first; empty when OAuth is off (then nothing seals or opens) */
    TokenSealer(Map<String, byte[]> keys, Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.sealingKeyId = keys.isEmpty() ? null : keys.keySet().iterator().next();
        try {
            this.encrypter = keys.isEmpty() ? null : new DirectEncrypter(new SecretKeySpec(keys.get(sealingKeyId), "AES"));
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                decrypters.put(key.getKey(), new DirectDecrypter(new SecretKeySpec(key.getValue(), "AES")));
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("OAUTH_TOKEN_KEYS: each key must be 32 bytes (AES-256).", e);
        }
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Seals {@code claims} as {@code kind}, valid for {@code lifetime} from now (issue time and expiry are set
     * here; a later expiry already in the claims is never extended).
     */
    String seal(TokenKind kind, JWTClaimsSet claims, Duration lifetime) {
        if (encrypter == null) {
            throw new IllegalStateException("OAuth is off (OAUTH_TOKEN_KEYS is not set)");
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        if (claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isBefore(expiry)) {
            expiry = claims.getExpirationTime().toInstant();
        }
        JWTClaimsSet stamped = new JWTClaimsSet.Builder(claims).issueTime(Date.from(now))
                .expirationTime(Date.from(expiry)).build();
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(sealingKeyId)
                .type(kind.type()).build();
        EncryptedJWT jwt = new EncryptedJWT(header, stamped);
        try {
            jwt.encrypt(encrypter);
        } catch (JOSEException e) {
            throw new IllegalStateException("Sealing failed: AES-GCM is missing from this JVM", e);
        }
        return jwt.serialize();
    }

    /**
     * Opens a value sealed as {@code kind}.
     *
     * @throws TokenRefusedException when it is malformed, of another kind, sealed with an unknown key,
     *         altered, or expired
     */
    JWTClaimsSet open(TokenKind kind, String value) {
        EncryptedJWT jwt = parse(value);
        JWEHeader header = jwt.getHeader();
        if (!JWEAlgorithm.DIR.equals(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(
                header.getEncryptionMethod()) || header.getCompressionAlgorithm() != null) {
            throw refused(TokenRefusedException.Reason.MALFORMED, kind, "is not one this bridge issues");
        }
        TokenKind actual = TokenKind.ofType(header.getType());
        if (actual == null) {
            throw refused(TokenRefusedException.Reason.MALFORMED, kind, "is not one this bridge issues");
        }
        if (actual != kind) {
            throw refused(TokenRefusedException.Reason.WRONG_KIND, kind, "is a " + describe(actual) + ", not a "
                    + describe(kind));
        }
        DirectDecrypter decrypter = header.getKeyID() == null ? null : decrypters.get(header.getKeyID());
        if (decrypter == null) {
            throw refused(TokenRefusedException.Reason.UNKNOWN_KEY, kind,
                    "was sealed with a key this bridge no longer uses (keys were rotated)");
        }
        JWTClaimsSet claims;
        try {
            jwt.decrypt(decrypter);
            claims = jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException | IllegalStateException e) {
            throw refused(TokenRefusedException.Reason.TAMPERED, kind, "does not verify (altered or forged)");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().isBefore(expiry.toInstant().plus(SKEW))) {
            throw refused(TokenRefusedException.Reason.EXPIRED, kind, "has expired");
        }
        return claims;
    }

    /** Whether this value has the shape and header of a token of this bridge (any kind); does not decrypt. */
    static boolean looksSealed(String value) {
        if (value == null || value.length() > MAX_LENGTH || value.chars().filter(c -> c == '.').count() != 4) {
            return false;
        }
        try {
            return TokenKind.ofType(EncryptedJWT.parse(value).getHeader().getType()) != null;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static EncryptedJWT parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw refused(TokenRefusedException.Reason.MALFORMED, null, "is empty or too long");
        }
        try {
            return EncryptedJWT.parse(value);
        } catch (ParseException | RuntimeException e) {
            throw refused(TokenRefusedException.Reason.MALFORMED, null, "is not a token of this bridge");
        }
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
