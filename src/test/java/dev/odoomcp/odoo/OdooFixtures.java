package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the recorded Odoo exchanges in {@code src/test/resources/odoo-fixtures} into WireMock
 * stubs. Request matching is derived from the recorded request: path, XML-RPC method (and for
 * {@code execute_kw} database, key, model and method), or JSON-2 path, bearer key and database.
 */
final class OdooFixtures {

    static final String ADMIN_KEY = "test-admin-key-5f2b9c1e7a";
    static final String DEMO_KEY = "test-demo-key-0d81c3a99b";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STRING_PARAM =
            Pattern.compile("<param>\\s*<value><(?:string|int)>([^<]*)</(?:string|int)></value>");

    private OdooFixtures() {}

    /** Properties that let tests reach WireMock on loopback over http, with small limits. */
    static OdooProperties loopbackProperties(Duration responseTimeout, long maxResponseBytes) {
        return new OdooProperties(
                List.of(),
                true,
                true,
                Duration.ofSeconds(2),
                responseTimeout,
                org.springframework.util.unit.DataSize.ofBytes(maxResponseBytes),
                null,
                16,
                Duration.ofSeconds(5),
                50,
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                1000);
    }

    static OdooProperties loopbackProperties() {
        return loopbackProperties(Duration.ofSeconds(5), 256 * 1024);
    }

    static OdooCredentials credentials(
            WireMockExtension wm, String db, String login, String key, OdooProtocol protocol) {
        return new OdooCredentials(
                java.net.URI.create("http://127.0.0.1:" + wm.getPort()), db, login, key, Optional.ofNullable(protocol));
    }

    static JsonNode load(String version, String name) {
        String path = "/odoo-fixtures/" + version + "/" + name + ".json";
        try (InputStream in = OdooFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String keyed(String text) {
        return text.replace("{{API_KEY}}", ADMIN_KEY).replace("{{DEMO_API_KEY}}", DEMO_KEY);
    }

    /** The recorded response body, keys substituted. */
    static String responseBody(String version, String name) {
        return keyed(load(version, name).path("response").path("body").asString(""));
    }

    /** Registers the recorded exchange as a stub and returns the matching it used. */
    static MappingBuilder stub(WireMockExtension wm, String version, String name) {
        JsonNode fixture = load(version, name);
        MappingBuilder mapping = requestFor(fixture.path("request"));
        wm.stubFor(mapping.willReturn(responseFor(fixture.path("response"))));
        return mapping;
    }

    static MappingBuilder requestFor(JsonNode request) {
        String path = request.path("path").asString();
        if (request.path("method").asString().equals("GET")) {
            return get(urlPathEqualTo(path));
        }
        MappingBuilder mapping = post(urlPathEqualTo(path));
        JsonNode headers = request.path("headers");
        if (path.startsWith("/json/2/")) {
            return mapping.withHeader(
                            "Authorization",
                            equalTo(keyed(headers.path("Authorization").asString())))
                    .withHeader(
                            "X-Odoo-Database",
                            equalTo(headers.path("X-Odoo-Database").asString()));
        }
        if (path.startsWith("/xmlrpc/2/")) {
            String body = keyed(request.path("body").asString());
            Matcher method = Pattern.compile("<methodName>([^<]+)</methodName>").matcher(body);
            method.find();
            mapping.withRequestBody(matchingXPath("/methodCall/methodName[.='" + method.group(1) + "']"));
            List<String> params =
                    STRING_PARAM.matcher(body).results().map(r -> r.group(1)).toList();
            int[] positions = switch (method.group(1)) {
                case "execute_kw" -> new int[] {1, 3, 4, 5};
                case "authenticate" -> new int[] {1, 2, 3};
                default -> new int[0];
            };
            for (int p : positions) {
                mapping.withRequestBody(
                        matchingXPath("/methodCall/params/param[" + p + "]/value[.='" + params.get(p - 1) + "']"));
            }
        }
        return mapping;
    }

    static ResponseDefinitionBuilder responseFor(JsonNode response) {
        ResponseDefinitionBuilder builder =
                aResponse().withStatus(response.path("status").asInt());
        for (Map.Entry<String, JsonNode> h : response.path("headers").properties()) {
            builder.withHeader(h.getKey(), h.getValue().asString());
        }
        return builder.withBody(keyed(response.path("body").asString("")));
    }
}
