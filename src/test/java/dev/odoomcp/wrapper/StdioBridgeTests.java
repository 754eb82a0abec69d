package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StdioBridgeTests {

    static final String API_KEY = "odoo-key-3f9a1c77e0b24d5e";
    static final String TOKEN = "mcp-token-b81d0c2a99ee";

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

    static Map<String, String> env(String baseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("MCP_SERVER_URL", baseUrl + "/mcp/");
        env.put("ODOO_URL", "https://acme.odoo.com");
        env.put("ODOO_DB", "acme-prod");
        env.put("ODOO_USERNAME", "admin@acme.test");
        env.put("ODOO_API_KEY", API_KEY);
        env.put("ODOO_PROTOCOL", "json2");
        env.put("ODOO_READ_ONLY", "true");
        env.put("MCP_ACCESS_TOKEN", TOKEN);
        env.put("MCP_WRAPPER_LOG", "debug");
        return env;
    }

    private void start(Function<StubMcpServer.Received, StubMcpServer.Answer> answers) throws Exception {
        server = new StubMcpServer(answers);
        wrapper = new BridgeHarness(WrapperConfig.fromEnv(env(server.baseUrl())));
    }

    static StubMcpServer.Answer result(StubMcpServer.Received request, String resultJson) {
        return StubMcpServer.Answer.json(
                "{\"jsonrpc\":\"2.0\",\"id\":" + request.message().id() + ",\"result\":" + resultJson + "}");
    }

    static String request(Object id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{}}";
    }

    @Test
    void mapsEnvironmentToHeadersRepeatsNegotiatedVersionAndNeverLogsSecrets() throws Exception {
        start(request -> request.message().method().equals("initialize")
                ? result(request, "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}")
                        .withHeader("Mcp-Session-Id", "session-42")
                : result(request, "{\"tools\":[]}"));

        wrapper.send(request(1, "initialize"));
        assertThat(wrapper.nextMessage().path("result").path("protocolVersion").asString())
                .isEqualTo("2025-06-18");
        wrapper.send(request(2, "tools/list"));
        assertThat(wrapper.nextMessage().path("id").asInt()).isEqualTo(2);

        StubMcpServer.Received first = server.received().get(0);
        assertThat(first.path()).isEqualTo("/mcp");
        assertThat(first.header("X-Odoo-Url")).isEqualTo("https://acme.odoo.com");
        assertThat(first.header("X-Odoo-Db")).isEqualTo("acme-prod");
        assertThat(first.header("X-Odoo-Username")).isEqualTo("admin@acme.test");
        assertThat(first.header("X-Odoo-Api-Key")).isEqualTo(API_KEY);
        assertThat(first.header("X-Odoo-Protocol")).isEqualTo("json2");
        assertThat(first.header("X-Odoo-Read-Only")).isEqualTo("true");
        assertThat(first.header("X-MCP-Token")).isEqualTo(TOKEN);
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(first.header("Accept")).isEqualTo("application/json, text/event-stream");
        assertThat(first.header("MCP-Protocol-Version")).isNull();
        assertThat(first.header("Mcp-Session-Id")).isNull();
        StubMcpServer.Received second = server.received().get(1);
        assertThat(second.header("MCP-Protocol-Version")).isEqualTo("2025-06-18");
        assertThat(second.header("Mcp-Session-Id")).isEqualTo("session-42");

        assertThat(wrapper.stderr())
                .contains("X-Odoo-Api-Key=***")
                .contains("X-Odoo-Db=acme-prod")
                .doesNotContain(API_KEY)
                .doesNotContain(TOKEN);
    }

    @Test
    void writesAPrettyPrintedJsonAnswerAsOneCompactLine() throws Exception {
        start(request -> StubMcpServer.Answer.json("{\n  \"jsonrpc\": \"2.0\",\n  \"id\": \"abc\",\n"
                + "  \"result\": {\"n\": 1.50, \"s\": \"a\\nb\"}\n}\n"));

        wrapper.send(request("\"abc\"", "tools/list"));

        assertThat(wrapper.nextLine())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"result\":{\"n\":1.50,\"s\":\"a\\nb\"}}");
        assertThat(server.received().get(0).body()).isEqualTo(request("\"abc\"", "tools/list"));
    }

    @Test
    void emitsEveryEventOfAnEventStreamAnswer() throws Exception {
        start(request -> StubMcpServer.Answer.sse(
                ": keep-alive\n\n",
                "id: 1\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\n"
                        + "data:  \"params\":{\"progress\":1}}\n\n",
                "data: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[]}}\r\n\r\n"));

        wrapper.send(request(7, "tools/call"));

        List<JsonNode> messages = wrapper.nextMessages(2);
        assertThat(messages.get(0).path("method").asString()).isEqualTo("notifications/progress");
        assertThat(messages.get(0).path("params").path("progress").asInt()).isEqualTo(1);
        assertThat(messages.get(1).path("id").asInt()).isEqualTo(7);
        assertThat(messages.get(1).has("result")).isTrue();
    }

    @Test
    void writesNothingForANotificationTheServerAccepts() throws Exception {
        start(request -> request.message().expectsResponse() ? result(request, "{}") : StubMcpServer.Answer.accepted());

        wrapper.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        wrapper.send(request(3, "ping"));

        assertThat(wrapper.nextMessage().path("id").asInt()).isEqualTo(3);
        wrapper.closeStdin();
        assertThat(wrapper.nextLine()).isEqualTo(BridgeHarness.EXIT + "0>");
        assertThat(server.received())
                .extracting(r -> r.message().method())
                .containsExactlyInAnyOrder("notifications/initialized", "ping");
    }

    @Test
    void forwardsRequestsConcurrentlyAndAnswersEachIdOnce() throws Exception {
        CountDownLatch othersAnswered = new CountDownLatch(9);
        start(request -> {
            if (request.message().id().equals("1")) {
                try {
                    // only a wrapper that does not wait for id 1 lets the other nine through
                    othersAnswered.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result(request, "{\"othersDone\":" + (othersAnswered.getCount() == 0) + "}");
            }
            return new StubMcpServer.Answer(200, Map.of("Content-Type", "application/json"), out -> {
                result(request, "{}").body().write(out);
                othersAnswered.countDown();
            });
        });

        for (int id = 1; id <= 10; id++) {
            wrapper.send(request(id, "tools/call"));
        }

        List<JsonNode> answers = wrapper.nextMessages(10);
        Set<Integer> ids = ConcurrentHashMap.newKeySet();
        answers.forEach(answer -> assertThat(ids.add(answer.path("id").asInt())).isTrue());
        assertThat(ids).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        JsonNode first = answers.stream()
                .filter(a -> a.path("id").asInt() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(first.path("result").path("othersDone").asBoolean()).isTrue();
        assertThat(answers.get(0).path("id").asInt()).isNotEqualTo(1);
    }

    @Test
    void answersInvalidJsonWithAParseErrorAndCarriesOn() throws Exception {
        start(request -> result(request, "{}"));

        wrapper.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
        JsonNode parseError = wrapper.nextMessage();
        assertThat(parseError.path("id").isNull()).isTrue();
        assertThat(parseError.path("error").path("code").asInt()).isEqualTo(-32700);

        wrapper.send("[1,2]");
        assertThat(wrapper.nextMessage().path("error").path("code").asInt()).isEqualTo(-32600);

        wrapper.send(request(5, "ping"));
        assertThat(wrapper.nextMessage().path("id").asInt()).isEqualTo(5);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void atEndOfInputWaitsForAnswersInFlightThenExitsZero() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        start(request -> {
            arrived.countDown();
            try {
                release.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result(request, "{\"late\":true}");
        });

        wrapper.send(request(9, "tools/call"));
        assertThat(arrived.await(15, TimeUnit.SECONDS)).isTrue();
        wrapper.closeStdin();
        release.countDown();

        assertThat(wrapper.nextMessage().path("result").path("late").asBoolean())
                .isTrue();
        assertThat(wrapper.nextLine()).isEqualTo(BridgeHarness.EXIT + "0>");
    }

    @Test
    void exitsZeroAtOnceWhenInputEndsWithNothingInFlight() throws Exception {
        start(request -> result(request, "{}"));

        wrapper.closeStdin();

        assertThat(wrapper.nextLine()).isEqualTo(BridgeHarness.EXIT + "0>");
        assertThat(server.received()).isEmpty();
    }
}
