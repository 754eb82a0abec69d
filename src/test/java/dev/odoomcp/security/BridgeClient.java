package dev.odoomcp.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the bridge's {@code /mcp} in end-to-end tests: {@code tools/call} with a
 * tenant's Odoo headers, raw posts, and answers kept whole so that tests can search them for secrets.
 */
record BridgeClient(HttpClient http, URI base, JsonMapper json) {

    static final Map<String, String> STANDARD = Map.of("Content-Type", "application/json", "Accept",
            "application/json, text/event-stream");

    static BridgeClient at(int port) {
        return new BridgeClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create("http://127.0.0.1:" + port), JsonMapper.builder().build());
    }

    /** The credentials headers of one tenant (login may be null for JSON-2). */
    static Map<String, String> odoo(URI url, String db, String login, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Odoo-Url", url.toString());
        headers.put("X-Odoo-Db", db);
        if (login != null) {
            headers.put("X-Odoo-Username", login);
        }
        headers.put("X-Odoo-Api-Key", key);
        return headers;
    }

    Reply callTool(String tool, String argumentsJson, Map<String, String> headers) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}";
        return post(body, headers);
    }

    Reply post(String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(STANDARD);
        headers.putAll(extraHeaders);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/mcp")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer, whole. */
    record Reply(int status, Map<String, List<String>> headers, String body, JsonMapper mapper) {

        JsonNode json() {
            return mapper.readTree(body);
        }

        JsonNode result() {
            return json().path("result");
        }

        boolean isToolError() {
            return result().path("isError").asBoolean(false);
        }

        /** The first text block of a tool result. */
        String text() {
            return result().path("content").path(0).path("text").asString("");
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** Status line, headers and body, as one string to search. */
        String whole() {
            return status + " " + headers + "\n" + body;
        }
    }
}
