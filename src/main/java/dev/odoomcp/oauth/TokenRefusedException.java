package dev.odoomcp.oauth;

/**
 * A sealed value that does not open, and why. The message says what the holder should do; it never
 * contains the value itself, so it is safe for logs and for the client.
 */
final class TokenRefusedException extends RuntimeException {

    /** Why a value was refused; metrics and tests tell them apart by this. */
    enum Reason {
        /** Not a token of this bridge at all (shape, encoding, algorithm, size). */
        MALFORMED,
        /** A token of this bridge, but of another kind (e.g. a refresh token used as an access token). */
        WRONG_KIND,
        /** Sealed with a key this bridge no longer has (rotated out). */
        UNKNOWN_KEY,
        /** Altered after sealing, or sealed by someone without the key. */
        TAMPERED,
        /** Past its expiry. */
        EXPIRED,
        /** Issued for another resource (RFC 8707 audience). */
        WRONG_AUDIENCE
    }

    private final Reason reason;

    TokenRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
