package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrapperMainTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return WrapperMain.run(
                args,
                env,
                new ByteArrayInputStream(new byte[0]),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exitsTwoWithAClearMessageWhenTheServerUrlIsMissing() {
        assertThat(run(Map.of("ODOO_API_KEY", "k-secret"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("MCP_SERVER_URL is not set")
                .doesNotContain("k-secret");
        assertThat(out.size()).isZero();
    }

    @Test
    void printsVersionAndHelp() {
        assertThat(run(Map.of(), "--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("odoo-mcp-wrapper ");
        out.reset();
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("MCP_SERVER_URL")
                .contains("ODOO_API_KEY");
        assertThat(run(Map.of(), "--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--verbose'");
    }

    @Test
    void runsWithoutOdooVariablesAndExitsZeroAtEndOfInput() {
        assertThat(run(Map.of("MCP_SERVER_URL", "http://127.0.0.1:9"))).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ODOO_URL not set");
    }
}
