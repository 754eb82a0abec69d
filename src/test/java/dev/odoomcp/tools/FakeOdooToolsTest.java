package dev.odoomcp.tools;

import dev.odoomcp.testing.McpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tool tests: the fake Odoo set-ups of {@link Flavor} (16 and 18 over XML-RPC, 19 over
 * JSON-2) started once per test class, and an MCP client for the server under test.
 */
abstract class FakeOdooToolsTest {

    static Fakes fakes;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.start();
    }

    @AfterAll
    static void stopOdoo() {
        fakes.close();
    }

    McpClient mcp(Flavor flavor) {
        return fakes.client(port, flavor);
    }
}
