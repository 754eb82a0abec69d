package dev.odoomcp.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values and digests for OAuth: client secrets and consent nonces (256 bits from one
 * {@link SecureRandom}), SHA-256 digests compared in constant time, and the PKCE S256 transform
 * (RFC 7636 §4.2), which is exactly BASE64URL(SHA-256(verifier)).
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    static String digest(String value) {
        return B64.encodeToString(sha256(value.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Constant-time comparison of two ASCII strings (digests, nonces, challenges). */
    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
