package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.OdooMcpBridgeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The start-up log says, one warning line each, when the server is open. */
@ExtendWith(OutputCaptureExtension.class)
class OpenServerWarningsTests {

    @Test
    void anOpenServerLogsOneWarningLineForEachOpening(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored =
                start("--odoo.allow-http=true", "--odoo.allow-private-networks=true")) {
            assertThat(warningLines(output, "No access token is set")).isEqualTo(1);
            assertThat(warningLines(output, "ODOO_ALLOW_HTTP is on")).isEqualTo(1);
            assertThat(warningLines(output, "ODOO_ALLOW_PRIVATE_NETWORKS is on"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aClosedServerLogsNone(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("--mcp.access-token=warnings-token-0123456789")) {
            assertThat(output.getOut())
                    .contains("Tomcat started")
                    .doesNotContain(
                            "No access token is set", "ODOO_ALLOW_HTTP is on", "ODOO_ALLOW_PRIVATE_NETWORKS is on")
                    .doesNotContain("warnings-token-0123456789");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--server.address=127.0.0.1";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(OdooMcpBridgeApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(all);
    }

    private static long warningLines(CapturedOutput output, String text) {
        return output.getOut()
                .lines()
                .filter(l -> l.contains(text) && l.contains("WARN"))
                .count();
    }
}
