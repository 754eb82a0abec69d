package dev.odoomcp.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 5: a burst of concurrent {@code tools/call} all in flight at once against a slow Odoo
 * (1 s per request in the full run), the bridge running with the heap of {@link BenchConfig#SERVER_HEAP}:
 * wall time, errors, and the bridge's peak heap (highest
 * heap-before-GC in its GC log during the burst, or the heap in use right after it, whichever is
 * larger) and peak RSS.
 */
final class ConcurrencyFigure {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final BenchConfig config;
    private final BenchTable table;
    private final ServerProcess server;
    private final BenchOdoo.Urls fakes;
    private final Path gcLog;

    ConcurrencyFigure(BenchConfig config, BenchTable table, ServerProcess server, BenchOdoo.Urls fakes, Path gcLog) {
        this.config = config;
        this.table = table;
        this.server = server;
        this.fakes = fakes;
        this.gcLog = gcLog;
    }

    void measure() throws Exception {
        URI mcp = server.mcp();
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.slow());
        LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
        String warm = load.send(McpRequests.searchPartners(mcp, tenant, 0), McpRequests::isResult);
        if (warm != null) {
            throw new IllegalStateException("Concurrency figure: warming the tenant failed: " + warm);
        }
        long gcOffset = Files.exists(gcLog) ? Files.size(gcLog) : 0;
        int burst = config.burst();
        LoadGenerator.Result r = load.run(
                burst,
                burst,
                Duration.ofSeconds(120),
                (c, n) -> McpRequests.searchPartners(mcp, tenant, n + 1L),
                McpRequests::isResult);
        double heapAfter = server.heapUsedMb();
        double heapPeak = Math.max(heapAfter, peakBeforeGc(gcOffset));
        double rssPeak = server.peakRssMb();
        long latencyMs = config.slowLatency().toMillis();
        double wall = r.wallNanos() / 1e6;
        boolean allOk = r.errors() == 0 && r.completed() == burst;
        table.add(
                5,
                burst + " concurrent tools/call, Odoo latency " + latencyMs + " ms: wall time",
                BenchTable.num(wall, "%.0f ms"),
                "≤ 2 × latency",
                allOk && wall <= 2.0 * latencyMs);
        table.add(
                5,
                "  succeeded / errors",
                (r.completed() - r.errors()) + " / " + r.errors()
                        + (r.firstError() == null
                                ? ""
                                : " (first: " + r.firstError().replace('|', '/') + ")"),
                "all",
                allOk);
        table.add(5, "  latency per call", r.stats());
        table.add(
                5,
                "  peak heap of the bridge (" + BenchConfig.SERVER_HEAP + ")",
                BenchTable.num(heapPeak, "%.0f MiB"),
                "≤ 256 MiB",
                allOk && heapPeak <= 256);
        table.add(5, "  peak RSS of the bridge (VmHWM, whole run)", BenchTable.num(rssPeak, "%.0f MiB"), "", null);
    }

    private double peakBeforeGc(long offset) throws IOException {
        if (!Files.exists(gcLog)) {
            return Double.NaN;
        }
        byte[] all = Files.readAllBytes(gcLog);
        String text = new String(
                all,
                (int) Math.min(offset, all.length),
                all.length - (int) Math.min(offset, all.length),
                StandardCharsets.UTF_8);
        double peak = Double.NaN;
        Matcher m = GC_LINE.matcher(text);
        while (m.find()) {
            double before = Double.parseDouble(m.group(1));
            peak = Double.isNaN(peak) ? before : Math.max(peak, before);
        }
        return peak;
    }
}
