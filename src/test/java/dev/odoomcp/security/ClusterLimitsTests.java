package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Three bridge instances behind a real haproxy (round robin) sharing a real Redis: a tenant's calls
 * spread over all instances are limited to its rate in total, not three times it, and another
 * tenant is not affected; its running calls are capped cluster-wide; Redis stopped mid-run, calls go
 * on under each instance's own limits (metric and one log line per instance say so), and once Redis
 * is back the limits are cluster-wide again. The Redis outage runs last.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterLimitsTests {

    private static final int RATE = 10;
    private static final String RATE_REFUSAL =
            "Rate limit for this Odoo database reached (" + RATE + " calls per minute, MCP_TENANT_RATE_PER_MINUTE)";
    private static final String COUNT = "{\"model\":\"res.partner\"}";

    private static FakeOdoo odoo;
    private static FakeOdoo slowOdoo;
    private static Cluster cluster;

    @BeforeAll
    static void start() {
        odoo = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", key("acme")))
                .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", key("globex")))
                .database("umbrella", FakeOdooDatasets.demoCompany("umbrella", "admin", key("umbrella")))
                .start();
        slowOdoo = FakeOdoo.builder()
                .version("18.0")
                .database("initech", FakeOdooDatasets.demoCompany("initech", "admin", key("initech")))
                .start();
        cluster = Cluster.start(
                3,
                Map.of(
                        "mcp.tenant-rate-per-minute",
                        Integer.toString(RATE),
                        "mcp.tenant-max-concurrent",
                        "2",
                        "mcp.queue-timeout",
                        "0s",
                        "mcp.request-timeout",
                        "30s",
                        "mcp.client-rate-per-minute",
                        "10000000",
                        "mcp.client-max-concurrent",
                        "256",
                        "mcp.unverified-rate-per-minute",
                        "1000000",
                        "mcp.max-in-flight",
                        "256"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (odoo != null) {
            odoo.close();
        }
        if (slowOdoo != null) {
            slowOdoo.close();
        }
    }

    @Test
    @Order(1)
    void aTenantsCallsOverAllInstancesAreLimitedToItsRateInTotalAndOthersAreNotAffected() {
        verifyOnEveryInstance(odoo, "acme");
        verifyOnEveryInstance(odoo, "globex");
        double[] before = toolCalls();
        List<McpClient.Reply> acme = calls(odoo, "acme", 2 * RATE);
        assertThat(acme.stream().filter(r -> !r.isToolError())).as("served").hasSize(RATE);
        assertThat(acme.stream().filter(r -> r.text().startsWith(RATE_REFUSAL)))
                .as("refused")
                .hasSize(RATE);
        double[] after = toolCalls();
        for (int i = 0; i < cluster.size(); i++) {
            assertThat(after[i] - before[i]).as("calls served by instance " + i).isGreaterThanOrEqualTo(RATE / 2.0);
        }
        assertThat(calls(odoo, "globex", RATE / 2))
                .as("another tenant")
                .allSatisfy(r -> assertThat(r.isToolError()).as(r.text()).isFalse());
    }

    @Test
    @Order(2)
    void aTenantsRunningCallsAreCappedForTheWholeCluster() throws Exception {
        verifyOnEveryInstance(slowOdoo, "initech");
        slowOdoo.latency(Duration.ofSeconds(4));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<McpClient.Reply>> running = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                running.add(CompletableFuture.supplyAsync(
                        () -> cluster.balanced().callTool("count_records", COUNT, headers(slowOdoo, "initech")), pool));
            }
            List<McpClient.Reply> replies = new ArrayList<>();
            for (CompletableFuture<McpClient.Reply> reply : running) {
                replies.add(reply.get(60, TimeUnit.SECONDS));
            }
            // Two per instance would be six: the cap of two holds across all three.
            assertThat(replies.stream().filter(r -> !r.isToolError()))
                    .as("served")
                    .hasSize(2);
            assertThat(replies.stream()
                            .filter(r -> r.text()
                                    .startsWith("Too many calls of this Odoo database are running at once (limit 2)")))
                    .as("refused")
                    .hasSize(4);
        } finally {
            pool.shutdownNow();
            slowOdoo.latency(Duration.ZERO);
        }
    }

    @Test
    @Order(3)
    void redisStoppedMidRunMeansLocalLimitsAndRedisBackMeansClusterWideAgain(CapturedOutput output) throws Exception {
        verifyOnEveryInstance(odoo, "umbrella");
        assertThat(calls(odoo, "umbrella", RATE + 2).stream().filter(r -> !r.isToolError()))
                .hasSize(RATE);
        cluster.awaitState("redis");

        cluster.redis().stop();
        cluster.awaitState("fallback");
        // Each instance now has its own fresh budget of RATE: three instances serve 3 × RATE in total.
        List<McpClient.Reply> local = calls(odoo, "umbrella", 3 * RATE + 6);
        assertThat(local.stream().filter(r -> !r.isToolError()))
                .as("served under local limits")
                .hasSize(3 * RATE);
        assertThat(local.stream().filter(r -> r.text().startsWith(RATE_REFUSAL)))
                .hasSize(6);
        assertThat(cluster.balanced().get("/health").status())
                .as("/health without REDIS_REQUIRED")
                .isEqualTo(200);
        assertThat(lines(output, "did not answer"))
                .as("one warning per instance, not per request")
                .isEqualTo(cluster.size());

        cluster.redis().restart();
        cluster.awaitState("redis");
        assertThat(lines(output, "answers again: the limits are cluster-wide again"))
                .isEqualTo(cluster.size());
        assertThat(lines(output, "did not answer")).isEqualTo(cluster.size());
        // Redis came back empty: one shared budget of RATE again, not one per instance.
        assertThat(calls(odoo, "umbrella", 2 * RATE).stream().filter(r -> !r.isToolError()))
                .hasSize(RATE);
    }

    /** One call per instance, straight to it, so every instance has seen Odoo accept these credentials. */
    private static void verifyOnEveryInstance(FakeOdoo server, String db) {
        for (int i = 0; i < cluster.size(); i++) {
            McpClient.Reply reply = cluster.direct(i).callTool("count_records", COUNT, headers(server, db));
            assertThat(reply.isToolError()).as(reply.body()).isFalse();
        }
    }

    private static List<McpClient.Reply> calls(FakeOdoo server, String db, int n) {
        List<McpClient.Reply> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            McpClient.Reply reply = cluster.balanced().callTool("count_records", COUNT, headers(server, db));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            replies.add(reply);
        }
        return replies;
    }

    private static double[] toolCalls() {
        double[] calls = new double[cluster.size()];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = cluster.toolCalls(i);
        }
        return calls;
    }

    private static Map<String, String> headers(FakeOdoo server, String db) {
        return McpClient.odoo(server.baseUrl(), db, "admin", key(db));
    }

    private static String key(String db) {
        return "cluster-key-" + db + "-5e0c27d1";
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(l -> l.contains(text)).count();
    }
}
