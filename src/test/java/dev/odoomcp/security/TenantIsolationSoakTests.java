package dev.odoomcp.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The isolation soak ({@link IsolationSoak}) against one bridge instance. */
@LoopbackBridgeTest
class TenantIsolationSoakTests {

    @LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesOnlyItsOwnTenantsDataAndForeignKeysNeverWork() throws Exception {
        IsolationSoak.run(BridgeClient.at(port), "one instance");
    }
}
