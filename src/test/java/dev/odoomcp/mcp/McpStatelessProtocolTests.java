package dev.odoomcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.McpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The stateless revision 2026-07-28: per-request _meta, standard headers, resultType and cache hints. */
@McpServerTest
class McpStatelessProtocolTests {

    private static final Map<String, String> NONE = Map.of();

    @LocalServerPort
    int port;

    McpClient mcp;

    @BeforeEach
    void client() {
        mcp = McpClient.at(port);
    }

    @Test
    void discoverDescribesTheServer() {
        McpClient.Reply reply = mcp.stateless(1, "server/discover", "", NONE);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode result = reply.result();
        assertThat(result.path("supportedVersions").toString()).contains("2026-07-28", "2025-11-25", "2025-03-26");
        assertThat(result.path("capabilities").has("tools")).isTrue();
        assertThat(result.path("resultType").asString()).isEqualTo("complete");
        assertThat(result.path("_meta")
                        .path("io.modelcontextprotocol/serverInfo")
                        .path("version")
                        .isString())
                .isTrue();
        assertThat(result.path("ttlMs").isIntegralNumber()).isTrue();
    }

    @Test
    void listAndReadResultsCarryCacheHintsAndOtherResultsDoNot() {
        for (String method :
                new String[] {"tools/list", "prompts/list", "resources/list", "resources/templates/list"}) {
            JsonNode result = mcp.stateless(1, method, "", NONE).result();
            assertThat(result.path("ttlMs").asLong()).as(method).isEqualTo(300_000);
            assertThat(result.path("cacheScope").asString()).as(method).isEqualTo("private");
            assertThat(result.path("resultType").asString()).as(method).isEqualTo("complete");
        }
        JsonNode read = mcp.stateless(
                        1, "resources/read", "\"uri\":\"test://hello\"", Map.of("Mcp-Name", "test://hello"))
                .result();
        assertThat(read.has("ttlMs")).isTrue();
        JsonNode call = mcp.stateless(
                        1,
                        "tools/call",
                        "\"name\":\"aa_echo\",\"arguments\":{\"text\":\"x\"}",
                        Map.of("Mcp-Name", "aa_echo"))
                .result();
        assertThat(call.path("content").get(0).path("text").asString()).isEqualTo("x via 2026-07-28");
        assertThat(call.path("resultType").asString()).isEqualTo("complete");
        assertThat(call.has("ttlMs")).isFalse();
    }

    @Test
    void missingMetaFieldsAreInvalidParamsWith400AndTheRequestId() {
        McpClient.Reply reply = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"server/discover\",\"params\":{}}",
                headers("server/discover"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
        assertThat(reply.json().get("id").asInt()).isEqualTo(101);
        McpClient.Reply noCapabilities = mcp.post(
                "{\"jsonrpc\":\"2.0\",\"id\":104,\"method\":\"server/discover\",\"params\":"
                        + "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
                headers("server/discover"));
        assertThat(noCapabilities.status()).isEqualTo(400);
        assertThat(noCapabilities.errorCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    }

    @Test
    void versionHeaderMustBePresentAndMatchMeta() {
        Map<String, String> noVersion = new LinkedHashMap<>(headers("tools/list"));
        noVersion.put("MCP-Protocol-Version", null); // not sent
        McpClient.Reply missing = mcp.post(body(7, "tools/list", "2026-07-28"), noVersion);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo(McpProtocol.HEADER_MISMATCH);
        McpClient.Reply mismatch = mcp.post(body(302, "tools/list", "v999.0.0"), headers("tools/list"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorCode()).isEqualTo(McpProtocol.HEADER_MISMATCH);
    }

    @Test
    void unsupportedVersionListsWhatIsSupported() {
        Map<String, String> headers = new LinkedHashMap<>(headers("tools/list"));
        headers.put("MCP-Protocol-Version", "v999.0.0");
        McpClient.Reply reply = mcp.post(body(301, "tools/list", "v999.0.0"), headers);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(McpProtocol.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(reply.json().path("error").path("data").path("requested").asString())
                .isEqualTo("v999.0.0");
        assertThat(reply.json().path("error").path("data").path("supported").toString())
                .contains("2026-07-28");
    }

    @Test
    void methodHeaderIsRequiredAndCaseSensitiveButItsNameIsNot() {
        assertThat(mcp.stateless(1, "tools/list", "", mapOf("Mcp-Method", null)).errorCode())
                .isEqualTo(McpProtocol.HEADER_MISMATCH);
        assertThat(mcp.stateless(1, "tools/list", "", Map.of("Mcp-Method", "prompts/list"))
                        .status())
                .isEqualTo(400);
        assertThat(mcp.stateless(1, "tools/list", "", Map.of("Mcp-Method", "TOOLS/LIST"))
                        .status())
                .isEqualTo(400);
        Map<String, String> upper = mapOf("Mcp-Method", null);
        upper.put("MCP-METHOD", "tools/list");
        assertThat(mcp.stateless(1, "tools/list", "", upper).status()).isEqualTo(200);
    }

    @Test
    void nameHeaderMustMatchTheToolWithWhitespaceTrimmedAndBase64Decoded() {
        String params = "\"name\":\"aa_echo\",\"arguments\":{\"text\":\"x\"}";
        assertThat(mcp.stateless(1, "tools/call", params, NONE).errorCode()).isEqualTo(McpProtocol.HEADER_MISMATCH);
        assertThat(mcp.stateless(1, "tools/call", params, Map.of("Mcp-Name", "wrong"))
                        .status())
                .isEqualTo(400);
        assertThat(mcp.stateless(1, "tools/call", params, Map.of("Mcp-Name", "  aa_echo  "))
                        .status())
                .isEqualTo(200);
        String encoded =
                "=?base64?" + Base64.getEncoder().encodeToString("aa_echo".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(mcp.stateless(1, "tools/call", params, Map.of("Mcp-Name", encoded))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void removedAndUnknownMethodsAre404MethodNotFound() {
        for (String method :
                new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe", "unknown/method"}) {
            McpClient.Reply reply = mcp.stateless(500, method, "", NONE);
            assertThat(reply.status()).as(method).isEqualTo(404);
            assertThat(reply.errorCode()).as(method).isEqualTo(JsonRpcError.METHOD_NOT_FOUND);
            assertThat(reply.json().get("id").asInt()).isEqualTo(500);
        }
    }

    @Test
    void resourceNotFoundIsInvalidParamsInThisRevision() {
        McpClient.Reply reply =
                mcp.stateless(1, "resources/read", "\"uri\":\"test://none\"", Map.of("Mcp-Name", "test://none"));
        assertThat(reply.errorCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    }

    private static String body(int id, String method, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"" + version + "\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    }

    private static Map<String, String> headers(String method) {
        Map<String, String> headers = new LinkedHashMap<>(McpClient.STANDARD);
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        return headers;
    }

    private static Map<String, String> mapOf(String key, String value) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
