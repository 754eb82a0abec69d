package dev.odoomcp.bench;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 2: requests per second at a fixed number of concurrent clients, after a warm-up, for
 * {@code tools/list} and {@code tools/call} (search_records, zero-latency Odoo) on the bridge and
 * {@code tools/list} on the reference server in the same run. Also samples the bridge's RSS under
 * this load for figure 4.
 */
final class ThroughputFigure {

    private static final int MAX_REQUESTS = 2_000_000;

    private final BenchConfig config;
    private final BenchTable table;
    private final ServerProcess server;
    private final BenchOdoo.Urls fakes;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private final AtomicLong ids = new AtomicLong(1);

    ThroughputFigure(BenchConfig config, BenchTable table, ServerProcess server, BenchOdoo.Urls fakes) {
        this.config = config;
        this.table = table;
        this.server = server;
        this.fakes = fakes;
    }

    void measure() throws Exception {
        URI mcp = server.mcp();
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
        int clients = config.clients();
        double peakRss;
        LoadGenerator.Result list;
        LoadGenerator.Result call;
        try (RssSampler rss = new RssSampler(server)) {
            list = measured((c, n) -> McpRequests.toolsList(mcp, tenant, ids.getAndIncrement()));
            call = measured((c, n) -> McpRequests.searchPartners(mcp, tenant, ids.getAndIncrement()));
            peakRss = rss.peak();
        }
        row("bridge tools/list", list);
        row("bridge tools/call search_records (20 records)", call);
        table.add(6, "RSS under load (peak sampled during figure 2)", BenchTable.num(peakRss, "%.0f MiB"), "", null);
        if (config.reference() == null) {
            table.add(4, "reference server tools/list", "n/a (reference server not running)", "", null);
            table.add(4, "ratio bridge / reference, tools/list", "n/a", "≥ 3×", null);
            return;
        }
        ReferenceSessions sessions = ReferenceSessions.open(config.reference(), clients, load);
        LoadGenerator.Result reference = measured((c, n) -> sessions.toolsList(c, ids.getAndIncrement()));
        row("reference (server-everything) tools/list", reference);
        double ratio = list.perSecond() / reference.perSecond();
        table.add(4, "ratio bridge / reference, tools/list", BenchTable.num(ratio, "%.1f×"), "≥ 3×", ratio >= 3);
    }

    private LoadGenerator.Result measured(LoadGenerator.Requests requests) {
        int clients = config.clients();
        LoadGenerator.Result warm = load.run(clients, MAX_REQUESTS, config.warmup(), requests, McpRequests::isResult);
        if (warm.errors() > 0) {
            throw new IllegalStateException(
                    "Throughput warm-up: " + warm.errors() + " errors, first: " + warm.firstError());
        }
        return load.run(clients, MAX_REQUESTS, config.measure(), requests, McpRequests::isResult);
    }

    private void row(String what, LoadGenerator.Result r) {
        table.add(
                4,
                what + ", " + config.clients() + " clients",
                BenchTable.num(r.perSecond(), "%.0f req/s") + (r.errors() > 0 ? ", " + r.errors() + " errors" : ""),
                "",
                r.errors() == 0 ? null : false);
        table.add(4, "  latency, " + what, r.stats());
    }

    /** Samples the server's RSS every 100 ms on a daemon thread until closed. */
    static final class RssSampler implements AutoCloseable {

        private final Thread thread;
        private volatile boolean running = true;
        private volatile double peak = Double.NaN;

        RssSampler(ServerProcess server) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            double now = server.rssMb();
                            if (Double.isNaN(peak) || now > peak) {
                                peak = now;
                            }
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double peak() {
            return peak;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
