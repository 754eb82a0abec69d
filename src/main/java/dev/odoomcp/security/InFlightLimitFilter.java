package dev.odoomcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server-wide cap on {@code /mcp} requests being served at once ({@code MCP_MAX_IN_FLIGHT}).
 * Past it a request is refused at once, before its body is read, with HTTP 503, a
 * {@code Retry-After} header and a JSON-RPC error: overload is the server's condition, not the
 * tenant's tool failing, and a status code is what HTTP clients, proxies and load balancers already
 * know how to back off from. Queueing instead would only turn overload into timeouts.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class InFlightLimitFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 1;

    private final int max;
    private final Semaphore slots;
    private final byte[] busyBody;
    private final LimitListener listener;

    @Autowired
    InFlightLimitFilter(RequestLimitProperties limits, ObjectProvider<LimitListener> listener) {
        this(limits, listener.getIfAvailable(() -> reason -> { }));
    }

    InFlightLimitFilter(RequestLimitProperties limits, LimitListener listener) {
        this.max = limits.maxInFlight();
        this.slots = new Semaphore(max);
        this.listener = listener;
        this.busyBody = ("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"The bridge is "
                + "serving its maximum of " + limits.maxInFlight() + " requests at once (MCP_MAX_IN_FLIGHT); retry in "
                + RETRY_AFTER_SECONDS + " s.\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/mcp") || path.startsWith("/mcp/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!slots.tryAcquire()) {
            listener.refused(LimitReason.IN_FLIGHT);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            response.setContentType("application/json");
            response.setContentLength(busyBody.length);
            response.getOutputStream().write(busyBody);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    /** Requests being served now. */
    int inFlight() {
        return max - slots.availablePermits();
    }
}
