package dev.odoomcp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 8: the bridge side by side with a Python Odoo MCP server on the same fake Odoo in the same
 * run. The peer is {@code bench/peers/python_odoo_search.py}: the official Python SDK ({@code mcp},
 * MCPServer over Streamable HTTP, stateless, JSON answers) with one XML-RPC {@code search_records}
 * tool, a stand-in for the popular Python servers (which do not run on the mcp 2.x this machine's
 * Python index has; see that file). Same search (same fields, 20 records) on both: Odoo round trips
 * per warm search, CPU per search, sequential latency next to the direct XML-RPC call (interleaved,
 * so both see the same machine), search and tools/list throughput at 16 clients, RSS after load.
 */
final class PeerFigure {

    static final String LABEL = "Python stand-in (mcp 2.3 MCPServer + xmlrpc.client)";
    private static final int CLIENTS = 16;

    private final BenchConfig config;
    private final BenchTable table;
    private final ServerProcess bridge;
    private final BenchOdoo.Urls fakes;
    private final SearchCapture capture;
    private final CpuFigure cpu;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private final AtomicLong ids = new AtomicLong(1);

    PeerFigure(
            BenchConfig config,
            BenchTable table,
            ServerProcess bridge,
            BenchOdoo.Urls fakes,
            SearchCapture capture,
            CpuFigure cpu) {
        this.config = config;
        this.table = table;
        this.bridge = bridge;
        this.fakes = fakes;
        this.capture = capture;
        this.cpu = cpu;
    }

    void measure() throws Exception {
        if (config.python() == null) {
            table.add(8, LABEL, "n/a (no Python with the mcp package; see bench/run)", "", null);
            return;
        }
        table.add(8, "Odoo round trips per warm search: bridge / " + LABEL, "1 / " + peerRoundTrips(), "", null);
        try (ServerProcess peer = start(fakes.zero(), "peer.log")) {
            URI peerMcp = peer.mcp();
            URI bridgeMcp = bridge.mcp();
            McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
            LoadGenerator.Requests peerSearch = (c, n) -> peerSearch(peerMcp);
            LoadGenerator.Requests bridgeSearch =
                    (c, n) -> McpRequests.searchPartners(bridgeMcp, tenant, ids.getAndIncrement());
            double peerCpu = cpu.perCall(peer, peerSearch);
            double bridgeCpu = cpu.perCall(bridge, bridgeSearch);
            table.add(
                    8,
                    "CPU per search: bridge / peer",
                    CpuFigure.ms(bridgeCpu) + " / " + CpuFigure.ms(peerCpu),
                    "",
                    null);

            HttpRequest direct = McpRequests.direct(
                    fakes.zero(),
                    capture.exchange().path(),
                    capture.exchange().contentType(),
                    capture.exchange().body());
            long[][] seq = interleaved(bridgeMcp, tenant, peerMcp, direct);
            Stats b = Stats.ofNanos(seq[0]);
            Stats p = Stats.ofNanos(seq[1]);
            Stats d = Stats.ofNanos(seq[2]);
            table.add(8, "search, one client: bridge", b);
            table.add(8, "search, one client: peer", p);
            table.add(8, "search, one client: direct XML-RPC", d);
            table.add(
                    8,
                    "  added p50 over direct: bridge / peer",
                    BenchTable.ms(b.median() - d.median()) + " / " + BenchTable.ms(p.median() - d.median()) + " ms",
                    "",
                    null);

            double bridgeRate = throughput(bridgeSearch);
            double peerRate = throughput(peerSearch);
            table.add(
                    8,
                    "search throughput, " + CLIENTS + " clients: bridge / peer",
                    BenchTable.num(bridgeRate, "%.0f")
                            + " / " + BenchTable.num(peerRate, "%.0f") + " req/s ("
                            + BenchTable.num(bridgeRate / peerRate, "%.1f×") + ")",
                    "",
                    null);
            double bridgeList = throughput((c, n) -> McpRequests.toolsList(bridgeMcp, tenant, ids.getAndIncrement()));
            double peerList = throughput((c, n) -> peerList(peerMcp));
            table.add(
                    8,
                    "tools/list throughput, " + CLIENTS + " clients: bridge / peer",
                    BenchTable.num(bridgeList, "%.0f") + " / " + BenchTable.num(peerList, "%.0f") + " req/s ("
                            + BenchTable.num(bridgeList / peerList, "%.1f×") + ")",
                    "",
                    null);
            table.add(
                    8,
                    "RSS after load: bridge / peer",
                    BenchTable.num(bridge.rssMb(), "%.0f") + " / " + BenchTable.num(peer.rssMb(), "%.0f") + " MiB",
                    "",
                    null);
        }
    }

