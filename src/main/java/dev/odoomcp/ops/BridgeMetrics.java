package dev.odoomcp.ops;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.odoomcp.odoo.OdooCallListener;
import dev.odoomcp.odoo.OdooErrorKind;
import dev.odoomcp.odoo.OdooProtocol;
import dev.odoomcp.security.LimitBackend;
import dev.odoomcp.security.LimitListener;
import dev.odoomcp.security.LimitReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The bridge's own metrics, every tag from a bounded set (never a tenant id, URL or token):
 * <ul>
 * <li>{@code mcp.requests} timer, tags {@code method}, {@code tool}, {@code outcome};</li>
 * <li>{@code mcp.tenants.active} gauge, tag {@code window} = {@code 5m} | {@code 60m}: distinct keyed tenant ids;</li>
 * <li>{@code mcp.rate_limited} counter, tag {@code reason} (a {@link LimitReason}, lower case);</li>
 * <li>{@code mcp.limits.backend} gauge, tag {@code state} = {@code memory} | {@code redis} | {@code fallback}: 1 for
 * where the limits count now, 0 for the others;</li>
 * <li>{@code odoo.calls} timer with histogram buckets, tags {@code protocol}, {@code outcome}
 * ({@code ok} or an {@link OdooErrorKind} name), and {@code odoo.calls.active} gauge (calls in flight).</li>
 * </ul>
 */
@Component
public class BridgeMetrics implements OdooCallListener, LimitListener {

    private static final Duration[] ODOO_BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;
    private final ActiveTenants tenants;
    private final AtomicInteger odooInFlight = new AtomicInteger();

    @Autowired
    BridgeMetrics(MeterRegistry registry, ObjectProvider<LimitBackend> backend) {
        this(registry, Ticker.systemTicker());
        LimitBackend limits = backend.getIfAvailable();
        if (limits != null) {
            limitsBackend(limits::state);
        }
    }

    BridgeMetrics(MeterRegistry registry, Ticker ticker) {
        this.registry = registry;
        this.tenants = new ActiveTenants(ticker);
        for (String window : new String[] {"5m", "60m"}) {
            Duration length = window.equals("5m") ? Duration.ofMinutes(5) : ActiveTenants.LONGEST_WINDOW;
            Gauge.builder("mcp.tenants.active", tenants, t -> t.within(length))
                    .tag("window", window)
                    .description("Distinct tenants (Odoo URL and database) that sent requests in the window")
                    .register(registry);
        }
        Gauge.builder("odoo.calls.active", odooInFlight, AtomicInteger::get)
                .description("Calls to tenants' Odoo servers in flight")
                .register(registry);
    }

    /** Registers the {@code mcp.limits.backend} gauges, reading the state from {@code state}. */
    void limitsBackend(Supplier<LimitBackend.State> state) {
        for (LimitBackend.State each : LimitBackend.State.values()) {
            Gauge.builder("mcp.limits.backend", state, s -> s.get() == each ? 1 : 0)
                    .strongReference(true)
                    .tag("state", each.name().toLowerCase(Locale.ROOT))
                    .description("Where the limits count: memory (one instance), redis (cluster-wide) or fallback "
                            + "(Redis not answering: each instance's own limits)")
                    .register(registry);
        }
    }

    /** Counts a request refused or cut short by one of the limits, tagged with the limit's name. */
    @Override
    public void refused(LimitReason reason) {
        Counter.builder("mcp.rate_limited")
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .description("Requests refused or cut short by a limit")
                .register(registry)
                .increment();
    }

    void request(RequestTrace trace, RequestTrace.Outcome outcome, long nanos) {
        Timer.builder("mcp.requests")
                .tag("method", trace.method())
                .tag("tool", trace.tool())
                .tag("outcome", outcome.tag())
                .description("MCP requests on /mcp")
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void tenantSeen(String tenantId) {
        tenants.seen(tenantId);
    }

    @Override
    public void started() {
        odooInFlight.incrementAndGet();
    }

    @Override
    public void finished(OdooProtocol protocol, OdooErrorKind failure, Duration elapsed) {
        odooInFlight.decrementAndGet();
        Timer.builder("odoo.calls")
                .tag("protocol", protocol == null ? "none" : protocol.name().toLowerCase(Locale.ROOT))
                .tag("outcome", failure == null ? "ok" : failure.name())
                .serviceLevelObjectives(ODOO_BUCKETS)
                .description("ORM calls to tenants' Odoo servers, including protocol detection and login")
                .register(registry)
                .record(elapsed);
    }
}
