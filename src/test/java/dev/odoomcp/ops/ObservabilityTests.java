package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.odoomcp.security.TenantIds;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real /mcp traffic against a fake Odoo 19 on loopback: the metrics it leaves on
 * /actuator/prometheus (behind the access token), and the one JSON log line per request, which
 * names the tenant by its keyed id and never holds the API key, the token or the Odoo URL. Both are
 * written when the request ends, which is after its answer has been sent: the tests wait for them.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // closing the context resets logging, so later test contexts log plain text again
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "mcp.access-token=" + ObservabilityTests.TOKEN,
            "mcp.tenant-hash-key=observability-tests-hash-key",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "logging.structured.format.console=ecs"
        })
class ObservabilityTests {

    static final String TOKEN = "ops-access-token-5b1d93e0";
    static final String KEY = "fake-odoo-api-key-4c9e2a71";
    static final String DB = "globex";
    static final String COUNT_PARTNERS = "{\"name\":\"count_records\",\"arguments\":{\"model\":\"res.partner\"}}";
    /** An Odoo 19 (JSON-2) with 12 contacts in each database; the key is refused in metrics-b. */
    private static final FakeOdoo ODOO = FakeOdoo.builder()
            .version("19.0")
            .database(DB, FakeOdooDatasets.contacts("admin", KEY, 12))
            .database("metrics-a", FakeOdooDatasets.contacts("admin", KEY, 12))
            .database("metrics-b", FakeOdooDatasets.contacts("admin", KEY, 12))
            .start();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Generous: how long a request thread may take, on a loaded machine, to log and count after answering. */
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TenantIds tenantIds;

    @Autowired
    BridgeMetrics bridgeMetrics;

    private McpClient client;

    @DynamicPropertySource
    static void odoo(DynamicPropertyRegistry registry) {
        registry.add("test.fake-odoo", () -> url());
    }

    @AfterAll
    static void stopOdoo() {
        ODOO.close();
    }

    @BeforeEach
    void client() {
        client = McpClient.at(port).with("X-MCP-Token", TOKEN);
    }

    @Test
    void trafficShowsUpOnPrometheusWithBoundedTagsAndNoSecrets() {
        String before = scrape();
        client.rpc(
                1,
                "initialize",
                "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}",
                Map.of());
        client.rpc(2, "tools/list", "{}", Map.of());
        // two databases no other test uses: two new tenants, and metadata fetched afresh (not from cache)
        assertThat(client.rpc(3, "tools/call", COUNT_PARTNERS, headers(KEY, "metrics-a"))
                        .json()
                        .path("result")
                        .path("structuredContent")
                        .path("count")
                        .asInt())
                .isEqualTo(12);
        assertThat(client.rpc(4, "tools/call", COUNT_PARTNERS, headers("wrong-key-0000000000", "metrics-b"))
                        .json()
                        .path("result")
                        .path("isError")
                        .asBoolean())
                .isTrue();
        client.rpc(5, "tools/call", "{\"name\":\"no_such_tool_" + KEY + "\"}", Map.of());
        client.rpc(6, "made/up-method", "{}", Map.of());
        McpClient.at(port).rpc(7, "tools/list", "{}", Map.of());

        assertThat(client.get("/actuator/prometheus", Map.of()).status()).isEqualTo(401);
        // a request's metrics are recorded when it ends, after its answer: scrape until the last one shows
        await().atMost(RECORDED_WITHIN).untilAsserted(() -> requestMetricsShow(before));
    }

