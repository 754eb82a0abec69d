package dev.odoomcp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Minimal XML-RPC and JSON-2 calls for tests of the fake itself. */
final class Wire {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Wire() {}

    /** {@code execute_kw}: the decoded result, or an {@link XmlRpcCodec.Fault}. */
    static Object executeKw(
            FakeOdoo odoo,
            String db,
            long uid,
            String key,
            String model,
            String method,
            List<?> args,
            Map<String, ?> kwargs) {
        return xmlrpc(odoo, "object", "execute_kw", List.of(db, uid, key, model, method, args, kwargs));
    }

    static Object xmlrpc(FakeOdoo odoo, String service, String method, List<?> params) {
        HttpResponse<String> r = post(
                odoo, "/xmlrpc/2/" + service, Map.of("Content-Type", "text/xml"), XmlRpcCodec.request(method, params));
        return XmlRpcCodec.parseResponse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> json2(
            FakeOdoo odoo, String db, String key, String model, String method, Map<String, ?> body) {
        return post(
                odoo,
                "/json/2/" + model + "/" + method,
                Map.of("Content-Type", "application/json", "Authorization", "bearer " + key, "X-Odoo-Database", db),
                JSON.writeValueAsString(body));
    }

    static Object json(HttpResponse<String> response) {
        return Values.wire(JSON.readValue(response.body(), Object.class));
    }

    static HttpResponse<String> post(FakeOdoo odoo, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(odoo.baseUrl().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b.build());
    }

    static HttpResponse<String> get(FakeOdoo odoo, String path) {
        return send(HttpRequest.newBuilder(odoo.baseUrl().resolve(path)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
