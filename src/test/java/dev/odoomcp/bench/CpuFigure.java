package dev.odoomcp.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 2: CPU time per call, the figure machine load cannot blur. The server process's CPU time
 * (user + system, all threads: request handling, JIT, GC; from {@code /proc/PID/stat}) over a
 * number of calls after a warm-up, divided by the calls: {@code tools/list}, {@code tools/call
 * search_records} (20 records, instant Odoo) and, in a JVM of its own, a plain XML-RPC client
 * making the same {@code search_read} straight to Odoo. With {@code --profile} a second run of the
 * same search calls is recorded with JFR ({@code settings=profile}: CPU samples and allocations).
 */
final class CpuFigure {

    private final BenchConfig config;
    private final BenchTable table;
    private final BenchOdoo.Urls fakes;
    private final SearchCapture capture;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private final AtomicLong ids = new AtomicLong(1);

    CpuFigure(BenchConfig config, BenchTable table, BenchOdoo.Urls fakes, SearchCapture capture) {
        this.config = config;
        this.table = table;
        this.fakes = fakes;
        this.capture = capture;
    }

    /**
     * The bridge's CPU (and heap allocated, from its GC log) per tools/list and per search_records;
     * returns the search's CPU in ms.
     */
    double bridge(ServerProcess server, String jdk, GcLog gc) throws Exception {
        URI mcp = server.mcp();
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
        LoadGenerator.Requests toolsList = (c, n) -> McpRequests.toolsList(mcp, tenant, ids.getAndIncrement());
        double[] list = perCall(server, toolsList, gc);
        table.add(2, "bridge, tools/list, " + jdk, ms(list[0]) + ", " + kib(list[1]) + " allocated", "", null);
        LoadGenerator.Requests search = (c, n) -> McpRequests.searchPartners(mcp, tenant, ids.getAndIncrement());
        double[] call = perCall(server, search, gc);
        table.add(
                2,
                "bridge, tools/call search_records (20 records), " + jdk,
                ms(call[0]) + ", " + kib(call[1]) + " allocated",
                "≤ 1 ms",
                call[0] <= 1);
        if (config.profileDir() != null) {
            profile(server, jdk, "search_records", search);
            profile(server, jdk, "tools_list", toolsList);
        }
        return call[0];
    }

    /** The plain client's CPU per search_read, on the JDK of {@code java}; NaN when it could not run. */
    double direct(Path java, String jdk, double bridgeSearch) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DirectXmlRpcClient.class.getName(),
                fakes.zero().toString(),
                BenchOdoo.DB,
                "2",
                BenchOdoo.KEY,
                String.join(",", capture.fields()),
                Integer.toString(config.cpuWarmup()),
                Integer.toString(config.cpuCalls()),
                Integer.toString(config.cpuClients())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("The direct XML-RPC client failed: " + out);
        }
        String line = out.lines()
                .filter(l -> l.startsWith("CPU "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The direct XML-RPC client printed no CPU line: " + out));
        String[] parts = line.split(" ");
        double perCall = Double.parseDouble(parts[1]) / Double.parseDouble(parts[3]);
        table.add(
                2, "direct XML-RPC client, same search_read (Apache XML-RPC, own JVM), " + jdk, ms(perCall), "", null);
        table.add(
                2,
                "  ratio bridge / direct, search, " + jdk,
                BenchTable.num(bridgeSearch / perCall, "%.1f×"),
                "",
                null);
        return perCall;
    }

    /** CPU ms and heap KiB allocated per call of {@code requests}, measured after a warm-up. */
    private double[] perCall(ServerProcess server, LoadGenerator.Requests requests, GcLog gc) {
        int clients = config.cpuClients();
        check(load.run(clients, config.cpuWarmup(), Duration.ofMinutes(5), requests, McpRequests::isResult));
        double usedThen = server.heapUsedMb();
        long mark = gc.mark();
        double before = server.cpuMillis();
        LoadGenerator.Result r =
                load.run(clients, config.cpuCalls(), Duration.ofMinutes(5), requests, McpRequests::isResult);
        double after = server.cpuMillis();
        check(r);
        double allocated = gc.allocatedMb(mark, usedThen, server.heapUsedMb());
        return new double[] {(after - before) / r.completed(), allocated * 1024 / r.completed()};
    }

    /** CPU ms per call of {@code requests}, measured after a warm-up, at a few clients. */
    double perCall(ServerProcess server, LoadGenerator.Requests requests) {
        int clients = config.cpuClients();
        check(load.run(clients, config.cpuWarmup(), Duration.ofMinutes(5), requests, McpRequests::isResult));
        double before = server.cpuMillis();
        LoadGenerator.Result r =
                load.run(clients, config.cpuCalls(), Duration.ofMinutes(5), requests, McpRequests::isResult);
        double after = server.cpuMillis();
        check(r);
        return (after - before) / r.completed();
    }

    private void profile(ServerProcess server, String jdk, String what, LoadGenerator.Requests requests)
            throws Exception {
        Path jcmd = server.java().resolveSibling("jcmd");
        String name = "bench-" + what + "-" + jdk.replaceAll("\\W+", "");
        Path file = config.profileDir().resolve(what + "-" + jdk.replaceAll("\\W+", "") + ".jfr");
        jcmd(jcmd, server, "JFR.start", "name=" + name, "settings=profile", "filename=" + file);
        check(load.run(config.cpuClients(), config.cpuCalls(), Duration.ofMinutes(5), requests, McpRequests::isResult));
        jcmd(jcmd, server, "JFR.stop", "name=" + name);
        table.note("JFR recording of " + config.cpuCalls() + " " + what + " calls on " + jdk + ": " + file);
    }

    private static void jcmd(Path jcmd, ServerProcess server, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), Long.toString(server.pid())));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }

    private static void check(LoadGenerator.Result r) {
        if (r.errors() > 0) {
            throw new IllegalStateException("CPU figure: " + r.errors() + " failed calls, first: " + r.firstError());
        }
    }

    private static String kib(double value) {
        return BenchTable.num(value, "%.0f KiB");
    }

    static String ms(double value) {
        return BenchTable.num(value, value < 10 ? "%.2f ms" : "%.1f ms");
    }
}
