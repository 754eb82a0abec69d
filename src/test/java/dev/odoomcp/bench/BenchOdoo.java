package dev.odoomcp.bench;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Odoo servers the benchmark talks to: fake Odoo 18.0 instances on loopback (XML-RPC and the
 * version probes, the demo company with 20 contacts in database {@value #DB}, and with 220 in
 * {@value #PAGING_DB}) at the latencies the figures need. Run as its
 * own process by {@code bench/run} so that its CPU and heap are not the load generator's; started
 * in-process by the smoke test.
 *
 * <p>Command line: {@code BenchOdoo [slowLatencyMs=1000] [coldLatencyMs=5] [coldCount=8]}; prints
 * one {@code FAKES ...} line (see {@link Urls#toLine()}) and serves until stdin closes.
 */
public final class BenchOdoo implements AutoCloseable {

    static final String DB = "bench";
    /** A second database with 220 contacts, so that a page of 5 has a next page (the paging paths run). */
    static final String PAGING_DB = "bench_paging";

    static final int PAGING_CONTACTS = 220;
    static final String LOGIN = "admin";
    static final String KEY = "bench-api-key";

    /**
     * Where the fakes listen.
     *
     * @param zero no latency: added latency, throughput
     * @param slow long latency: the concurrency figure
     * @param cold one instance per tenant with a short latency, each first used by the cache figure
     */
    record Urls(URI zero, URI slow, List<URI> cold) {

        String toLine() {
            return "FAKES zero=" + zero + " slow=" + slow + " cold="
                    + String.join(",", cold.stream().map(URI::toString).toList());
        }

        static Urls parse(String line) {
            Map<String, String> parts = new java.util.HashMap<>();
            for (String token : line.substring("FAKES ".length()).trim().split(" ")) {
                int eq = token.indexOf('=');
                parts.put(token.substring(0, eq), token.substring(eq + 1));
            }
            return new Urls(
                    URI.create(parts.get("zero")),
                    URI.create(parts.get("slow")),
                    java.util.Arrays.stream(parts.get("cold").split(","))
                            .map(URI::create)
                            .toList());
        }
    }

    private final List<FakeOdoo> servers = new ArrayList<>();
    private final Urls urls;

    BenchOdoo(Duration slowLatency, Duration coldLatency, int coldCount) {
        try {
            FakeOdoo zero = start(Duration.ZERO);
            FakeOdoo slow = start(slowLatency);
            List<URI> cold = new ArrayList<>();
            for (int i = 0; i < coldCount; i++) {
                cold.add(start(coldLatency).baseUrl());
            }
            this.urls = new Urls(zero.baseUrl(), slow.baseUrl(), List.copyOf(cold));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Urls urls() {
        return urls;
    }

    private FakeOdoo start(Duration latency) {
        FakeOdoo odoo = FakeOdoo.builder()
                .version("18.0")
                .latency(latency)
                .database(DB, FakeOdooDatasets.demoCompany(DB, LOGIN, KEY))
                .database(
                        DB,
                        spec -> spec.model(
                                "res.partner",
                                m -> m.record(partner(42, "Jesse Brown", "jesse.brown"))
                                        .record(partner(43, "Addison Olson", "addison.olson"))))
                .database(PAGING_DB, FakeOdooDatasets.demoCompany(PAGING_DB, LOGIN, KEY))
                .database(
                        PAGING_DB,
                        spec -> spec.model("res.partner", m -> {
                            for (long id = 100; id < 100 + PAGING_CONTACTS - 18; id++) {
                                m.record(partner(id, "Contact " + id, "contact" + id));
                            }
                        }))
                .start();
        servers.add(odoo);
        return odoo;
    }

    /** Two more contacts, so that the demo company has 20 like a small real one's first page. */
    private static Map<String, Object> partner(long id, String name, String mailbox) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("id", id);
        r.put("name", name);
        r.put("email", mailbox + "@bench.example.com");
        r.put("phone", "+1 555-0" + id);
        r.put("country_id", 233L);
        r.put("company_id", 1L);
        r.put("parent_id", 15L);
        return r;
    }

    @Override
    public void close() {
        servers.forEach(FakeOdoo::close);
    }

    public static void main(String[] args) throws Exception {
        // The JDK HTTP server the fake runs on writes headers and body separately with Nagle on, so
        // every answer waited for the client's delayed ACK (~40 ms); and it closed pooled keep-alive
        // connections beyond 200 idle ones without saying so. Real Odoo fronts (nginx) do neither.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        Duration slow = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 1000);
        Duration cold = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 5);
        int coldCount = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        try (BenchOdoo fakes = new BenchOdoo(slow, cold, coldCount)) {
            System.out.println(fakes.urls().toLine());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the harness closes our stdin (or kills us)
            }
        }
    }
}
