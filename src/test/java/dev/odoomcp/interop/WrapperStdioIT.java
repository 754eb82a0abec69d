package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bundled stdio wrapper as Claude Desktop runs it: {@code java -jar odoo-mcp-wrapper.jar} spawned
 * by the official TypeScript SDK's StdioClientTransport, against the real server (which requires an
 * access token here) and a fake Odoo; plus a dead server and a wrong token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "mcp.access-token=" + WrapperStdioIT.TOKEN
        })
class WrapperStdioIT {

    static final String TOKEN = "wrapper-it-token-3b9e51c2";
    static final String KEY = "wrapper-it-key-acme-91ac";
    static final Path JAR = Path.of("target/odoo-mcp-wrapper.jar").toAbsolutePath();
    static FakeOdoo odoo;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        odoo = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        odoo.close();
    }

    @Test
    void sdkClientDrivesTheWrapperJar() {
        assertThat(Files.isRegularFile(JAR))
                .as("run ./mvnw package first: " + JAR)
                .isTrue();
        String server = "http://127.0.0.1:" + port;
        NodeTools.Run run = NodeTools.node(
                Duration.ofMinutes(2),
                Map.of(
                        "MCP_SERVER_URL",
                        server,
                        "BAD_TOKEN_SERVER_URL",
                        server,
                        "MCP_ACCESS_TOKEN",
                        TOKEN,
                        "ODOO_URL",
                        odoo.baseUrl().toString(),
                        "ODOO_DB",
                        "acme",
                        "ODOO_USERNAME",
                        "admin",
                        "ODOO_API_KEY",
                        KEY,
                        "WRAPPER_JAR",
                        JAR.toString(),
                        "WRAPPER_TOOL",
                        "search_records",
                        "WRAPPER_TOOL_ARGS",
                        "{\"model\":\"res.partner\",\"domain\":[[\"name\",\"=\",\"Wood Corner\"]],\"fields\":[\"name\",\"email\"]}"),
                "wrapper-stdio.mjs");
        System.out.println("wrapper over stdio:\n" + run.all());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout())
                .contains("3 passed, 0 failed, 0 skipped", "\"total\":1", "\"id\":9,\"name\":\"Wood Corn")
                .doesNotContain(KEY)
                .doesNotContain(TOKEN);
        assertThat(odoo.callsTo("res.partner", "search_read")).isNotEmpty();
    }
}
