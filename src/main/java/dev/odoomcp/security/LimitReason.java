package dev.odoomcp.security;

/** Why the bridge refused or cut short a request; metrics count refusals by this name. */
public enum LimitReason {
    /** The tenant used up its calls per minute ({@code MCP_TENANT_RATE_PER_MINUTE}). */
    TENANT_RATE,
    /** The tenant kept its maximum of calls running for longer than a call may wait ({@code MCP_TENANT_MAX_CONCURRENT}). */
    TENANT_CONCURRENCY,
    /** One client (access-token name, else address) used up its calls per minute ({@code MCP_CLIENT_RATE_PER_MINUTE}). */
    CLIENT_RATE,
    /** One client has its maximum of calls running ({@code MCP_CLIENT_MAX_CONCURRENT}). */
    CLIENT_CONCURRENCY,
    /**
     * Calls with credentials not (yet) known good used up their own budget ({@code MCP_UNVERIFIED_RATE_PER_MINUTE}):
     * logins that may fail are charged per client and per credentials, never to the tenant they name.
     */
    UNVERIFIED_RATE,
    /** The whole server is at its cap of requests in flight ({@code MCP_MAX_IN_FLIGHT}). */
    IN_FLIGHT,
    /** Request bodies being read or served already hold {@code MCP_MAX_REQUEST_BYTES_IN_FLIGHT} bytes. */
    REQUEST_BYTES,
    /** A request body did not arrive whole within {@code MCP_REQUEST_BODY_TIMEOUT}. */
    BODY_TIMEOUT,
    /** A tool call ran past its total deadline ({@code MCP_REQUEST_TIMEOUT}) and was cancelled. */
    DEADLINE
}
