package dev.odoomcp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One recorded Odoo exchange from {@code src/test/resources/odoo-fixtures/<version>/<name>.json}
 * (API keys replaced by {@link #ADMIN_KEY} and {@link #DEMO_KEY}), and replaying its request.
 */
record RecordedExchange(
        String method,
        String path,
        Map<String, String> headers,
        String requestBody,
        int status,
        String contentType,
        String responseBody) {

    static final String ADMIN_KEY = "test-admin-key";
    static final String DEMO_KEY = "test-demo-key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SuppressWarnings("unchecked")
    static RecordedExchange load(String version, String name) {
        String resource = "/odoo-fixtures/" + version + "/" + name + ".json";
        try (InputStream in = RecordedExchange.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("{{API_KEY}}", ADMIN_KEY)
                    .replace("{{DEMO_API_KEY}}", DEMO_KEY);
            Map<String, Object> root = JSON.readValue(text, Map.class);
            Map<String, Object> req = (Map<String, Object>) root.get("request");
            Map<String, Object> res = (Map<String, Object>) root.get("response");
            Map<String, String> resHeaders = (Map<String, String>) res.get("headers");
            return new RecordedExchange(
                    (String) req.get("method"),
                    (String) req.get("path"),
                    (Map<String, String>) req.get("headers"),
                    (String) req.get("body"),
                    ((Number) res.get("status")).intValue(),
                    resHeaders.get("Content-Type"),
                    (String) res.get("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the recorded request, headers and body unchanged, to {@code base}. */
    HttpResponse<String> replay(URI base) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        headers.forEach(b::header);
        b.method(
                method,
                requestBody == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(requestBody));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Object json(String body) {
        return Values.wire(JSON.readValue(body, Object.class));
    }
}
