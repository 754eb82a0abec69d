package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}) against the real
 * server, for every server scenario that applies to a server without the suite's own test tools.
 * Checks that need those tools (test_missing_capability, test_streaming_elicitation,
 * test_logging_tool) are listed in {@code conformance-expected-failures.yaml}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ConformanceIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "server-initialize,",
        "ping,",
        "tools-list,",
        "tools-list,2026-07-28",
        "dns-rebinding-protection,",
        "dns-rebinding-protection,2026-07-28",
        "server-stateless,",
        "caching,",
        "http-header-validation,"
    })
    void scenarioPasses(String scenario, String specVersion) {
        List<String> args = new ArrayList<>(List.of(
                NodeTools.module("@modelcontextprotocol/conformance/dist/index.js"),
                "server",
                "--url",
                "http://localhost:" + port + "/mcp",
                "--scenario",
                scenario,
                "--expected-failures",
                NodeTools.DIR.resolve("conformance-expected-failures.yaml").toString()));
        if (specVersion != null) {
            args.addAll(List.of("--spec-version", specVersion));
        }
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(2), Map.of(), args.toArray(String[]::new));
        System.out.println(
                "conformance " + scenario + (specVersion == null ? "" : " @" + specVersion) + ":\n" + run.all());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("Passed:");
    }
}
