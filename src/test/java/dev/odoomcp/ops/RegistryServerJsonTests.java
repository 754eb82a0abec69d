package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code server.json}, the MCP Registry entry, validates against the registry's published schema
 * (2025-12-11, vendored under {@code src/test/resources/mcp-registry}) and says what the server
 * really is: its version, its OCI image, and a {@code streamable-http} remote with exactly the
 * headers the bridge reads, secrets marked as such.
 */
class RegistryServerJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(
                        JSON.readTree(Files.readString(Path.of("src/test/resources/mcp-registry/server.schema.json"))));
    }

    private static JsonNode server() throws IOException {
        return JSON.readTree(Files.readString(Path.of("server.json")));
    }

    @Test
    void validatesAgainstThePublishedSchemaItNames() throws IOException {
        JsonNode server = server();
        Schema schema = schema();
        assertThat(server.path("$schema").asString())
                .isEqualTo("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
        List<Error> errors = schema.validate(server);
        assertThat(errors).isEmpty();
        // The schema is not a pushover: a broken copy is refused.
        ObjectNode broken = (ObjectNode) server.deepCopy();
        broken.put("name", "no slash here");
        ((ObjectNode) broken.path("remotes").path(0)).put("type", "websocket");
        assertThat(schema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void describesTheImageAndTheRemoteWithTheHeadersTheBridgeReads() throws IOException {
        JsonNode server = server();
        String version = Files.readString(Path.of("pom.xml"))
                .replaceAll(
                        "(?s).*?<artifactId>odoo-mcp-bridge</artifactId>" + "\\s*<version>([^<]+)</version>.*", "$1")
                .replace("-SNAPSHOT", "");
        assertThat(server.path("version").asString()).isEqualTo(version);
        JsonNode image = server.path("packages").path(0);
        assertThat(image.path("registryType").asString()).isEqualTo("oci");
        assertThat(image.path("identifier").asString()).endsWith(":" + version);
        assertThat(Files.readString(Path.of("Dockerfile")))
                .contains("io.modelcontextprotocol.server.name=\""
                        + server.path("name").asString() + "\"");

        JsonNode remote = server.path("remotes").path(0);
        assertThat(remote.path("type").asString()).isEqualTo("streamable-http");
        assertThat(remote.path("url").asString()).endsWith("/mcp");
        List<String> headers = new ArrayList<>();
        List<String> secret = new ArrayList<>();
        remote.path("headers").forEach(h -> {
            headers.add(h.path("name").asString());
            if (h.path("isSecret").asBoolean(false)) {
                secret.add(h.path("name").asString());
            }
        });
        assertThat(headers)
                .containsExactly("X-MCP-Token", "X-Odoo-Url", "X-Odoo-Db", "X-Odoo-Username", "X-Odoo-Api-Key");
        assertThat(secret).containsExactlyInAnyOrder("X-MCP-Token", "X-Odoo-Api-Key");
        assertThat(HealthController.INFO).contains("X-Odoo-Url", "X-Odoo-Db", "X-Odoo-Username", "X-Odoo-Api-Key");
    }
}
