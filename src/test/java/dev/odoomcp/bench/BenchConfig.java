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
 * @param server17 how to launch the bridge on JDK 17 for the CPU figure, or null
 * @param python a Python with the {@code mcp} package for the peer figure, or null
 * @param peerScript the Python peer ({@code bench/peers/python_odoo_search.py})
 * @param profileDir where JFR recordings of the search calls go, or null for none
 * @param startupRuns starts timed per start-up variant
 * @param warmupPairs bridge + direct pairs sent before the added-latency figure measures
 * @param pairs bridge + direct pairs measured sequentially, and per client at 16 concurrent
 * @param warmup throughput warm-up time per server and method
 * @param measure throughput measuring time per server and method
 * @param clients concurrent clients of the throughput figure
 * @param burst concurrent tools/call of the concurrency figure
 * @param slowLatency latency of the fake Odoo the concurrency figure uses (as started)
 * @param repeats repeated calls per tenant in the cache figure
 * @param cpuWarmup calls before the CPU figure measures, per kind of call
 * @param cpuCalls calls the CPU figure measures, per kind of call
 * @param cpuClients concurrent clients of the CPU figure
 * @param figures which figures run: all, or one part for profiling ({@code bench/run --cpu-only | --burst-only})
 */
record BenchConfig(
        ServerProcess.Launch server,
        Path jar,
        URI reference,
        Path workDir,
        ServerProcess.Launch server17,
        Path python,
        Path peerScript,
        Path profileDir,
        int startupRuns,
        int warmupPairs,
        int pairs,
        Duration warmup,
        Duration measure,
        int clients,
        int burst,
        Duration slowLatency,
        int repeats,
        int cpuWarmup,
        int cpuCalls,
        int cpuClients,
        Figures figures) {

    /** All figures, or one part of them: a quicker run while working on what it measures. */
    enum Figures {
        ALL,
        /** Figures 1 and 2: round trips and CPU per call. */
        CPU,
        /** Figure 5 alone: the burst of concurrent calls against the slow Odoo. */
        BURST
    }

    /** The heap the bridge runs with in every figure: about what the container gives it. */
    static final String SERVER_HEAP = "-Xmx256m";

    static BenchConfig full(
            ServerProcess.Launch server,
            Path jar,
            URI reference,
            Path workDir,
            ServerProcess.Launch server17,
            Path python,
            Path peerScript,
            Path profileDir,
            Figures figures) {
        return new BenchConfig(
                server,
                jar,
                reference,
                workDir,
                server17,
                python,
                peerScript,
                profileDir,
                3,
                1_000,
                400,
                Duration.ofSeconds(3),
                Duration.ofSeconds(5),
                64,
                2_000,
                Duration.ofSeconds(1),
                5,
                5_000,
                3_000,
                4,
                figures);
    }

    static BenchConfig smoke(ServerProcess.Launch server, URI reference, Path workDir, Duration slowLatency) {
        return new BenchConfig(
                server,
                null,
                reference,
                workDir,
                null,
                null,
                null,
                null,
                1,
                10,
                10,
                Duration.ofMillis(200),
                Duration.ofMillis(300),
                4,
                20,
                slowLatency,
                2,
                10,
                20,
                2,
                Figures.ALL);
    }
}
