package dev.odoomcp.security;

/** Why the bridge refused or cut short a request; metrics count refusals by this name. */
public enum LimitReason {
    /** The tenant used up its calls per minute ({@code MCP_TENANT_RATE_PER_MINUTE}). */
    TENANT_RATE,
    /** The tenant already has its maximum of calls running ({@code MCP_TENANT_MAX_CONCURRENT}). */
    TENANT_CONCURRENCY,
    /** The whole server is at its cap of requests in flight ({@code MCP_MAX_IN_FLIGHT}). */
    IN_FLIGHT,
    /** A tool call ran past its total deadline ({@code MCP_REQUEST_TIMEOUT}) and was cancelled. */
    DEADLINE
}
