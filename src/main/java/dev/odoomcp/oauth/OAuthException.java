package dev.odoomcp.oauth;

/**
 * An OAuth error as RFC 6749 §5.2 / RFC 7591 §3.2.2 answer it: a registered error code, a description a person
 * can act on (never a token or key), and the HTTP status.
 */
final class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    OAuthException(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description, 400);
    }

    static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", description, 401);
    }

    static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description, 400);
    }

    static OAuthException invalidTarget(String description) {
        return new OAuthException("invalid_target", description, 400);
    }

    String error() {
        return error;
    }

    int status() {
        return status;
    }
}
