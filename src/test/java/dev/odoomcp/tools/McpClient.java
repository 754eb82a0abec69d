package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP client of the bridge's {@code POST /mcp} for tool tests: JSON-RPC over the
 * 2025-11-25 revision, with the caller's Odoo credentials as headers.
 */
final class McpClient {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final Map<String, String> headers;

    private McpClient(URI endpoint, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
    }

    /** A client without Odoo credentials. */
    static McpClient anonymous(int port) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", "2025-11-25");
        return new McpClient(URI.create("http://127.0.0.1:" + port + "/mcp"), headers);
    }

    /** A client of the demo company's admin on {@code odoo}, forcing the flavor's protocol. */
    static McpClient of(int port, FakeOdoo odoo, Flavor flavor) {
        return anonymous(port).with("X-Odoo-Url", odoo.baseUrl().toString()).with("X-Odoo-Db", Flavor.DB)
                .with("X-Odoo-Username", Flavor.LOGIN).with("X-Odoo-Api-Key", Flavor.KEY)
                .with("X-Odoo-Protocol", flavor.protocol);
    }

    McpClient with(String header, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(header, value);
        return new McpClient(endpoint, copy);
    }

    McpClient without(String header) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(header);
        return new McpClient(endpoint, copy);
    }

    /** A JSON-RPC request; answers the whole response object (with result or error). */
    JsonNode rpc(String method, String paramsJson) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The result of a JSON-RPC request that must succeed at the protocol level. */
    JsonNode result(String method, String paramsJson) {
        JsonNode response = rpc(method, paramsJson);
        assertThat(response.has("error")).as(response.toString()).isFalse();
        return response.get("result");
    }

    /** Every tool {@code tools/list} offers this caller, across pages. */
    java.util.List<JsonNode> tools() {
        java.util.List<JsonNode> tools = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = result("tools/list", cursor == null ? "{}" : "{\"cursor\": \"" + cursor + "\"}");
            page.path("tools").forEach(tools::add);
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return tools;
    }

    java.util.List<String> toolNames() {
        return tools().stream().map(tool -> tool.path("name").asString()).toList();
    }

    /** {@code tools/call} of {@code tool} with arguments given as JSON text. */
    ToolResult call(String tool, String argumentsJson) {
        ObjectNode params = JSON.createObjectNode();
        params.put("name", tool);
        params.set("arguments", JSON.readTree(argumentsJson));
        return new ToolResult(result("tools/call", JSON.writeValueAsString(params)));
    }

    /** A tool result: {@code isError}, the text block and the structured content. */
    record ToolResult(JsonNode raw) {

        boolean isError() {
            return raw.path("isError").asBoolean(false);
        }

        String text() {
            return raw.path("content").path(0).path("text").asString();
        }

        /** The structured content of a successful call; fails the test with the message otherwise. */
        JsonNode ok() {
            assertThat(isError()).as("tool failed: %s", text()).isFalse();
            assertThat(JSON.readTree(text())).as("text block repeats the structured content")
                    .isEqualTo(raw.get("structuredContent"));
            return raw.get("structuredContent");
        }

        /** The error text of a failed call; fails the test if the call succeeded. */
        String error() {
            assertThat(isError()).as("expected an error, got %s", raw).isTrue();
            assertThat(raw.has("structuredContent")).isFalse();
            return text();
        }
    }
}
