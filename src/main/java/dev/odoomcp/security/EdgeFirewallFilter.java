package dev.odoomcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else looks at them, request paths that different layers could read
 * differently: path parameters ({@code /mcp;x}), encoded {@code / \ . % ;}, CR, LF or NUL,
 * {@code //}, dot segments, non-ASCII, and unknown HTTP methods. The rules are Spring Security's
 * {@link StrictHttpFirewall} with its defaults (used here as a library, without Spring Security's
 * filter chain); only the path and method are judged, so the request passed on is the original one.
 * Refusals get HTTP 400 with a JSON-RPC error that does not echo the path.
 */
@Component
@Order(EdgeOrder.FIREWALL)
class EdgeFirewallFilter extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            JsonRpcErrorResponse.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    JsonRpcErrorResponse.INVALID_REQUEST,
                    "The request path is not accepted: it has a path parameter (;), an encoded separator, dot or "
                            + "percent sign, or is not normalised. Send the plain path, e.g. POST /mcp.");
            return;
        }
        chain.doFilter(request, response);
    }
}
