package dev.odoomcp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 3: what the bridge adds to an Odoo call. {@code search_records} through the bridge is
 * paired with the very XML-RPC request the bridge sends for it ({@link SearchCapture}) sent straight to the same zero-latency fake; each client alternates the
 * two, so both see the same machine. Reported: percentiles of the per-pair difference.
 */
final class LatencyFigure {

    private final BenchConfig config;
    private final BenchTable table;
    private final ServerProcess server;
    private final BenchOdoo.Urls fakes;
    private final SearchCapture capture;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private final AtomicLong ids = new AtomicLong(1);

    LatencyFigure(
            BenchConfig config, BenchTable table, ServerProcess server, BenchOdoo.Urls fakes, SearchCapture capture) {
        this.config = config;
        this.table = table;
        this.server = server;
        this.fakes = fakes;
        this.capture = capture;
    }

    void measure() throws Exception {
        OdooRecorder.Exchange captured = capture.exchange();
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
        URI mcp = server.mcp();
        HttpRequest direct = McpRequests.direct(fakes.zero(), captured.path(), captured.contentType(), captured.body());
        Pairs warm = pairs(1, config.warmupPairs(), mcp, tenant, direct);
        check(warm);
        for (int clients : new int[] {1, 16}) {
            Pairs p = pairs(clients, config.pairs(), mcp, tenant, direct);
            check(p);
            String label = clients == 1 ? "sequential" : clients + " concurrent";
            table.add(3, "search_records via bridge, " + label, Stats.ofNanos(p.bridge()));
            table.add(3, "same search_read direct to Odoo, " + label, Stats.ofNanos(p.direct()));
            Stats added = Stats.ofNanos(p.difference());
            table.add(3, "added by the bridge (per-pair difference), " + label, added);
            table.add(
                    3,
                    "  added p50 / p99, " + label,
                    BenchTable.ms(added.median()) + " / " + BenchTable.ms(added.p99()) + " ms",
                    "≤ 1 / ≤ 5 ms",
                    added.median() <= 1 && added.p99() <= 5);
        }
    }

    /** Latencies of paired calls: bridge[i] and direct[i] were sent back to back by one client. */
    record Pairs(long[] bridge, long[] direct, int errors, String firstError) {

        long[] difference() {
            long[] d = new long[bridge.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = bridge[i] - direct[i];
            }
            return d;
        }
    }

    private Pairs pairs(int clients, int perClient, URI mcp, McpRequests.Tenant tenant, HttpRequest direct)
            throws Exception {
        long[] bridge = new long[clients * perClient];
        long[] straight = new long[clients * perClient];
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService executor = LoadGenerator.clients();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int base = c * perClient;
                running.add(executor.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        String a = load.send(
                                McpRequests.searchPartners(mcp, tenant, ids.getAndIncrement()), McpRequests::isResult);
                        long t1 = System.nanoTime();
                        String b = load.send(direct, McpRequests::isXmlRpcValue);
                        long t2 = System.nanoTime();
                        bridge[base + i] = t1 - t0;
                        straight[base + i] = t2 - t1;
                        if (a != null || b != null) {
                            failures.add(a != null ? a : b);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            executor.shutdownNow();
        }
        return new Pairs(bridge, straight, failures.size(), failures.isEmpty() ? null : failures.get(0));
    }

    private static void check(Pairs p) {
        if (p.errors() > 0) {
            throw new IllegalStateException(
                    "Latency figure: " + p.errors() + " failed calls, first: " + p.firstError());
        }
    }
}
