package dev.odoomcp.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: starts the bridge as its own process against the fake Odoo servers of
 * {@link BenchOdoo}, measures the eight figures and returns them as one {@link BenchTable}. Run by
 * {@code bench/run} ({@link #main}); the smoke test runs it in-process with tiny counts.
 */
final class Bench {

    /** The limits the bench raises so that the concurrency figure measures the bridge, not its guards. */
    static final Map<String, String> SERVER_ENV = Map.ofEntries(
            Map.entry("ODOO_ALLOW_PRIVATE_NETWORKS", "true"), Map.entry("ODOO_ALLOW_HTTP", "true"),
            Map.entry("ODOO_MAX_CONCURRENT_PER_HOST", "4096"), Map.entry("ODOO_MAX_CONNECTIONS", "4096"),
            Map.entry("MCP_TENANT_MAX_CONCURRENT", "10000"), Map.entry("MCP_MAX_IN_FLIGHT", "100000"),
            Map.entry("MCP_TENANT_RATE_PER_MINUTE", "1000000"), Map.entry("MCP_CLIENT_RATE_PER_MINUTE", "10000000"),
            Map.entry("MCP_CLIENT_MAX_CONCURRENT", "100000"), Map.entry("MCP_UNVERIFIED_RATE_PER_MINUTE", "1000000"));

    private Bench() {}

    /** Everything measured, with what the figures depend on. */
    record Report(String header, BenchTable table) {

        String text() {
            return header + "\n" + table.render();
        }
    }

    static Report run(BenchConfig config, BenchOdoo.Urls fakes) throws Exception {
        Files.createDirectories(config.workDir());
        if (config.profileDir() != null) {
            Files.createDirectories(config.profileDir());
        }
        String header = Machine.describe(config.server().java());
        BenchTable table = new BenchTable();
        boolean all = config.figures() == BenchConfig.Figures.ALL;
        if (all) {
            new FootprintFigure(config, table).startUp();
        }
        Path gcLog = config.workDir().resolve("server-gc.log");
        List<String> jvm = new ArrayList<>(List.of(BenchConfig.SERVER_HEAP, "-Xlog:gc:file=" + gcLog));
        String jdk = "JDK " + Machine.feature(config.server().java());
        CpuFigure cpu = null;
        try (ServerProcess server = ServerProcess.start(
                config.server(), jvm, SERVER_ENV, config.workDir().resolve("server.log"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            Thread.sleep(2_000);
            if (config.figures() == BenchConfig.Figures.BURST) {
                new ConcurrencyFigure(config, table, server, fakes, gcLog).measure();
            } else {
                double idle = server.rssMb();
                table.add(
                        6,
                        "RSS idle (after start, no request yet)",
                        BenchTable.num(idle, "%.0f MiB"),
                        "≤ 150 MiB",
                        idle <= 150);
                SearchCapture capture = SearchCapture.of(server, fakes);
                int firstRoundTrips = new RoundTripFigure(table, server, fakes).measure();
                cpu = new CpuFigure(config, table, fakes, capture);
                if (all) {
                    new LatencyFigure(config, table, server, fakes, capture).measure();
                    new ThroughputFigure(config, table, server, fakes).measure();
                }
                // after the load of figures 3 and 4, so that the JIT has compiled what a warm server runs
                double search = cpu.bridge(server, jdk, new GcLog(gcLog));
                cpu.direct(config.server().java(), jdk, search);
                if (all) {
                    // After the others, so the JIT is warm: the cold fakes are untouched, their caches cold.
                    new CacheFigure(config, table, server, fakes, firstRoundTrips).measure();
                    new PeerFigure(config, table, server, fakes, capture, cpu).measure();
                    new ConcurrencyFigure(config, table, server, fakes, gcLog).measure();
                }
            }
        }
        if (config.server17() != null && cpu != null) {
            Path gcLog17 = config.workDir().resolve("server17-gc.log");
            try (ServerProcess server = ServerProcess.start(
                    config.server17(),
                    List.of(BenchConfig.SERVER_HEAP, "-Xlog:gc:file=" + gcLog17),
                    SERVER_ENV,
                    config.workDir().resolve("server17.log"))) {
                server.awaitHealthy(Duration.ofSeconds(120));
                String jdk17 = "JDK " + Machine.feature(config.server17().java());
                double search = cpu.bridge(server, jdk17, new GcLog(gcLog17));
                cpu.direct(config.server17().java(), jdk17, search);
            }
            table.note("JDK 17 bridge (CPU rows only): "
                    + Machine.javaVersion(config.server17().java()) + ".");
        }
        table.note("Server JVM options: " + BenchConfig.SERVER_HEAP + " -Xlog:gc, otherwise defaults; environment: "
                + String.join(
                        " ",
                        SERVER_ENV.entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList())
                + " (per-host and connection limits raised for the concurrency figure; tenant limits set high).");
        table.note("Load at end: " + Machine.loadAverage());
        return new Report(header, table);
    }

    /**
     * {@code Bench --fakes=FILE --server-java=JAVA --server-jar=JAR [--server-java17=JAVA]
     * [--reference=URL] [--python=PYTHON --root=DIR] [--profile=DIR] [--work=DIR] [--out=FILE]}:
     * FILE holds the {@code FAKES} line {@link BenchOdoo} printed; PYTHON has the {@code mcp} package
     * for the peer figure, DIR is the repository root; with {@code --profile} the search calls of the
     * CPU figure are recorded with JFR into that directory.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        BenchOdoo.Urls fakes = BenchOdoo.Urls.parse(Files.readAllLines(Path.of(options.get("fakes"))).stream()
                .filter(l -> l.startsWith("FAKES "))
                .findFirst()
                .orElseThrow());
        Path jar = Path.of(options.get("server-jar")).toAbsolutePath();
        ServerProcess.Launch launch =
                new ServerProcess.Launch(Path.of(options.get("server-java")), List.of("-jar", jar.toString()));
        String reference = options.get("reference");
        Path work = Path.of(options.getOrDefault("work", "target/bench"));
        ServerProcess.Launch launch17 = options.containsKey("server-java17")
                ? new ServerProcess.Launch(Path.of(options.get("server-java17")), List.of("-jar", jar.toString()))
                : null;
        Path python = options.containsKey("python") ? Path.of(options.get("python")) : null;
        Path root = Path.of(options.getOrDefault("root", "."));
        Path profile = options.containsKey("profile") ? Path.of(options.get("profile")) : null;
        BenchConfig config = BenchConfig.full(
                launch,
                jar,
                reference == null ? null : URI.create(reference),
                work,
                launch17,
                python,
                PeerFigure.script(root),
                profile,
                options.containsKey("cpu-only")
                        ? BenchConfig.Figures.CPU
                        : options.containsKey("burst-only") ? BenchConfig.Figures.BURST : BenchConfig.Figures.ALL);
        Report report = run(config, fakes);
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String text = "Run " + stamp + "\n" + report.text();
        System.out.println(text);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), text);
        }
    }

    static void writeQuietly(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException ignored) {
            // a log, nothing depends on it
        }
    }
}
