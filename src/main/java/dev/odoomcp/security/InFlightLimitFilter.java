package dev.odoomcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The server-wide cap on {@code /mcp} requests being served at once ({@code MCP_MAX_IN_FLIGHT}).
 * A request takes its slot once {@link RequestBodyFilter} has read its body (a client trickling its
 * body holds no slot). Past the cap a request is refused at once with HTTP 503, a
 * {@code Retry-After} header and a JSON-RPC error: overload is the server's condition, not the
 * tenant's tool failing, and a status code is what HTTP clients, proxies and load balancers already
 * know how to back off from. Queueing instead would only turn overload into timeouts.
 */
@Component
@Order(EdgeOrder.IN_FLIGHT)
class InFlightLimitFilter extends OncePerRequestFilter {

    private final int max;
    private final Semaphore slots;
    private final String busyMessage;
    private final LimitListener listener;

    @Autowired
    InFlightLimitFilter(RequestLimitProperties limits, ObjectProvider<LimitListener> listener) {
        this(limits, listener.getIfAvailable(() -> reason -> {}));
    }

    InFlightLimitFilter(RequestLimitProperties limits, LimitListener listener) {
        this.max = limits.maxInFlight();
        this.slots = new Semaphore(max);
        this.listener = listener;
        this.busyMessage = "The bridge is serving its maximum of " + limits.maxInFlight()
                + " requests at once (MCP_MAX_IN_FLIGHT); retry in " + JsonRpcErrorResponse.RETRY_AFTER_SECONDS + " s.";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EdgePaths.isMcp(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!slots.tryAcquire()) {
            listener.refused(LimitReason.IN_FLIGHT);
            JsonRpcErrorResponse.busy(response, busyMessage);
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
