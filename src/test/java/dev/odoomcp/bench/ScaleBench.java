package dev.odoomcp.bench;

import dev.odoomcp.testing.Haproxy;
import dev.odoomcp.testing.RedisServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale-out benchmark ({@code bench/scale}): what the Redis limit check adds to one call
 * (search_records sent alternately to an instance with in-memory limits and to one with limits on
 * Redis, sequentially, per-pair difference), and {@code tools/call} throughput of one instance
 * against one and two instances behind haproxy sharing Redis, on the same machine (same CPUs, so
 * the figure shows what the balancer and Redis cost, not more capacity). Bridges run as their own
 * processes; Redis, haproxy and the fake Odoo ({@link BenchOdoo}, in this process) on loopback.
 */
final class ScaleBench {

    static final String[] SECTIONS = {"", "1 Redis check per call", "2 Throughput, 1 vs 2 instances"};
    private static final String HASH_KEY = "scale-bench-shared-hash-key-0042";

    /**
     * How much load the figures apply.
     *
     * @param warmupCalls calls sent to each instance before anything is measured
     * @param pairs sequential memory + Redis pairs of the latency figure
     * @param clients concurrent clients of the throughput figure
     */
    record Config(
            ServerProcess.Launch server,
            Path workDir,
            int warmupCalls,
            int pairs,
            int clients,
            Duration warmup,
            Duration measure) {

        static Config full(ServerProcess.Launch server, Path workDir) {
            return new Config(server, workDir, 2_000, 1_000, 64, Duration.ofSeconds(3), Duration.ofSeconds(8));
        }

        static Config smoke(ServerProcess.Launch server, Path workDir) {
            return new Config(server, workDir, 20, 20, 4, Duration.ofMillis(200), Duration.ofMillis(300));
        }
    }

    private final Config config;
    private final BenchOdoo.Urls fakes;
    private final LoadGenerator load = new LoadGenerator(LoadGenerator.newClient());
    private final AtomicLong ids = new AtomicLong(1);
    private final BenchTable table = new BenchTable(SECTIONS);

    private ScaleBench(Config config, BenchOdoo.Urls fakes) {
        this.config = config;
        this.fakes = fakes;
    }

    static Bench.Report run(Config config, BenchOdoo.Urls fakes) throws Exception {
        return new ScaleBench(config, fakes).measure();
    }

