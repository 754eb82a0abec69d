package dev.odoomcp.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request body {@link RequestBodyFilter} has already read (within its size, byte-budget and time
 * limits) for a {@code POST /mcp}: the endpoint takes it from here instead of reading the stream again.
 */
public final class BufferedBody {

    private static final String ATTRIBUTE = BufferedBody.class.getName();

    private BufferedBody() {}

    /** The body read for this request; fails if the request did not pass through {@link RequestBodyFilter}. */
    public static byte[] of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof byte[] body) {
            return body;
        }
        throw new IllegalStateException("No request body was read for " + EdgePaths.of(request)
                + ": RequestBodyFilter must run before the endpoint");
    }

    static void attach(HttpServletRequest request, byte[] body) {
        request.setAttribute(ATTRIBUTE, body);
    }
}
