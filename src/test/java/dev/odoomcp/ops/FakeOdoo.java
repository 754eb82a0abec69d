package dev.odoomcp.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Odoo 19 on loopback answering over JSON-2 with the recorded bodies of
 * {@code odoo-fixtures/19.0}: version, {@code fields_get} and {@code search_count} of res.partner for
 * the right key, the recorded 401 for any other key.
 */
final class FakeOdoo implements AutoCloseable {

    static final String KEY = "fake-odoo-api-key-4c9e2a71";
    static final String DB = "globex";

    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

    FakeOdoo() {
        server.start();
        stub("web_version", null);
        stub("json2_fields_get_partner", KEY);
        stub("json2_search_count", KEY);
        JsonNode refused = fixture("json2_fault_bad_key").get("response");
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/search_count")).atPriority(10)
                .willReturn(aResponse().withStatus(refused.get("status").asInt())
                        .withHeader("Content-Type", "application/json").withBody(refused.get("body").asString())));
        server.stubFor(post(urlPathEqualTo("/json/2/res.partner/fields_get")).atPriority(10)
                .willReturn(aResponse().withStatus(refused.get("status").asInt())
                        .withHeader("Content-Type", "application/json").withBody(refused.get("body").asString())));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The credentials headers of a caller of this Odoo. */
    Map<String, String> headers(String key) {
        return headers(key, DB);
    }

    /** The same for another database of this Odoo (another tenant); the fake answers alike. */
    Map<String, String> headers(String key, String database) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Odoo-Url", url());
        headers.put("X-Odoo-Db", database);
        headers.put("X-Odoo-Username", "admin");
        headers.put("X-Odoo-Api-Key", key);
        return headers;
    }

    private void stub(String name, String key) {
        JsonNode exchange = fixture(name);
        JsonNode request = exchange.get("request");
        JsonNode response = exchange.get("response");
        var mapping = "GET".equals(request.get("method").asString())
                ? get(urlPathEqualTo(request.get("path").asString()))
                : post(urlPathEqualTo(request.get("path").asString()));
        if (key != null) {
            mapping = mapping.withHeader("Authorization", equalTo("bearer " + key)).atPriority(1);
        }
        server.stubFor(mapping.willReturn(aResponse().withStatus(response.get("status").asInt())
                .withHeader("Content-Type", response.path("headers").path("Content-Type").asString("application/json"))
                .withBody(response.get("body").asString())));
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = FakeOdoo.class.getResourceAsStream("/odoo-fixtures/19.0/" + name + ".json")) {
            return JsonMapper.builder().build().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
