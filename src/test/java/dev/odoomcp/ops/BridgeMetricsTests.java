package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.odoo.OdooErrorKind;
import dev.odoomcp.odoo.OdooProtocol;
import dev.odoomcp.security.LimitBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tags and windows of the bridge's own meters, on a fake clock. */
class BridgeMetricsTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BridgeMetrics metrics = new BridgeMetrics(registry, now::get);

    @Test
    void activeTenantsCountDistinctIdsPerWindowAndForgetThemAfterAnHour() {
        metrics.tenantSeen("aaaa");
        metrics.tenantSeen("aaaa");
        metrics.tenantSeen("bbbb");
        assertThat(active("5m")).isEqualTo(2);
        assertThat(active("60m")).isEqualTo(2);

        advance(Duration.ofMinutes(10));
        metrics.tenantSeen("cccc");
        assertThat(active("5m")).isEqualTo(1);
        assertThat(active("60m")).isEqualTo(3);

        advance(Duration.ofMinutes(55));
        assertThat(active("5m")).isZero();
        assertThat(active("60m")).isEqualTo(1);
    }

    @Test
    void requestsAreTimedByMethodToolAndOutcome() {
        RequestTrace trace = new RequestTrace("req-00000001");
        trace.method("tools/call");
        trace.tool("search_records");
        trace.toolError();
        metrics.request(trace, trace.outcome(200), 5_000_000);
        metrics.request(trace, trace.outcome(200), 7_000_000);
        assertThat(registry.get("mcp.requests")
                        .tags("method", "tools/call", "tool", "search_records", "outcome", "tool_error")
                        .timer()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void odooCallsAreTimedByProtocolAndFailureKindAndTrackedInFlight() {
        metrics.started();
        metrics.started();
        assertThat(registry.get("odoo.calls.active").gauge().value()).isEqualTo(2);
        metrics.finished(OdooProtocol.JSON2, null, Duration.ofMillis(30));
        metrics.finished(null, OdooErrorKind.UNREACHABLE, Duration.ofMillis(3));
        assertThat(registry.get("odoo.calls.active").gauge().value()).isZero();
        assertThat(registry.get("odoo.calls")
                        .tags("protocol", "json2", "outcome", "ok")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("odoo.calls")
                        .tags("protocol", "none", "outcome", "UNREACHABLE")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void rateLimitedCountsByReason() {
        metrics.refused(dev.odoomcp.security.LimitReason.TENANT_RATE);
        metrics.refused(dev.odoomcp.security.LimitReason.TENANT_RATE);
        metrics.refused(dev.odoomcp.security.LimitReason.IN_FLIGHT);
        assertThat(registry.get("mcp.rate_limited")
                        .tag("reason", "tenant_rate")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("mcp.rate_limited")
                        .tag("reason", "in_flight")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void outcomeFollowsWhatTheLayersRecordedElseTheHttpStatus() {
        RequestTrace trace = new RequestTrace("req-00000002");
        assertThat(trace.outcome(200)).isEqualTo(RequestTrace.Outcome.OK);
        assertThat(trace.outcome(202)).isEqualTo(RequestTrace.Outcome.OK);
        assertThat(trace.outcome(401)).isEqualTo(RequestTrace.Outcome.HTTP_ERROR);
        trace.protocolError(-32602);
        assertThat(trace.outcome(400)).isEqualTo(RequestTrace.Outcome.PROTOCOL_ERROR);
        assertThat(trace.errorCode()).isEqualTo(-32602);
        trace.toolError();
        assertThat(trace.outcome(200)).isEqualTo(RequestTrace.Outcome.TOOL_ERROR);
        assertThat(trace.outcome(429)).isEqualTo(RequestTrace.Outcome.HTTP_ERROR);
    }

    private double active(String window) {
        return registry.get("mcp.tenants.active").tag("window", window).gauge().value();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theLimitsBackendGaugeIsOneForTheCurrentStateAndZeroForTheOthers() {
        AtomicReference<LimitBackend.State> state = new AtomicReference<>(LimitBackend.State.REDIS);
        metrics.limitsBackend(state::get);
        assertThat(backend("redis")).isEqualTo(1);
        assertThat(backend("fallback")).isZero();
        assertThat(backend("memory")).isZero();
        state.set(LimitBackend.State.FALLBACK);
        assertThat(backend("redis")).isZero();
        assertThat(backend("fallback")).isEqualTo(1);
    }

    private double backend(String state) {
        return registry.get("mcp.limits.backend").tag("state", state).gauge().value();
    }
}
