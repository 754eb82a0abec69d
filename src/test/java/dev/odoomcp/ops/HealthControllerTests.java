package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /health} answer the project's original README promised (and README and operations.md
 * show, exactly), and Actuator's probes, over a real socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class HealthControllerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void healthAnswersTheOriginalContract() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("service").asString()).isEqualTo("mcp-server-odoo-multi-tenant");
        assertThat(body.path("mode").asString()).isEqualTo("multi-tenant");
        assertThat(body.path("info").asString()).contains("X-Odoo-Url", "X-Odoo-Db", "X-Odoo-Api-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/operations.md"})
    void theDocsShowTheAnswerThisBuildGives(String doc) throws Exception {
        JsonNode answer = JSON.readTree(get("/health").body());
        assertThat(JSON.readTree(healthExample(doc)))
                .as(doc + " shows what /health answers")
                .isEqualTo(answer);
    }

    /** The one JSON block of a document that shows a {@code /health} answer. */
    private static String healthExample(String doc) throws IOException {
        Matcher block = Pattern.compile("```json\\n(\\{\"status\":\"healthy\".*?)\\n```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of(doc)));
        assertThat(block.find()).as(doc + " has a /health example").isTrue();
        String example = block.group(1);
        assertThat(block.find()).as(doc + " has one /health example").isFalse();
        return example;
    }

    @Test
    void livenessAndReadinessProbesAreUp() throws Exception {
        for (String probe :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"UP\"");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
