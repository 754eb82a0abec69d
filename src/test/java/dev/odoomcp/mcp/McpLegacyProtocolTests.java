package dev.odoomcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.McpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The revisions negotiated through initialize: 2025-03-26, 2025-06-18 and 2025-11-25. */
@McpServerTest
class McpLegacyProtocolTests {

    @LocalServerPort
    int port;

    McpClient mcp;

    @BeforeEach
    void client() {
        mcp = McpClient.at(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
    void initializeAgreesToEachLegacyRevision(String version) {
        JsonNode result = initialize(version);
        assertThat(result.path("protocolVersion").asString()).isEqualTo(version);
        assertThat(result.path("serverInfo").path("name").asString()).isEqualTo("odoo-mcp-bridge");
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("instructions").asString()).contains("name_search");
        assertThat(result.has("resultType")).isFalse();
    }

    @Test
    void initializeOffersTheNewestLegacyRevisionForAnUnknownOne() {
        assertThat(initialize("2099-01-01").path("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(initialize("2026-07-28").path("protocolVersion").asString()).isEqualTo("2025-11-25");
    }

    @Test
    void initializeWithoutProtocolVersionIsInvalidParams() {
        McpClient.Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":{}}");
        assertThat(reply.errorCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
        assertThat(reply.json().get("id").asString()).isEqualTo("a");
    }

    @Test
    void pingAnswersAnEmptyObject() {
        McpClient.Reply reply =
                mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", legacyHeaders("2025-11-25"));
        assertThat(reply.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    }

    @Test
    void unsupportedProtocolVersionHeaderIs400() {
        McpClient.Reply reply =
                mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", legacyHeaders("2024-01-01"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("data").path("supported").toString())
                .contains("2025-11-25");
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        McpClient.Reply reply =
                mcp.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope/nothing\"}", legacyHeaders("2025-11-25"));
        assertThat(reply.errorCode()).isEqualTo(JsonRpcError.METHOD_NOT_FOUND);
        assertThat(reply.json().get("id").asInt()).isEqualTo(3);
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"server/discover\"}")
                        .errorCode())
                .isEqualTo(JsonRpcError.METHOD_NOT_FOUND);
    }

    @Test
    void toolsListPagesInStableOrderWithoutDuplicates() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            JsonNode result = mcp.post(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":" + params + "}")
                    .result();
            assertThat(result.path("tools").size()).isBetween(1, 2);
            result.path("tools").forEach(tool -> {
                names.add(tool.path("name").asString());
                assertThat(tool.path("inputSchema").path("type").asString()).isEqualTo("object");
                assertThat(tool.path("description").asString()).isNotBlank();
            });
            cursor = result.has("nextCursor") ? result.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(names).contains("aa_echo", "aa_fail").doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo((names.size() + 1) / 2);
    }

    @Test
    void invalidCursorIsInvalidParams() {
        McpClient.Reply reply = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"garbage!\"}}");
        assertThat(reply.errorCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    }

    @Test
    void toolsCallRunsATool() {
        JsonNode result = mcp.post(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                                + "{\"name\":\"aa_echo\",\"arguments\":{\"text\":\"hi\"}}}",
                        legacyHeaders("2025-06-18"))
                .result();
        assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("hi via 2025-06-18");
        assertThat(result.has("isError")).isFalse();
    }

    @Test
    void toolInputProblemsAreToolErrorsButUnknownToolsAndBadShapesAreProtocolErrors() {
        JsonNode invalidInput = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"aa_echo\",\"arguments\":{\"text\":5}}}")
                .result();
        assertThat(invalidInput.path("isError").asBoolean()).isTrue();
        assertThat(invalidInput.path("content").get(0).path("text").asString()).contains("text");
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}")
                        .errorCode())
                .isEqualTo(JsonRpcError.INVALID_PARAMS);
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                                + "{\"name\":\"aa_echo\",\"arguments\":[1]}}")
                        .errorCode())
                .isEqualTo(JsonRpcError.INVALID_PARAMS);
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}")
                        .errorCode())
                .isEqualTo(JsonRpcError.INVALID_PARAMS);
    }

    @Test
    void resourcesPromptsAndTemplates() {
        assertThat(call("resources/list", "{}").path("resources").toString()).contains("test://hello");
        assertThat(allPages("resources/templates/list", "resourceTemplates")).contains("test://{name}");
        assertThat(call("resources/read", "{\"uri\":\"test://hello\"}")
                        .path("contents")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("hello");
        assertThat(mcp.post(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://none\"}}")
                        .errorCode())
                .isEqualTo(JsonRpcError.RESOURCE_NOT_FOUND);
        assertThat(allPages("prompts/list", "prompts")).contains("aa_greet");
        assertThat(call("prompts/get", "{\"name\":\"aa_greet\",\"arguments\":{\"who\":\"Ana\"}}")
                        .path("messages")
                        .get(0)
                        .path("content")
                        .path("text")
                        .asString())
                .isEqualTo("Say hello to Ana");
        assertThat(mcp.post(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"aa_greet\"}}")
                        .errorCode())
                .isEqualTo(JsonRpcError.INVALID_PARAMS);
    }

    /** Every page of a list method, concatenated as JSON text. */
    private String allPages(String method, String member) {
        StringBuilder all = new StringBuilder();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            JsonNode result = call(method, cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}");
            all.append(result.path(member));
            if (!result.has("nextCursor")) {
                return all.toString();
            }
            cursor = result.get("nextCursor").asString();
        }
        throw new AssertionError("more than 50 pages");
    }

    private JsonNode call(String method, String params) {
        McpClient.Reply reply =
                mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().has("error")).as(reply.body()).isFalse();
        return reply.result();
    }

    private JsonNode initialize(String version) {
        McpClient.Reply reply = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" + "{\"protocolVersion\":\""
                        + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(reply.status()).isEqualTo(200);
        return reply.result();
    }

    private static Map<String, String> legacyHeaders(String version) {
        Map<String, String> headers = new LinkedHashMap<>(McpClient.STANDARD);
        headers.put("MCP-Protocol-Version", version);
        return headers;
    }
}