    private Bench.Report measure() throws Exception {
        Files.createDirectories(config.workDir());
        String header = Machine.describe(config.server().java());
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> shared = new HashMap<>(Bench.SERVER_ENV);
            shared.put("MCP_TENANT_HASH_KEY", HASH_KEY);
            shared.put("REDIS_URL", redis.url());
            List<ServerProcess> started = new ArrayList<>();
            try {
                ServerProcess memory = start("memory", Bench.SERVER_ENV, started);
                ServerProcess first = start("redis-1", shared, started);
                latency(memory, first);
                LoadGenerator.Result alone = throughput(memory.mcp());
                row("1 instance, limits in memory, direct", alone, null);
                try (Haproxy one = Haproxy.roundRobin(List.of(first.port()))) {
                    row("1 instance behind haproxy, limits on Redis", throughput(mcp(one)), alone);
                }
                memory.close();
                ServerProcess second = start("redis-2", shared, started);
                try (Haproxy two = Haproxy.roundRobin(List.of(first.port(), second.port()))) {
                    row("2 instances behind haproxy, limits on Redis", throughput(mcp(two)), alone);
                }
            } finally {
                started.forEach(ServerProcess::close);
            }
        }
        table.note("Each bridge: its own JVM (defaults, no -Xmx), the bench environment of bench/run ("
                + "limits set high so they never refuse) plus, for the Redis rows, REDIS_URL and MCP_TENANT_HASH_KEY: "
                + "the client's rate and the tenant's rate and running calls are checked on Redis for every call. "
                + "Redis 7 (redis-server, no persistence), haproxy (round robin, HTTP keep-alive) and the fake Odoo "
                + "(no latency) run on the same 2 CPUs as the bridges and the load generator.");
        table.note("Load at end: " + Machine.loadAverage());
        return new Bench.Report(header, table);
    }

    private ServerProcess start(String name, Map<String, String> env, List<ServerProcess> started) throws Exception {
        ServerProcess server = ServerProcess.start(
                config.server(), List.of(), env, config.workDir().resolve("scale-" + name + ".log"));
        started.add(server);
        server.awaitHealthy(Duration.ofSeconds(120));
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
        for (int i = 0; i < config.warmupCalls(); i++) {
            send(McpRequests.searchPartners(server.mcp(), tenant, ids.getAndIncrement()));
        }
        return server;
    }

    /** Pairs sent back to back by one client: the same call to the memory and to the Redis instance. */
    private void latency(ServerProcess memory, ServerProcess redis) {
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
        long[] inMemory = new long[config.pairs()];
        long[] onRedis = new long[config.pairs()];
        long[] added = new long[config.pairs()];
        for (int i = 0; i < config.pairs(); i++) {
            // Alternate which goes first, so neither always follows the other's warm caches.
            boolean memoryFirst = i % 2 == 0;
            long a = timed(memoryFirst ? memory.mcp() : redis.mcp(), tenant);
            long b = timed(memoryFirst ? redis.mcp() : memory.mcp(), tenant);
            inMemory[i] = memoryFirst ? a : b;
            onRedis[i] = memoryFirst ? b : a;
            added[i] = onRedis[i] - inMemory[i];
        }
        table.add(1, "search_records, limits in memory, sequential", Stats.ofNanos(inMemory));
        table.add(1, "search_records, limits on Redis, sequential", Stats.ofNanos(onRedis));
        Stats difference = Stats.ofNanos(added);
        table.add(1, "added by the Redis check (per-pair difference)", difference);
        table.add(1, "  added p50", BenchTable.ms(difference.median()) + " ms", "≤ 0.3 ms", difference.median() <= 0.3);
    }

    private long timed(URI mcp, McpRequests.Tenant tenant) {
        long t0 = System.nanoTime();
        send(McpRequests.searchPartners(mcp, tenant, ids.getAndIncrement()));
        return System.nanoTime() - t0;
    }

    private LoadGenerator.Result throughput(URI mcp) {
        McpRequests.Tenant tenant = McpRequests.Tenant.bench(fakes.zero());
        LoadGenerator.Requests calls = (c, n) -> McpRequests.searchPartners(mcp, tenant, ids.getAndIncrement());
        LoadGenerator.Result warm =
                load.run(config.clients(), 2_000_000, config.warmup(), calls, McpRequests::isResult);
        if (warm.errors() > 0) {
            throw new IllegalStateException("Scale warm-up: " + warm.errors() + " errors, first: " + warm.firstError());
        }
        return load.run(config.clients(), 2_000_000, config.measure(), calls, McpRequests::isResult);
    }

    private void row(String what, LoadGenerator.Result r, LoadGenerator.Result baseline) {
        String value = BenchTable.num(r.perSecond(), "%.0f req/s")
                + (r.errors() > 0 ? ", " + r.errors() + " errors" : "")
                + (baseline == null ? "" : BenchTable.num(r.perSecond() / baseline.perSecond(), " (%.2f×)"));
        table.add(
                2,
                "tools/call search_records, " + config.clients() + " clients: " + what,
                value,
                "",
                r.errors() == 0 ? null : false);
        table.add(2, "  latency, " + what, r.stats());
    }

    private static URI mcp(Haproxy balancer) {
        return URI.create("http://127.0.0.1:" + balancer.port() + "/mcp");
    }

    private void send(HttpRequest request) {
        String failure = load.send(request, McpRequests::isResult);
        if (failure != null) {
            throw new IllegalStateException("Scale bench: a call failed: " + failure);
        }
    }

    /** {@code ScaleBench --server-java=JAVA --server-jar=JAR [--work=DIR] [--out=FILE]}. */
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        ServerProcess.Launch launch = new ServerProcess.Launch(
                Path.of(options.get("server-java")),
                List.of(
                        "-jar",
                        Path.of(options.get("server-jar")).toAbsolutePath().toString()));
        Path work = Path.of(options.getOrDefault("work", "target/bench"));
        Bench.Report report;
        try (BenchOdoo odoo = new BenchOdoo(Duration.ofSeconds(1), Duration.ofMillis(5), 1)) {
            report = run(Config.full(launch, work), odoo.urls());
        }
        String text =
                "Run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n" + report.text();
        System.out.println(text);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), text);
        }
    }
}
