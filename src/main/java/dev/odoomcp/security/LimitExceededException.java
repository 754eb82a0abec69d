package dev.odoomcp.security;

import java.time.Duration;

/**
 * A request refused or cut short by a limit. The message says what happened and when to retry; it
 * never names the tenant, its URL or its credentials. Tools turn it into an {@code isError} result.
 */
public class LimitExceededException extends RuntimeException {

    private final LimitReason reason;
    private final Duration retryAfter;

    public LimitExceededException(LimitReason reason, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public LimitReason reason() {
        return reason;
    }

    /** When a retry may succeed; zero when retrying the same call is pointless (deadline). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