    private void requestMetricsShow(String before) {
        McpClient.Reply scrape = client.get("/actuator/prometheus", Map.of("X-MCP-Token", TOKEN));
        assertThat(scrape.status()).isEqualTo(200);
        String metrics = scrape.body();
        java.util.function.BiFunction<String, String[], Double> delta =
                (name, labels) -> series(metrics, name, labels) - seriesOrZero(before, name, labels);

        assertThat(delta.apply("mcp_requests_seconds_count", new String[] {"method=\"initialize\"", "outcome=\"ok\""}))
                .isEqualTo(1);
        assertThat(delta.apply("mcp_requests_seconds_count", new String[] {"method=\"tools/list\"", "outcome=\"ok\""}))
                .isEqualTo(1);
        assertThat(delta.apply(
                        "mcp_requests_seconds_count",
                        new String[] {"method=\"tools/call\"", "tool=\"count_records\"", "outcome=\"ok\""}))
                .isEqualTo(1);
        assertThat(delta.apply(
                        "mcp_requests_seconds_count",
                        new String[] {"method=\"tools/call\"", "tool=\"count_records\"", "outcome=\"tool_error\""}))
                .isEqualTo(1);
        assertThat(delta.apply(
                        "mcp_requests_seconds_count",
                        new String[] {"method=\"tools/call\"", "tool=\"unknown\"", "outcome=\"protocol_error\""}))
                .isEqualTo(1);
        assertThat(delta.apply(
                        "mcp_requests_seconds_count",
                        new String[] {"method=\"unknown\"", "outcome=\"protocol_error\""}))
                .isEqualTo(1);
        assertThat(delta.apply(
                        "mcp_requests_seconds_count", new String[] {"method=\"none\"", "outcome=\"http_error\""}))
                .isEqualTo(1);
        // fields_get + search_count for the good key; the refused key fails on its first call
        assertThat(delta.apply("odoo_calls_seconds_count", new String[] {"protocol=\"json2\"", "outcome=\"ok\""}))
                .isEqualTo(2);
        assertThat(delta.apply(
                        "odoo_calls_seconds_count",
                        new String[] {"protocol=\"json2\"", "outcome=\"AUTHENTICATION_FAILED\""}))
                .isEqualTo(1);
        assertThat(delta.apply(
                        "odoo_calls_seconds_bucket",
                        new String[] {"protocol=\"json2\"", "outcome=\"ok\"", "le=\"+Inf\""}))
                .isEqualTo(2);
        assertThat(series(metrics, "odoo_calls_active")).isZero();
        assertThat(delta.apply("mcp_tenants_active", new String[] {"window=\"5m\""}))
                .isEqualTo(2);
        assertThat(delta.apply("mcp_tenants_active", new String[] {"window=\"60m\""}))
                .isEqualTo(2);
        assertThat(metrics)
                .contains("jvm_memory_used_bytes", "process_cpu_usage")
                .doesNotContain(KEY, TOKEN, url(), tenantIds.of(ODOO.baseUrl(), "metrics-a"));
    }

