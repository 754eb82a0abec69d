package dev.odoomcp.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much request body the bridge takes in, bound from {@code mcp.*} properties or their environment
 * variables and checked at start-up (a bad value stops the server with a message naming the variable).
 *
 * @param maxRequestSize {@code MCP_MAX_REQUEST_SIZE}: largest {@code /mcp} request body; larger ones get HTTP 413
 * @param maxRequestBytesInFlight {@code MCP_MAX_REQUEST_BYTES_IN_FLIGHT}: request body bytes held at once, all
 *        requests together, from before the first byte is read until the answer is written; past it HTTP 503 +
 *        Retry-After. A body counts with its {@code Content-Length} (without one, as {@code MCP_MAX_REQUEST_SIZE}
 *        until it has been read). Default: 1/64 of the maximum heap (4 MB on the container's 256 MB), because the
 *        parsed JSON of a body can take up to about 27 times its size on the heap (measured: an array of empty
 *        objects), so even the worst case of the whole budget held at once stays under half the heap.
 * @param requestBodyTimeout {@code MCP_REQUEST_BODY_TIMEOUT}: total time a client has to send its whole body
 */
@ConfigurationProperties("mcp")
public record RequestBodyProperties(
        DataSize maxRequestSize, DataSize maxRequestBytesInFlight, Duration requestBodyTimeout) {

    private static final DataSize LARGEST_BUDGET = DataSize.ofGigabytes(1);
    private static final int HEAP_SHARE = 64;

    public RequestBodyProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        if (maxRequestSize.toBytes() < 1024
                || maxRequestSize.toBytes() > DataSize.ofMegabytes(64).toBytes()) {
            throw new IllegalArgumentException(
                    "MCP_MAX_REQUEST_SIZE must be between 1KB and 64MB (for example 1MB), was " + maxRequestSize);
        }
        maxRequestBytesInFlight =
                maxRequestBytesInFlight == null ? defaultBudget(maxRequestSize) : maxRequestBytesInFlight;
        if (maxRequestBytesInFlight.toBytes() < maxRequestSize.toBytes()
                || maxRequestBytesInFlight.toBytes() > LARGEST_BUDGET.toBytes()) {
            throw new IllegalArgumentException("MCP_MAX_REQUEST_BYTES_IN_FLIGHT must be between MCP_MAX_REQUEST_SIZE ("
                    + maxRequestSize + ") and 1GB (for example 8MB), was " + maxRequestBytesInFlight);
        }
        requestBodyTimeout = requestBodyTimeout == null ? Duration.ofSeconds(20) : requestBodyTimeout;
        if (requestBodyTimeout.compareTo(Duration.ofMillis(100)) < 0
                || requestBodyTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("MCP_REQUEST_BODY_TIMEOUT must be between 100ms and 10m (for example "
                    + "20s), was " + requestBodyTimeout);
        }
    }

    /** 1/64 of the heap, at least one largest body, at most the upper bound. */
    static DataSize defaultBudget(DataSize maxRequestSize) {
        long share = Runtime.getRuntime().maxMemory() / HEAP_SHARE;
        return DataSize.ofBytes(Math.max(maxRequestSize.toBytes(), Math.min(LARGEST_BUDGET.toBytes(), share)));
    }

    /** Everything at its default. */
    public static RequestBodyProperties defaults() {
        return new RequestBodyProperties(null, null, null);
    }
}
