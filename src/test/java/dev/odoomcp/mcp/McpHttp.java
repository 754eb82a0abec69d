package dev.odoomcp.mcp;

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

/** A real HTTP client for /mcp in tests: sends raw bodies with chosen headers and parses the answer. */
record McpHttp(HttpClient client, URI endpoint, JsonMapper json) {

    static final Map<String, String> STANDARD = Map.of("Content-Type", "application/json", "Accept",
            "application/json, text/event-stream");

    static McpHttp at(int port) {
        return new McpHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create("http://127.0.0.1:" + port + "/mcp"), JsonMapper.builder().build());
    }

    Reply post(String body) {
        return post(body, STANDARD);
    }

    Reply post(String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A 2026-07-28 request with the full per-request _meta and the matching standard headers. */
    Reply stateless(int id, String method, String paramsWithoutMeta, Map<String, String> extraHeaders) {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}";
        String params = paramsWithoutMeta.isBlank() ? "{" + meta + "}" : "{" + paramsWithoutMeta + "," + meta + "}";
        Map<String, String> headers = new LinkedHashMap<>(STANDARD);
        headers.put("MCP-Protocol-Version", "2026-07-28");
        headers.put("Mcp-Method", method);
        headers.putAll(extraHeaders);
        headers.values().removeIf(v -> v == null);
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}",
                headers);
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    record Reply(int status, Map<String, java.util.List<String>> headers, String body, JsonMapper mapper) {

        JsonNode json() {
            return mapper.readTree(body);
        }

        JsonNode result() {
            return json().get("result");
        }

        int errorCode() {
            return json().path("error").path("code").asInt();
        }

        boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
        }
    }
}
