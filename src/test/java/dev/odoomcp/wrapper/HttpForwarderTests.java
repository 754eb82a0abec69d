package dev.odoomcp.wrapper;

import static dev.odoomcp.wrapper.StdioBridgeTests.API_KEY;
import static dev.odoomcp.wrapper.StdioBridgeTests.TOKEN;
import static dev.odoomcp.wrapper.StdioBridgeTests.env;
import static dev.odoomcp.wrapper.StdioBridgeTests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every way the server can fail a request ends in one clear JSON-RPC error for that id. */
class HttpForwarderTests {

    private StubMcpServer server;
    private BridgeHarness wrapper;

    @AfterEach
    void stop() throws Exception {
        if (wrapper != null) {
            wrapper.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(
            Function<StubMcpServer.Received, StubMcpServer.Answer> answers, Map<String, String> extra, Duration timeout)
            throws Exception {
        server = new StubMcpServer(answers);
        Map<String, String> env = env(server.baseUrl());
        env.putAll(extra);
        wrapper = new BridgeHarness(WrapperConfig.fromEnv(env).withTimeout(timeout));
    }

    private void start(Function<StubMcpServer.Received, StubMcpServer.Answer> answers) throws Exception {
        start(answers, Map.of(), Duration.ofSeconds(30));
    }

    private JsonNode errorFor(Object id, String method) throws Exception {
        wrapper.send(request(id, method));
        JsonNode answer = wrapper.nextMessage();
        assertThat(answer.path("id").toString()).isEqualTo(String.valueOf(id));
        assertThat(answer.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(answer.has("result")).isFalse();
        return answer.path("error");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "401 | rejected the access token (HTTP 401). Check MCP_ACCESS_TOKEN",
                "403 | refused the request (HTTP 403). Check MCP_ACCESS_TOKEN",
                "404 | (HTTP 404). Check MCP_SERVER_URL",
                "405 | rejected the request (HTTP 405)",
                "502 | failed (HTTP 502). Try again later",
                "503 | failed (HTTP 503)",
            })
    void explainsAnHttpErrorWithoutAJsonRpcBody(int status, String expected) throws Exception {
        start(request ->
                StubMcpServer.Answer.of(status, "text/html", "<html><body>Error " + status + "</body></html>"));

        JsonNode error = errorFor(4, "tools/call");

        assertThat(error.path("code").asInt()).isEqualTo(-32603);
        assertThat(error.path("message").asString()).contains(expected).doesNotContain("<html>");
    }

    @Test
    void asksForATokenWhenNoneIsConfiguredAndTheServerWantsOne() throws Exception {
        start(
                request -> StubMcpServer.Answer.of(401, "text/plain", "unauthorized"),
                Map.of("MCP_ACCESS_TOKEN", " "),
                Duration.ofSeconds(30));

        assertThat(errorFor(1, "initialize").path("message").asString())
                .contains("requires an access token")
                .contains("Set MCP_ACCESS_TOKEN");
        assertThat(server.received().get(0).header("X-MCP-Token")).isNull();
    }

    @Test
    void forwardsAJsonRpcErrorBodyOfAnHttpErrorAsIs() throws Exception {
        start(
                request -> StubMcpServer.Answer.of(
                        500,
                        "application/json",
                        "{\"jsonrpc\":\"2.0\",\"id\":12,\"error\":{\"code\":-32001,\"message\":\"Odoo is down\",\"data\":{\"x\":1}}}"));

        wrapper.send(request(12, "tools/call"));

        assertThat(wrapper.nextLine())
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":12,\"error\":{\"code\":-32001,\"message\":\"Odoo is down\",\"data\":{\"x\":1}}}");
    }

    @Test
    void givesAJsonRpcErrorBodyWithoutIdTheRequestsId() throws Exception {
        start(request -> StubMcpServer.Answer.of(
                401,
                "application/json",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"Invalid X-MCP-Token\"}}"));

        JsonNode error = errorFor("\"req-1\"", "tools/list");

        assertThat(error.path("code").asInt()).isEqualTo(-32001);
        assertThat(error.path("message").asString()).isEqualTo("Invalid X-MCP-Token");
    }

    @Test
    void reportsAnAnswerThatIsNotJsonRpc() throws Exception {
        start(request -> StubMcpServer.Answer.of(200, "text/html; charset=utf-8", "<!doctype html><p>Login</p>"));

        assertThat(errorFor(2, "tools/list").path("message").asString())
                .contains("not JSON-RPC (HTTP 200, content type text/html)")
                .contains("MCP_SERVER_URL");
    }

    @Test
    void reportsAnEventStreamWithGarbageAndNoAnswer() throws Exception {
        start(request -> StubMcpServer.Answer.sse("data: not json\n\n"));

        assertThat(errorFor(2, "tools/list").path("message").asString()).contains("not JSON-RPC");
    }

    @Test
    void endsAnEventLargerThanTheLimitWithAnErrorForThatRequest() throws Exception {
        byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        long[] sent = {0};
        start(request -> new StubMcpServer.Answer(200, Map.of("Content-Type", "text/event-stream"), out -> {
            out.write("data: {\"jsonrpc\":\"2.0\",\"id\":4,\"result\":\"".getBytes(StandardCharsets.US_ASCII));
            try {
                // one endless line, bounded here so that the stub stops by itself
                for (int i = 0; i < (HttpForwarder.MAX_BODY_BYTES >> 20) + 64; i++) {
                    out.write(chunk);
                    sent[0] += chunk.length;
                }
                out.flush();
            } catch (java.io.IOException closedByTheWrapper) {
                // the wrapper stopped reading
            }
        }));

        assertThat(errorFor(4, "tools/call").path("message").asString()).contains("larger than 64 MiB");
        assertThat(sent[0]).isLessThan(HttpForwarder.MAX_BODY_BYTES + (64L << 20));
    }

    @Test
    void reportsAnAnswerThatNeverRespondsToTheRequest() throws Exception {
        start(request -> StubMcpServer.Answer.accepted());

        assertThat(errorFor(3, "tools/call").path("message").asString()).contains("without responding");
    }

    @Test
    void reportsAServerThatIsNotThere() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        Map<String, String> env = env("http://127.0.0.1:" + deadPort);
        wrapper = new BridgeHarness(WrapperConfig.fromEnv(env));

        assertThat(errorFor(1, "initialize").path("message").asString())
                .contains("Cannot connect to the MCP server at http://127.0.0.1:" + deadPort + "/mcp")
                .contains("Check MCP_SERVER_URL");
        wrapper.closeStdin();
        assertThat(wrapper.nextLine()).isEqualTo(BridgeHarness.EXIT + "0>");
    }