    @Test
    void everyBridgeMetricTheGrafanaDashboardQueriesIsExported() throws java.io.IOException {
        String[] countOk = {"method=\"tools/call\"", "tool=\"count_records\"", "outcome=\"ok\""};
        double before = seriesOrZero(scrape(), "mcp_requests_seconds_count", countOk);
        client.rpc(1, "tools/call", COUNT_PARTNERS, headers(KEY, DB));
        bridgeMetrics.refused(dev.odoomcp.security.LimitReason.TENANT_RATE);
        // counted once the request has ended (after its answer): wait, so no other test sees it late
        await().atMost(RECORDED_WITHIN)
                .until(() -> seriesOrZero(scrape(), "mcp_requests_seconds_count", countOk) == before + 1);
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("ops/grafana-dashboard.json"));
        java.util.Set<String> queried = new java.util.TreeSet<>();
        java.util.regex.Matcher names =
                java.util.regex.Pattern.compile("\\b((?:mcp|odoo)_[a-z_]+)\\{").matcher(dashboard);
        while (names.find()) {
            queried.add(names.group(1));
        }
        assertThat(queried)
                .contains(
                        "mcp_requests_seconds_count",
                        "mcp_tenants_active",
                        "odoo_calls_seconds_bucket",
                        "mcp_rate_limited_total");
        String metrics = scrape();
        for (String name : queried) {
            assertThat(metrics.lines().anyMatch(l -> l.startsWith(name + "{")))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    void eachRequestLogsOneJsonLineWithTenantTokenMethodToolProtocolAndOutcomeButNoSecret(CapturedOutput output) {
        McpClient.Reply ok = client.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + COUNT_PARTNERS + "}",
                with(headers(KEY, DB), "X-Request-Id", "trace-ok-000001"));
        assertThat(ok.headers().firstValue("X-Request-Id")).hasValue("trace-ok-000001");
        client.post(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":" + COUNT_PARTNERS + "}",
                with(headers("wrong-key-1111111111", DB), "X-Request-Id", "trace-refused-01"));
        client.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}", Map.of("X-Request-Id", "trace-protocol-1"));
        McpClient.Reply insane =
                client.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", Map.of("X-Request-Id", "x"));
        McpClient.at(port)
                .post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}", Map.of("X-Request-Id", "trace-no-token-1"));

        String tenant = tenantIds.of(ODOO.baseUrl(), DB);
        JsonNode line = onlyLine(output, "trace-ok-000001");
        assertThat(line.path("log").path("logger").asString()).isEqualTo("dev.odoomcp.mcp.access");
        assertThat(line.path("tenant").asString()).isEqualTo(tenant);
        assertThat(line.path("token").asString()).isEqualTo("shared");
        assertThat(line.path("mcp_method").asString()).isEqualTo("tools/call");
        assertThat(line.path("tool").asString()).isEqualTo("count_records");
        assertThat(line.path("odoo_protocol").asString()).isEqualTo("json2");
        assertThat(line.path("outcome").asString()).isEqualTo("ok");
        assertThat(line.path("http_status").asInt()).isEqualTo(200);
        assertThat(line.path("duration_ms").isNumber()).isTrue();

        JsonNode refused = onlyLine(output, "trace-refused-01");
        assertThat(refused.path("outcome").asString()).isEqualTo("tool_error");
        assertThat(refused.path("tenant").asString()).isEqualTo(tenant);
        JsonNode protocol = onlyLine(output, "trace-protocol-1");
        assertThat(protocol.path("outcome").asString()).isEqualTo("protocol_error");
        assertThat(protocol.path("error_code").asInt()).isEqualTo(-32601);
        assertThat(protocol.path("mcp_method").asString()).isEqualTo("unknown");
        JsonNode unauthorized = onlyLine(output, "trace-no-token-1");
        assertThat(unauthorized.path("http_status").asInt()).isEqualTo(401);
        assertThat(unauthorized.path("token").asString()).isEqualTo("none");
        String generated = insane.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).hasSize(36);
        assertThat(onlyLine(output, generated).path("mcp_method").asString()).isEqualTo("ping");

        assertThat(output.getAll()).doesNotContain(KEY, "wrong-key-1111111111", TOKEN, url());
    }

    /** The credentials headers of a caller of {@link #ODOO}'s database {@code database} (another tenant per database). */
    private static Map<String, String> headers(String key, String database) {
        return McpClient.odoo(ODOO.baseUrl(), database, "admin", key);
    }

    private static String url() {
        return ODOO.baseUrl().toString();
    }

    private String scrape() {
        return client.get("/actuator/prometheus", Map.of("X-MCP-Token", TOKEN)).body();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }

    /** The access-log line of a request, once written (the filter writes it after the answer is sent). */
    private static JsonNode onlyLine(CapturedOutput output, String requestId) {
        List<String> lines = await().atMost(RECORDED_WITHIN)
                .until(
                        () -> output.getOut()
                                .lines()
                                .filter(l -> l.contains("\"request_id\":\"" + requestId + "\""))
                                .toList(),
                        found -> !found.isEmpty());
        assertThat(lines).as("access log lines of " + requestId).hasSize(1);
        return JSON.readTree(lines.get(0));
    }

    private static double seriesOrZero(String metrics, String name, String... labels) {
        boolean present = metrics.lines()
                .anyMatch(l -> l.startsWith(name + "{")
                        && java.util.Arrays.stream(labels).allMatch(l::contains));
        return present ? series(metrics, name, labels) : 0;
    }

    /** The value of the one Prometheus sample of {@code name} whose labels contain every fragment. */
    private static double series(String metrics, String name, String... labels) {
        List<String> matching = metrics.lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .toList();
        assertThat(matching).as(name + " " + String.join(",", labels)).hasSize(1);
        String sample = matching.get(0);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
