package dev.odoomcp.security;

/** Why the bridge refused or cut short a request; metrics count refusals by this name. */
public enum LimitReason {
    /** The tenant used up its calls per minute ({@code MCP_TENANT_RATE_PER_MINUTE}). */
    TENANT_RATE,
    /** The tenant already has its maximum of calls running ({@code MCP_TENANT_MAX_CONCURRENT}). */
    TENANT_CONCURRENCY,
    /** The whole server is at its cap of requests in flight ({@code MCP_MAX_IN_FLIGHT}). */
    IN_FLIGHT,
    /** Request bodies being read or served already hold {@code MCP_MAX_REQUEST_BYTES_IN_FLIGHT} bytes. */
    REQUEST_BYTES,
    /** A request body did not arrive whole within {@code MCP_REQUEST_BODY_TIMEOUT}. */
    BODY_TIMEOUT,
    /** A tool call ran past its total deadline ({@code MCP_REQUEST_TIMEOUT}) and was cancelled. */
    DEADLINE
}
