package dev.odoomcp.odoo;

/**
 * Classes of failure when talking to Odoo. Tools turn each into an {@code isError} tool result;
 * metrics count them by this name (never by message, which may hold tenant data).
 */
public enum OdooErrorKind {
    /** A credentials header is missing or malformed (message names the header). */
    INVALID_CREDENTIALS,
    /** Odoo refused the login or key ({@code authenticate} returned false, fault 3, HTTP 401). */
    AUTHENTICATION_FAILED,
    /** The user may not do this (fault 4 AccessError, JSON-2 403). */
    ACCESS_DENIED,
    /** Odoo refused the data or action (fault 2 UserError/ValidationError, JSON-2 422). */
    VALIDATION,
    /** Unknown model, method or database. */
    NOT_FOUND,
    /** Odoo failed with a server error (fault 1, JSON-2 500); message is the final exception line. */
    SERVER_ERROR,
    /** The target URL is not allowed (SSRF guard, host allow-list, plain http). */
    TARGET_REFUSED,
    /** Could not connect, TLS failure, connection reset. */
    UNREACHABLE,
    /** Odoo did not answer within the deadline, or the tenant's host already has its share of connections. */
    TIMEOUT,
    /** Odoo's answer was larger than the configured cap. */
    RESPONSE_TOO_LARGE,
    /** Odoo's answer was not valid XML-RPC / JSON, was refused as hostile, or had an unexpected shape. */
    PROTOCOL_ERROR,
    /** The bridge itself is saturated (all its connections, or its memory for answers, in use); Odoo was not asked. */
    BRIDGE_BUSY,
    /** The request cannot be expressed on this protocol (e.g. positional args over JSON-2). */
    UNSUPPORTED
}
