package dev.odoomcp.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
 * The one way this bridge seals a value it hands out and must trust when it comes back (OAuth codes and
 * tokens, confirmation tokens, the state of a pending confirmation): authenticated encryption (JWE
 * {@code dir} + {@code A256GCM}, Nimbus JOSE+JWT) under a server key, so nothing is stored and any replica
 * holding the key set opens what another sealed. The first key seals; every key opens ({@code kid} picks it),
 * so keys rotate without breaking what is in flight. The JWE {@code typ}, part of the authenticated header,
 * names the kind of value, so one kind is never accepted as another.
 */
public final class Sealer {

    /** Longer than any value this bridge seals (a DCR client id with ten redirect URIs stays below 8 KB). */
    public static final int MAX_LENGTH = 12_000;

    private static final Duration SKEW = Duration.ofSeconds(5);

    private final String sealingKeyId;
    private final DirectEncrypter encrypter;
    private final Map<String, DirectDecrypter> decrypters = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * @param keys by id, the sealing key first (see {@link SealingKeys}); empty for a sealer that neither seals
     *        nor opens (OAuth off)
     */
    public Sealer(Map<String, byte[]> keys, Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        this.sealingKeyId = keys.isEmpty() ? null : keys.keySet().iterator().next();
        try {
            this.encrypter =
                    keys.isEmpty() ? null : new DirectEncrypter(new SecretKeySpec(keys.get(sealingKeyId), "AES"));
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                decrypters.put(key.getKey(), new DirectDecrypter(new SecretKeySpec(key.getValue(), "AES")));
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Each sealing key must be 32 bytes (AES-256).", e);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** Whether this sealer has a key (OAuth's is empty while OAuth is off). */
    public boolean hasKeys() {
        return encrypter != null;
    }

    /**
     * Seals {@code claims} as {@code type}, valid for {@code lifetime} from now (issue time and expiry are set
     * here; a later expiry already in the claims is never extended).
     */
    public String seal(JOSEObjectType type, JWTClaimsSet claims, Duration lifetime) {
        if (encrypter == null) {
            throw new IllegalStateException("This sealer has no key");
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        if (claims.getExpirationTime() != null
                && claims.getExpirationTime().toInstant().isBefore(expiry)) {
            expiry = claims.getExpirationTime().toInstant();
        }
        JWTClaimsSet stamped = new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .build();
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(sealingKeyId)
                .type(type)
                .build();
        EncryptedJWT jwt = new EncryptedJWT(header, stamped);
        try {
            jwt.encrypt(encrypter);
        } catch (JOSEException e) {
            throw new IllegalStateException("Sealing failed: AES-GCM is missing from this JVM", e);
        }
        return jwt.serialize();
    }

    /**
     * Opens a value sealed as {@code type}.
     *
     * @throws Refused when it is malformed, of another type, sealed with an unknown key, altered, or expired
     */
    public JWTClaimsSet open(JOSEObjectType type, String value) {
        EncryptedJWT jwt = parse(value);
        JWEHeader header = jwt.getHeader();
        if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())
                || header.getCompressionAlgorithm() != null) {
            throw new Refused(Refused.Reason.MALFORMED, null);
        }
        if (!type.equals(header.getType())) {
            throw new Refused(Refused.Reason.WRONG_TYPE, header.getType());
        }
        DirectDecrypter decrypter = header.getKeyID() == null ? null : decrypters.get(header.getKeyID());
        if (decrypter == null) {
            throw new Refused(Refused.Reason.UNKNOWN_KEY, null);
        }
        JWTClaimsSet claims;
        try {
            jwt.decrypt(decrypter);
            claims = jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException | IllegalStateException e) {
            throw new Refused(Refused.Reason.TAMPERED, null);
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().isBefore(expiry.toInstant().plus(SKEW))) {
            throw new Refused(Refused.Reason.EXPIRED, null);
        }
        return claims;
    }

    /** The {@code typ} of a value with the shape of a sealed one, or null; does not decrypt. */
    public static JOSEObjectType typeOf(String value) {
        if (value == null
                || value.length() > MAX_LENGTH
                || value.chars().filter(c -> c == '.').count() != 4) {
            return null;
        }
        try {
            return EncryptedJWT.parse(value).getHeader().getType();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static EncryptedJWT parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new Refused(Refused.Reason.NOT_SEALED, null);
        }
        try {
            return EncryptedJWT.parse(value);
        } catch (ParseException | RuntimeException e) {
            throw new Refused(Refused.Reason.NOT_SEALED, null);
        }
    }

    /**
     * A sealed value that does not open, and why. It carries no message for the client: each user of the sealer
     * words it for what the value is; it never contains the value itself.
     */
    public static final class Refused extends RuntimeException {

        /** Why a value was refused. */
        public enum Reason {
            /** Not a sealed value at all (empty, too long, not a JWE). */
            NOT_SEALED,
            /** A JWE, but not with the algorithms this bridge seals with. */
            MALFORMED,
            /** Sealed by this bridge's format, but as another type ({@link #actualType()} says which). */
            WRONG_TYPE,
            /** Sealed with a key this bridge does not have (rotated out, or another server's). */
            UNKNOWN_KEY,
            /** Altered after sealing, or sealed by someone without the key. */
            TAMPERED,
            /** Past its expiry. */
            EXPIRED
        }

        private final Reason reason;
        private final transient JOSEObjectType actualType;

        Refused(Reason reason, JOSEObjectType actualType) {
            super(reason.name(), null, false, false);
            this.reason = reason;
            this.actualType = actualType;
        }

        public Reason reason() {
            return reason;
        }

        /** The {@code typ} the value really has, for {@link Reason#WRONG_TYPE}; else null. */
        public JOSEObjectType actualType() {
            return actualType;
        }
    }
}