    private int peerRoundTrips() throws Exception {
        try (OdooRecorder recorder = new OdooRecorder(fakes.zero());
                ServerProcess peer = start(recorder.baseUrl(), "peer-recorded.log")) {
            send(peerSearch(peer.mcp()));
            recorder.clear();
            send(peerSearch(peer.mcp()));
            return recorder.exchanges().size();
        }
    }

    private ServerProcess start(URI odoo, String log) throws Exception {
        ServerProcess peer = ServerProcess.start(
                new ServerProcess.Launch(
                        config.python(), List.of(config.peerScript().toString())),
                List.of(),
                Map.of(
                        "ODOO_URL",
                        odoo.toString(),
                        "ODOO_DB",
                        BenchOdoo.DB,
                        "ODOO_USERNAME",
                        BenchOdoo.LOGIN,
                        "ODOO_API_KEY",
                        BenchOdoo.KEY),
                config.workDir().resolve(log));
        try {
            peer.awaitHealthy(Duration.ofSeconds(60));
            return peer;
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    private HttpRequest peerSearch(URI mcp) {
        return McpRequests.mcpPost(
                        mcp,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + ids.getAndIncrement()
                                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"search_records\",\"arguments\":"
                                + "{\"model\":\"res.partner\",\"fields\":" + capture.fieldsJson() + ",\"limit\":50}}}")
                .header("MCP-Protocol-Version", McpRequests.LEGACY_VERSION)
                .build();
    }

    private HttpRequest peerList(URI mcp) {
        return McpRequests.mcpPost(
                        mcp, "{\"jsonrpc\":\"2.0\",\"id\":" + ids.getAndIncrement() + ",\"method\":\"tools/list\"}")
                .header("MCP-Protocol-Version", McpRequests.LEGACY_VERSION)
                .build();
    }

    private void send(HttpRequest request) {
        String failure = load.send(request, McpRequests::isResult);
        if (failure != null) {
            throw new IllegalStateException("Peer figure: a call failed: " + failure);
        }
    }

    /** One client sends bridge, peer and direct calls in turn; latencies in that order. */
    private long[][] interleaved(URI bridgeMcp, McpRequests.Tenant tenant, URI peerMcp, HttpRequest direct) {
        int n = config.pairs();
        long[][] out = new long[3][n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            send(McpRequests.searchPartners(bridgeMcp, tenant, ids.getAndIncrement()));
            long t1 = System.nanoTime();
            send(peerSearch(peerMcp));
            long t2 = System.nanoTime();
            String failure = load.send(direct, McpRequests::isXmlRpcValue);
            long t3 = System.nanoTime();
            if (failure != null) {
                throw new IllegalStateException("Peer figure: the direct call failed: " + failure);
            }
            out[0][i] = t1 - t0;
            out[1][i] = t2 - t1;
            out[2][i] = t3 - t2;
        }
        return out;
    }

    private double throughput(LoadGenerator.Requests requests) {
        LoadGenerator.Result warm = load.run(CLIENTS, 1_000_000, config.warmup(), requests, McpRequests::isResult);
        if (warm.errors() > 0) {
            throw new IllegalStateException(
                    "Peer figure warm-up: " + warm.errors() + " errors, first: " + warm.firstError());
        }
        LoadGenerator.Result r = load.run(CLIENTS, 1_000_000, config.measure(), requests, McpRequests::isResult);
        if (r.errors() > 0) {
            throw new IllegalStateException("Peer figure: " + r.errors() + " errors, first: " + r.firstError());
        }
        return r.perSecond();
    }

    static Path script(Path root) {
        return root.resolve("bench/peers/python_odoo_search.py");
    }
}
