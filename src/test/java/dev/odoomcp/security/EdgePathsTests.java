package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Path normalisation through the real HTTP server, with an access token configured: every spelling of
 * {@code /mcp} and {@code /actuator/*} either is refused outright (path parameters, encoded separators,
 * dot segments) or is treated exactly like the plain path: token required, counted against the
 * in-flight cap, logged and measured. Only the public paths answer without a token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "mcp.access-token=" + EdgePathsTests.TOKEN,
            "mcp.max-in-flight=1",
            "mcp.request-timeout=60s",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "odoo.allowed-hosts=127.0.0.1",
            "odoo.response-timeout=60s"
        })
@ExtendWith(OutputCaptureExtension.class)
class EdgePathsTests {

    static final String TOKEN = "edge-token-0123456789abcdef";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    /** Spellings Spring routes to the MCP endpoint. */
    private static final List<String> MCP_SERVED = List.of("/mcp", "/%6dcp", "/m%63p", "/%6D%63%70");
    /** Spellings that could be read differently by different layers: refused before anything else. */
    private static final List<String> REFUSED = List.of(
            "/mcp;x",
            "/mcp;",
            "/mcp;jsessionid=0123456789ABCDEF",
            "/%6dcp;x",
            "/mcp%3bx",
            "//mcp",
            "/./mcp",
            "/x/../mcp",
            "/%2e/mcp",
            "/mcp%2f",
            "/m%25%36%33p",
            "/actuator/prometheus;x",
            "/actuator;x/prometheus",
            "/actuator/%70rometheus;",
            "/actuator/health/../prometheus",
            "/health/../actuator/prometheus",
            "/health;x",
            "/actuator/health;x/../prometheus");
    /** Anything else, known or not, needs the token. */
    private static final List<String> PROTECTED_GET = List.of(
            "/actuator/prometheus",
            "/actuator/%70rometheus",
            "/%61ctuator/prometheus",
            "/actuator/info",
            "/actuator",
            "/nowhere",
            "/mcp/",
            "/MCP");

    private static final List<String> PUBLIC_GET = List.of(
            "/health", "/%68ealth", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void everyServedSpellingOfMcpNeedsTheTokenAndIsLoggedAndMeasured(CapturedOutput output) throws Exception {
        for (String path : MCP_SERVED) {
            RawHttp.Answer refused = post(path, null, "edge-refused-" + path.hashCode());
            assertThat(refused.status()).as("POST %s without a token", path).isEqualTo(401);
            assertThat(error(refused).path("code").asInt()).isEqualTo(-32600);

            double before = pings();
            String requestId = "edge-served-" + Integer.toHexString(path.hashCode());
            RawHttp.Answer served = post(path, TOKEN, requestId);
            assertThat(served.status()).as("POST %s with the token", path).isEqualTo(200);
            assertThat(JsonMapper.shared().readTree(served.body()).has("result"))
                    .isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(pings()).as("mcp.requests for %s", path).isEqualTo(before + 1);
                assertThat(output.getOut()).as("access log line for %s", path).contains("id=" + requestId);
            });
        }
    }

    @Test
    void ambiguousPathsAreRefusedWithOrWithoutTheToken() throws Exception {
        for (String path : REFUSED) {
            for (String token : new String[] {null, TOKEN}) {
                RawHttp.Answer answer = token == null ? post(path, null, null) : get(path, token);
                assertThat(answer.status())
                        .as("%s (token: %s)", path, token != null)
                        .isEqualTo(400);
                assertThat(answer.body()).doesNotContain("\"result\"").doesNotContain("jvm_");
                if (answer.head().contains("application/json")) {
                    assertThat(error(answer).path("message").asString()).contains("path");
                }
            }
        }
    }

    @Test
    void everythingButThePublicPathsNeedsTheToken() throws Exception {
        for (String path : PROTECTED_GET) {
            RawHttp.Answer refused = get(path, null);
            assertThat(refused.status()).as("GET %s without a token", path).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("jvm_");
            assertThat(get(path, TOKEN).status())
                    .as("GET %s with the token", path)
                    .isNotEqualTo(401);
        }
        for (String path : List.of("/actuator/prometheus", "/actuator/%70rometheus")) {
            RawHttp.Answer metrics = get(path, TOKEN);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_");
        }
        for (String path : PUBLIC_GET) {
            assertThat(get(path, null).status())
                    .as("GET %s without a token", path)
                    .isEqualTo(200);
        }
    }

    @Test
    void everyServedSpellingOfMcpCountsAgainstTheInFlightCap() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RawStub stalled = new RawStub((socket, head, stub) -> release.await(60, TimeUnit.SECONDS))) {
            // MCP_MAX_IN_FLIGHT=1: a tool call waiting on a silent Odoo holds the only slot
            CompletableFuture<RawHttp.Answer> holder =
                    CompletableFuture.supplyAsync(() -> toolCall(stalled.url("http")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stalled.connections() >= 1);
            for (String path : MCP_SERVED) {
                RawHttp.Answer busy = post(path, TOKEN, null);
                assertThat(busy.status())
                        .as("POST %s while the only slot is taken", path)
                        .isEqualTo(503);
                assertThat(busy.head()).contains("Retry-After: 1");
                assertThat(error(busy).path("message").asString()).contains("MCP_MAX_IN_FLIGHT");
            }
            release.countDown();
            assertThat(holder.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(post("/mcp", TOKEN, null).status()).isEqualTo(200);
    }

    private RawHttp.Answer toolCall(URI odoo) {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"count_records\","
                + "\"arguments\":{\"model\":\"res.partner\"}}}";
        List<byte[]> headers = headers(TOKEN, null);
        for (String line : List.of(
                "X-Odoo-Url: " + odoo,
                "X-Odoo-Db: edge",
                "X-Odoo-Username: edge@example.com",
                "X-Odoo-Api-Key: edge-key-0123456789")) {
            headers.add(line.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            return RawHttp.send(port, "POST", "/mcp", headers, call.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private double pings() {
        return registry.find("mcp.requests").tag("method", "ping").timers().stream()
                .mapToDouble(Timer::count)
                .sum();
    }

    private RawHttp.Answer post(String path, String token, String requestId) throws Exception {
        return RawHttp.send(port, "POST", path, headers(token, requestId), PING.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Answer get(String path, String token) throws Exception {
        List<byte[]> headers = new ArrayList<>(List.of("Accept: */*".getBytes(StandardCharsets.US_ASCII)));
        if (token != null) {
            headers.add(("X-MCP-Token: " + token).getBytes(StandardCharsets.US_ASCII));
        }
        return RawHttp.send(port, "GET", path, headers, new byte[0]);
    }

    private static List<byte[]> headers(String token, String requestId) {
        List<String> lines = new ArrayList<>(
                List.of("Content-Type: application/json", "Accept: application/json, text/event-stream"));
        if (token != null) {
            lines.add("X-MCP-Token: " + token);
        }
        if (requestId != null) {
            lines.add("X-Request-Id: " + requestId);
        }
        List<byte[]> bytes = new ArrayList<>();
        lines.forEach(line -> bytes.add(line.getBytes(StandardCharsets.US_ASCII)));
        return bytes;
    }

    private static JsonNode error(RawHttp.Answer answer) {
        return JsonMapper.shared().readTree(answer.body()).path("error");
    }
}
