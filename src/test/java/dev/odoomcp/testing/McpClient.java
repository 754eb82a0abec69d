package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one MCP client of the tests and the bench: real HTTP/1.1 to a bridge on loopback, JSON-RPC
 * bodies, the Streamable HTTP headers plus whatever a test sets ({@link #with}, {@link #odoo}), and
 * answers kept whole ({@link Reply}) so that tests can check status, headers and body, or search
 * them for secrets. Immutable: {@code with}/{@code without} give a new client.
 *
 * <pre>{@code
 * McpClient mcp = McpClient.at(port).protocol(McpClient.REVISION).with(McpClient.odoo(url, "acme", "admin", key));
 * JsonNode count = mcp.call("count_records", "{\"model\": \"res.partner\"}").ok();
 * McpClient.Reply raw = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
 * }</pre>
 */
public final class McpClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** The headers every Streamable HTTP POST carries. */
    public static final Map<String, String> STANDARD =
            Map.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream");
    /** The protocol revision tests use when they do not test negotiation (no {@code initialize} needed). */
    public static final String REVISION = "2025-11-25";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Map<String, String> headers;

    private McpClient(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** A client of {@code http://127.0.0.1:<port>/mcp} with the {@link #STANDARD} headers only. */
    public static McpClient at(int port) {
        return at(URI.create("http://127.0.0.1:" + port));
    }

    /** The same for a server at {@code base} ({@code http://127.0.0.1:<port>}, no path). */
    public static McpClient at(URI base) {
        return new McpClient(base, new LinkedHashMap<>(STANDARD));
    }

    /** The credentials headers of one tenant ({@code login} may be null for JSON-2). */
    public static Map<String, String> odoo(URI url, String db, String login, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Odoo-Url", url.toString());
        headers.put("X-Odoo-Db", db);
        if (login != null) {
            headers.put("X-Odoo-Username", login);
        }
        headers.put("X-Odoo-Api-Key", key);
        return headers;
    }

    /** This client with header {@code name} set to {@code value}, or removed when {@code value} is null. */
    public McpClient with(String name, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(name, value);
        return with(one);
    }

    /** This client with {@code extra} laid over its headers; a null value removes the header. */
    public McpClient with(Map<String, String> extra) {
        return new McpClient(base, overlay(headers, extra));
    }

    public McpClient without(String name) {
        return with(name, null);
    }

    /** This client sending {@code MCP-Protocol-Version: version}. */
    public McpClient protocol(String version) {
        return with("MCP-Protocol-Version", version);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI base() {
        return base;
    }

    /** {@code http://127.0.0.1:<port>/mcp}. */
    public URI endpoint() {
        return base.resolve("/mcp");
    }

    /** A POST of {@code body} to /mcp with this client's headers, built but not sent (the bench sends its own). */
    public HttpRequest.Builder request(String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint()).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request;
    }

    /** POSTs {@code body} to /mcp with this client's headers. */
    public Reply post(String body) {
        return send(request(body).build());
    }

    /** POSTs {@code body} with {@code extra} laid over this client's headers (a null value removes one). */
    public Reply post(String body, Map<String, String> extra) {
        return with(extra).post(body);
    }

    /** A JSON-RPC request {@code {"jsonrpc":"2.0","id":id,"method":method,"params":params}}. */
    public Reply rpc(long id, String method, String paramsJson) {
        return post(body(id, method, paramsJson));
    }

    public Reply rpc(long id, String method, String paramsJson, Map<String, String> extra) {
        return post(body(id, method, paramsJson), extra);
    }

    /** The whole JSON-RPC answer (result or error) of a request answered with HTTP 200. */
    public JsonNode answer(String method, String paramsJson) {
        Reply reply = rpc(1, method, paramsJson);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The result of a JSON-RPC request that must succeed at the protocol level. */
    public JsonNode result(String method, String paramsJson) {
        JsonNode response = answer(method, paramsJson);
        assertThat(response.has("error")).as(response.toString()).isFalse();
        return response.get("result");
    }

    /** Every tool {@code tools/list} offers this caller, across pages. */
    public List<JsonNode> tools() {
        List<JsonNode> tools = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = result("tools/list", cursor == null ? "{}" : "{\"cursor\": \"" + cursor + "\"}");
            page.path("tools").forEach(tools::add);
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return tools;
    }

    public List<String> toolNames() {
        return tools().stream().map(tool -> tool.path("name").asString()).toList();
    }

    /** {@code tools/call} of {@code tool} with arguments given as JSON text; the call must succeed at the protocol level. */
    public ToolResult call(String tool, String argumentsJson) {
        ObjectNode params = JSON.createObjectNode();
        params.put("name", tool);
        params.set("arguments", JSON.readTree(argumentsJson));
        return new ToolResult(result("tools/call", JSON.writeValueAsString(params)));
    }

    /**
     * {@code tools/call} through the two-step confirmation: when the first call answers with a preview and a
     * {@code confirmation_token} (ODOO_MCP_CONFIRM), calls again with the same arguments plus the token, as an
     * assistant does once the user agreed; otherwise the first result.
     */
    public ToolResult callConfirmed(String tool, String argumentsJson) {
        ToolResult first = call(tool, argumentsJson);
        String token = first.confirmationToken();
        if (token == null) {
            return first;
        }
        ObjectNode arguments = (ObjectNode) JSON.readTree(argumentsJson);
        arguments.put("confirmation_token", token);
        return call(tool, JSON.writeValueAsString(arguments));
    }

    /** {@code tools/call} answered whole, whatever its status. */
    public Reply callTool(String tool, String argumentsJson) {
        return callTool(tool, argumentsJson, Map.of());
    }

    public Reply callTool(String tool, String argumentsJson, Map<String, String> extra) {
        return rpc(7, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}", extra);
    }

    /** A 2026-07-28 request with the full per-request {@code _meta} and the matching standard headers. */
    public Reply stateless(int id, String method, String paramsWithoutMeta, Map<String, String> extra) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}";
        String params = paramsWithoutMeta.isBlank() ? "{" + meta + "}" : "{" + paramsWithoutMeta + "," + meta + "}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        headers.putAll(extra);
        return rpc(id, method, params, headers);
    }

    /** GET {@code path} without any header. */
    public Reply get(String path) {
        return get(path, Map.of());
    }

    /** GET {@code path} with exactly {@code headers} (not this client's). */
    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Sends any request, e.g. another method to /mcp. */
    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String body(long id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }

    private static Map<String, String> overlay(Map<String, String> headers, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        extra.forEach((name, value) -> {
            all.keySet().removeIf(name::equalsIgnoreCase);
            if (value != null) {
                all.put(name, value);
            }
        });
        return all;
    }

    /** One HTTP answer, whole. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The JSON-RPC result (a missing node when the answer has none). */
        public JsonNode result() {
            return json().path("result");
        }

        public int errorCode() {
            return json().path("error").path("code").asInt();
        }

        public boolean isToolError() {
            return result().path("isError").asBoolean(false);
        }

        /** The first text block of a tool result. */
        public String text() {
            return result().path("content").path(0).path("text").asString("");
        }

        /** The first value of header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean hasHeader(String name) {
            return headers.firstValue(name).isPresent();
        }

        /** Status line, headers and body, as one string to search. */
        public String whole() {
            return status + " " + headers.map() + "\n" + body;
        }
    }

    /** A tool result: {@code isError}, the text block and the structured content. */
    public record ToolResult(JsonNode raw) {

        public boolean isError() {
            return raw.path("isError").asBoolean(false);
        }

        public String text() {
            return raw.path("content").path(0).path("text").asString();
        }

        /** The structured content of a successful call; fails the test with the message otherwise. */
        public JsonNode ok() {
            assertThat(isError()).as("tool failed: %s", text()).isFalse();
            assertThat(JSON.readTree(text()))
                    .as("text block repeats the structured content")
                    .isEqualTo(raw.get("structuredContent"));
            return raw.get("structuredContent");
        }

        /** The {@code confirmation_token} of a preview answer (its JSON block), or null for any other result. */
        public String confirmationToken() {
            JsonNode block = raw.path("content").path(1).path("text");
            if (!isError() || !block.isString() || !block.asString().startsWith("{")) {
                return null;
            }
            JsonNode pending = JSON.readTree(block.asString());
            return pending.path("confirmation_required").asBoolean(false)
                    ? pending.path("confirmation_token").asString()
                    : null;
        }

        /** The JSON block of a preview answer (confirmation needed); fails the test for any other result. */
        public JsonNode pending() {
            assertThat(confirmationToken())
                    .as("expected a preview with a confirmation_token, got %s", raw)
                    .isNotNull();
            return JSON.readTree(raw.path("content").path(1).path("text").asString());
        }

        /** The error text of a failed call; fails the test if the call succeeded. */
        public String error() {
            assertThat(isError()).as("expected an error, got %s", raw).isTrue();
            assertThat(raw.has("structuredContent")).isFalse();
            return text();
        }
    }
}