    @Test
    void timesOutAServerThatSendsNoHeaders() throws Exception {
        start(
                request -> {
                    try {
                        server.hang();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return StubMcpServer.Answer.accepted();
                },
                Map.of(),
                Duration.ofMillis(300));

        assertThat(errorFor(6, "tools/call").path("message").asString())
                .contains("within 0.3 s")
                .contains("MCP_TIMEOUT_SECONDS");
    }

    @Test
    void timesOutAnEventStreamThatStallsAfterAProgressEvent() throws Exception {
        start(
                request -> new StubMcpServer.Answer(200, Map.of("Content-Type", "text/event-stream"), out -> {
                    out.write("data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n"
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    server.hang();
                }),
                Map.of(),
                Duration.ofMillis(500));

        wrapper.send(request(8, "tools/call"));

        assertThat(wrapper.nextMessage().path("method").asString()).isEqualTo("notifications/progress");
        JsonNode timeout = wrapper.nextMessage();
        assertThat(timeout.path("id").asInt()).isEqualTo(8);
        assertThat(timeout.path("error").path("message").asString()).contains("within 0.5 s");
    }

    @Test
    void logsAFailedNotificationButWritesNothing() throws Exception {
        start(request -> request.message().expectsResponse()
                ? StdioBridgeTests.result(request, "{}")
                : StubMcpServer.Answer.of(500, "text/plain", "boom"));

        wrapper.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        wrapper.closeStdin();

        assertThat(wrapper.nextLine()).isEqualTo(BridgeHarness.EXIT + "0>");
        assertThat(wrapper.stderr())
                .contains("notifications/initialized failed")
                .contains("HTTP 500")
                .doesNotContain(API_KEY)
                .doesNotContain(TOKEN);
    }
}
