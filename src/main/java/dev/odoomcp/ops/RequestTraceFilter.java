package dev.odoomcp.ops;

import dev.odoomcp.security.AccessTokenFilter;
import dev.odoomcp.security.EdgeOrder;
import dev.odoomcp.security.EdgePaths;
import dev.odoomcp.security.TenantIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wraps every {@code /mcp} request (outside the firewall and the access-token check, so refusals
 * count too; matched on the normalised path, so {@code /m%63p} counts as {@code /mcp}): gives
 * it a request id (the caller's sane {@code X-Request-Id}, else a new one, echoed in the answer),
 * attaches a {@link RequestTrace} for the layers below to fill, then writes exactly one log line
 * and records the request metrics. The line holds ids, names and numbers only: never a header
 * value, argument, URL or key.
 */
@Component
@Order(EdgeOrder.TRACE)
class RequestTraceFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Logger log = LoggerFactory.getLogger("dev.odoomcp.mcp.access");

    private final TenantIds tenantIds;
    private final BridgeMetrics metrics;

    RequestTraceFilter(TenantIds tenantIds, BridgeMetrics metrics) {
        this.tenantIds = tenantIds;
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EdgePaths.isMcp(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(REQUEST_ID_HEADER);
        RequestTrace trace =
                new RequestTrace(offered != null && SANE_ID.matcher(offered).matches() ? offered : newRequestId());
        request.setAttribute(RequestTrace.ATTRIBUTE, trace);
        response.setHeader(REQUEST_ID_HEADER, trace.requestId());
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            finish(trace, request, failed ? 500 : response.getStatus(), System.nanoTime() - start);
        }
    }

    /**
     * 128 random bits in UUID form. A correlation id needs no cryptographic strength, and
     * {@code UUID.randomUUID()} would serialize every request on one shared SecureRandom.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private void finish(RequestTrace trace, HttpServletRequest request, int status, long nanos) {
        RequestTrace.Outcome outcome = trace.outcome(status);
        String tenant = trace.tenant(tenantIds::of);
        Object token = request.getAttribute(AccessTokenFilter.TOKEN_NAME);
        metrics.request(trace, outcome, nanos);
        if (tenant != null) {
            metrics.tenantSeen(tenant);
        }
        long millis = nanos / 1_000_000;
        log.atInfo()
                .addKeyValue("request_id", trace.requestId())
                .addKeyValue("tenant", tenant == null ? "none" : tenant)
                .addKeyValue("token", token == null ? "none" : token)
                .addKeyValue("mcp_method", trace.method())
                .addKeyValue("tool", trace.tool())
                .addKeyValue("odoo_protocol", trace.protocolTag())
                .addKeyValue("outcome", outcome.tag())
                .addKeyValue("error_code", trace.errorCode() == null ? "none" : trace.errorCode())
                .addKeyValue("http_status", status)
                .addKeyValue("duration_ms", millis)
                .log(
                        "mcp {} tool={} outcome={}{} status={} tenant={} token={} protocol={} id={} {}ms",
                        trace.method(),
                        trace.tool(),
                        outcome.tag(),
                        trace.errorCode() == null ? "" : " code=" + trace.errorCode(),
                        status,
                        tenant == null ? "none" : tenant,
                        token == null ? "none" : token,
                        trace.protocolTag(),
                        trace.requestId(),
                        millis);
    }
}
