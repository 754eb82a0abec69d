package dev.odoomcp.security;

import dev.odoomcp.testing.McpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The isolation soak ({@link IsolationSoak}) against one bridge instance. */
@LoopbackBridgeTest
class TenantIsolationSoakTests {

    @LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesOnlyItsOwnTenantsDataAndForeignKeysNeverWork() throws Exception {
        IsolationSoak.run(McpClient.at(port), "one instance");
    }
}
