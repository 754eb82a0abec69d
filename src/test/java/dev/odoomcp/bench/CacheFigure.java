package dev.odoomcp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.LongFunction;

/**
 * Figure 5: what the caches save, against fake Odoo servers with a few milliseconds of latency that
 * nothing has called yet. Per tenant (its own Odoo URL): the first {@code search_records} (version
 * probe, login, {@code fields_get}, new connection, then the search) against repeats (the search
 * alone), and the first {@code describe_model} of another model (one {@code fields_get}) against
 * repeats (no Odoo call at all). A new tenant's first call cannot be ten times its repeat: it needs
 * its own round trips (figure 1 counts them), so it is compared with that minimum instead: its
 * round trips each at the cost of one repeated call.
 */
final class CacheFigure {

    private final BenchConfig config;
    private final BenchTable table;
    private final ServerProcess server;
    private final BenchOdoo.Urls fakes;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private final int firstRoundTrips;
    private long id = 1;

    CacheFigure(BenchConfig config, BenchTable table, ServerProcess server, BenchOdoo.Urls fakes, int firstRoundTrips) {
        this.firstRoundTrips = firstRoundTrips;
        this.config = config;
        this.table = table;
        this.server = server;
        this.fakes = fakes;
    }

    void measure() {
        int tenants = fakes.cold().size();
        int repeats = config.repeats();
        long[] firstCall = new long[tenants];
        long[] repeatCall = new long[tenants * repeats];
        long[] firstDescribe = new long[tenants];
        long[] repeatDescribe = new long[tenants * repeats];
        URI mcp = server.mcp();
        for (int t = 0; t < tenants; t++) {
            McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.cold().get(t));
            LongFunction<HttpRequest> search = n -> McpRequests.searchPartners(mcp, tenant, n);
            LongFunction<HttpRequest> describe = n -> McpRequests.describe(mcp, tenant, n, "sale.order");
            firstCall[t] = timed(search);
            for (int r = 0; r < repeats; r++) {
                repeatCall[t * repeats + r] = timed(search);
            }
            firstDescribe[t] = timed(describe);
            for (int r = 0; r < repeats; r++) {
                repeatDescribe[t * repeats + r] = timed(describe);
            }
        }
        String describe = "describe_model (metadata cache)";
        Stats a = Stats.ofNanos(firstDescribe);
        Stats b = Stats.ofNanos(repeatDescribe);
        table.add(7, describe + ": first", a);
        table.add(7, describe + ": repeated", b);
        double speedup = a.median() / b.median();
        table.add(
                7,
                describe + ": speed-up (median first / median repeated)",
                BenchTable.num(speedup, "%.1f×"),
                "≥ 10×",
                speedup >= 10);
        String search = "search_records, new tenant";
        Stats first = Stats.ofNanos(firstCall);
        Stats repeated = Stats.ofNanos(repeatCall);
        table.add(7, search + ": first (" + firstRoundTrips + " round trips, new connection)", first);
        table.add(7, search + ": repeated (1 round trip)", repeated);
        double overMinimum = first.median() / (firstRoundTrips * repeated.median());
        table.add(
                7,
                search + ": first / (" + firstRoundTrips + " × repeated)",
                BenchTable.num(overMinimum, "%.1f×"),
                "≤ 1.5×",
                overMinimum <= 1.5);
    }

    private long timed(LongFunction<HttpRequest> request) {
        long t0 = System.nanoTime();
        String failure = load.send(request.apply(id++), McpRequests::isResult);
        long elapsed = System.nanoTime() - t0;
        if (failure != null) {
            throw new IllegalStateException("Cache figure: a call failed: " + failure);
        }
        return elapsed;
    }
}
