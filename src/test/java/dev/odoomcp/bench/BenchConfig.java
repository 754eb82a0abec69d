package dev.odoomcp.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How much load each figure applies. {@link #full} is what {@code bench/run} measures; the smoke
 * test uses {@link #smoke}, tiny counts that only prove the harness still works end to end.
 *
 * @param server how to launch the bridge
 * @param jar the bridge's Boot jar when launched from one (enables the extracted and AOT start-up
 *        rows on Java 25+), else null
 * @param reference the reference server's MCP endpoint, or null when it is not running
 * @param workDir where logs, the extracted jar and the AOT cache go
 * @param startupRuns starts timed per start-up variant
 * @param warmupPairs bridge + direct pairs sent before the added-latency figure measures
 * @param pairs bridge + direct pairs measured sequentially, and per client at 16 concurrent
 * @param warmup throughput warm-up time per server and method
 * @param measure throughput measuring time per server and method
 * @param clients concurrent clients of the throughput figure
 * @param burst concurrent tools/call of the concurrency figure
 * @param slowLatency latency of the fake Odoo the concurrency figure uses (as started)
 * @param repeats repeated calls per tenant in the cache figure
 */
record BenchConfig(ServerProcess.Launch server, Path jar, URI reference, Path workDir, int startupRuns,
        int warmupPairs, int pairs, Duration warmup, Duration measure, int clients, int burst,
        Duration slowLatency, int repeats) {

    static BenchConfig full(ServerProcess.Launch server, Path jar, URI reference, Path workDir) {
        return new BenchConfig(server, jar, reference, workDir, 3, 1_000, 400, Duration.ofSeconds(3),
                Duration.ofSeconds(5), 64, 2_000, Duration.ofSeconds(1), 5);
    }

    static BenchConfig smoke(ServerProcess.Launch server, URI reference, Path workDir, Duration slowLatency) {
        return new BenchConfig(server, null, reference, workDir, 1, 10, 10, Duration.ofMillis(200),
                Duration.ofMillis(300), 4, 20, slowLatency, 2);
    }
}
