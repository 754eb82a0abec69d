package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole session with a recognisable API key and access token, capturing every HTTP answer and
 * every log line (our own code at DEBUG): successes over XML-RPC and JSON-2, a wrong key, tool
 * errors, an Odoo fault with a traceback, a refused access token, a tenant over its rate, malformed
 * requests, the key misplaced in the URL, and every actuator endpoint. Neither secret may appear
 * anywhere.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "mcp.access-tokens=ops:" + SecretsNeverLeakTests.TOKEN,
            "mcp.tenant-rate-per-minute=12",
            "logging.level.dev.odoomcp=DEBUG",
            "management.endpoints.web.exposure.include=*"
        })
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTests {

    static final String KEY = "LEAKCHECK-odoo-key-7f3a9c51";
    static final String TOKEN = "LEAKCHECK-mcp-token-d41e8b22";

    @LocalServerPort
    int port;

    private final List<McpClient.Reply> replies = new ArrayList<>();

    @Test
    void neitherTheApiKeyNorTheAccessTokenAppearsInAnyAnswerOrLogLine(CapturedOutput output) throws IOException {
        McpClient bridge = McpClient.at(port);
        try (FakeOdoo v18 = FakeOdoo.builder()
                        .version("18.0")
                        .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                        .start();
                FakeOdoo v19 = FakeOdoo.builder()
                        .version("19.0")
                        .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                        .start()) {
            for (FakeOdoo odoo : List.of(v18, v19)) {
                Map<String, String> ok = withToken(McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY));
                expectSuccess(
                        bridge.callTool("search_records", "{\"model\":\"res.partner\",\"limit\":3}", ok),
                        "acme.example.com");
                expectSuccess(bridge.callTool("count_records", "{\"model\":\"res.partner\"}", ok), "\"count\":18");
                expectToolError(bridge.callTool("search_records", "{\"model\":\"no.such.model\"}", ok));
                expectToolError(bridge.callTool("search_records", "{\"model\":\"res.partner\",\"limit\":\"x\"}", ok));
                expectToolError(bridge.callTool(
                        "count_records",
                        "{\"model\":\"res.partner\"}",
                        withToken(McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY + "-wrong"))));
                expectToolError(bridge.callTool(
                        "count_records",
                        "{\"model\":\"res.partner\"}",
                        withToken(McpClient.odoo(odoo.baseUrl(), "nosuchdb", "admin", KEY))));
            }
            faultWithTraceback(bridge, v18);
            keyMisplacedInTheUrl(bridge, v18);
            overTheRate(bridge, v19);
            // another tenant is not affected by the one over its rate
            expectSuccess(
                    bridge.callTool(
                            "count_records",
                            "{\"model\":\"res.partner\"}",
                            withToken(McpClient.odoo(v18.baseUrl(), "acme", "admin", KEY))),
                    "\"count\":18");
            badAccessTokens(bridge, v18);
            malformedRequests(bridge, v18);
            actuator(bridge);
        }
        assertThat(replies).hasSizeGreaterThan(30);
        for (McpClient.Reply reply : replies) {
            assertThat(reply.whole()).doesNotContain(KEY).doesNotContain(TOKEN);
        }
        assertThat(output.getAll()).contains("Started").doesNotContain(KEY).doesNotContain(TOKEN);
    }

    private void faultWithTraceback(McpClient bridge, FakeOdoo odoo) {
        odoo.override("/xmlrpc/2/object", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] fault = ("<?xml version='1.0'?><methodResponse><fault><value><struct><member><name>faultCode</name>"
                            + "<value><int>1</int></value></member><member><name>faultString</name><value><string>"
                            + "Traceback (most recent call last):\n  File \"/opt/odoo/odoo/service/model.py\", line 56, in "
                            + "dispatch\nValueError: Invalid field 'x' on model 'res.partner'</string></value></member>"
                            + "</struct></value></fault></methodResponse>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, fault.length);
            exchange.getResponseBody().write(fault);
        });
        try {
            McpClient.Reply reply = expectToolError(bridge.callTool(
                    "count_records",
                    "{\"model\":\"res.partner\"}",
                    withToken(McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY))));
            assertThat(reply.text()).contains("Invalid field").doesNotContain("/opt/odoo");
        } finally {
            odoo.removeOverride("/xmlrpc/2/object");
        }
    }

    private void keyMisplacedInTheUrl(McpClient bridge, FakeOdoo odoo) {
        URI withUserInfo = URI.create("http://admin:" + KEY + "@127.0.0.1:" + odoo.port());
        expectToolError(bridge.callTool(
                "count_records",
                "{\"model\":\"res.partner\"}",
                withToken(McpClient.odoo(withUserInfo, "acme", "admin", KEY))));
        URI withQuery = URI.create(odoo.baseUrl() + "/?key=" + KEY);
        expectToolError(bridge.callTool(
                "count_records",
                "{\"model\":\"res.partner\"}",
                withToken(McpClient.odoo(withQuery, "acme", "admin", KEY))));
    }

    private void overTheRate(McpClient bridge, FakeOdoo odoo) {
        Map<String, String> headers = withToken(McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY));
        McpClient.Reply last = null;
        for (int i = 0; i < 14; i++) {
            last = record(bridge.callTool("count_records", "{\"model\":\"res.partner\"}", headers));
        }
        assertThat(last.isToolError()).as(last.body()).isTrue();
        assertThat(last.text())
                .startsWith(
                        "Rate limit for this Odoo database reached (12 calls per minute, MCP_TENANT_RATE_PER_MINUTE); retry in ");
    }

    private void badAccessTokens(McpClient bridge, FakeOdoo odoo) {
        Map<String, String> odooHeaders = McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY);
        for (String token : List.of(TOKEN + "x", TOKEN.substring(1), "", "Bearer " + TOKEN)) {
            Map<String, String> headers = new LinkedHashMap<>(odooHeaders);
            headers.put("X-MCP-Token", token);
            McpClient.Reply reply = record(bridge.callTool("count_records", "{\"model\":\"res.partner\"}", headers));
            assertThat(reply.status()).isEqualTo(401);
        }
        Map<String, String> bearer = new LinkedHashMap<>(odooHeaders);
        bearer.put("Authorization", "Bearer " + TOKEN + "-nope");
        assertThat(record(bridge.callTool("count_records", "{}", bearer)).status())
                .isEqualTo(401);
    }

    private void malformedRequests(McpClient bridge, FakeOdoo odoo) {
        Map<String, String> headers = withToken(McpClient.odoo(odoo.baseUrl(), "acme", "admin", KEY));
        record(bridge.post("{not json " + KEY, headers));
        record(bridge.post("[1,2,3]", headers));
        record(bridge.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}", headers));
        // (a tool name or id the caller sends is echoed back to that caller, as JSON-RPC requires: not a leak)
        record(bridge.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}", headers));
        record(bridge.post("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"nope\"}", headers));
        Map<String, String> wrongType = new LinkedHashMap<>(headers);
        wrongType.put("Content-Type", "text/plain");
        record(bridge.post("{}", wrongType));
        Map<String, String> badDb = new LinkedHashMap<>(headers);
        badDb.put("X-Odoo-Db", "acme;" + KEY);
        expectToolError(bridge.callTool("count_records", "{\"model\":\"res.partner\"}", badDb));
        Map<String, String> badUrl = new LinkedHashMap<>(headers);
        badUrl.put("X-Odoo-Url", "ftp://" + KEY);
        expectToolError(bridge.callTool("count_records", "{\"model\":\"res.partner\"}", badUrl));
    }

    private void actuator(McpClient bridge) {
        for (String path : List.of(
                "/health",
                "/actuator",
                "/actuator/health",
                "/actuator/info",
                "/actuator/env",
                "/actuator/configprops",
                "/actuator/beans",
                "/actuator/metrics",
                "/actuator/loggers",
                "/actuator/threaddump",
                "/actuator/prometheus",
                "/actuator/mappings",
                "/actuator/conditions")) {
            record(bridge.get(path));
        }
        // The metrics themselves, read with the token: they count the rate limit, and hold no secret.
        McpClient.Reply metrics = record(
                bridge.send(java.net.http.HttpRequest.newBuilder(bridge.base().resolve("/actuator/prometheus"))
                        .header("X-MCP-Token", TOKEN)
                        .GET()
                        .build()));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("mcp_rate_limited_total\\{[^}]*reason=\"tenant_rate\"\\} [1-9]");
    }

    private static Map<String, String> withToken(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("X-MCP-Token", TOKEN);
        return all;
    }

    private McpClient.Reply record(McpClient.Reply reply) {
        replies.add(reply);
        return reply;
    }

    private void expectSuccess(McpClient.Reply reply, String expected) {
        record(reply);
        assertThat(reply.isToolError()).as(reply.body()).isFalse();
        assertThat(reply.body()).contains(expected);
    }

    private McpClient.Reply expectToolError(McpClient.Reply reply) {
        record(reply);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.isToolError()).as(reply.body()).isTrue();
        return reply;
    }
}
