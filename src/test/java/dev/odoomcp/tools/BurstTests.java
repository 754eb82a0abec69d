package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A burst of one company's users at the default limits (8 calls of a tenant at once): the calls
 * above the cap wait for a slot instead of failing, through the real server.
 */
@ToolsServerTest
class BurstTests {

    @LocalServerPort
    int port;

    @Test
    void sixteenParallelCallsOfOneCompanyAreAllServed() throws Exception {
        try (FakeOdoo odoo = Flavor.ODOO_18_XMLRPC.start()) {
            McpClient company = Flavor.ODOO_18_XMLRPC.client(port, odoo);
            company.call("count_records", "{\"model\": \"res.partner\"}").ok();
            odoo.latency(Duration.ofMillis(400)); // each call holds its slot for a while
            ExecutorService users = Executors.newFixedThreadPool(16);
            try {
                List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(CompletableFuture.supplyAsync(
                            () -> company.call("search_records", "{\"model\": \"res.partner\", \"limit\": 2}")
                                    .ok(),
                            users));
                }
                for (CompletableFuture<JsonNode> call : calls) {
                    assertThat(call.get(60, TimeUnit.SECONDS).path("records")).hasSize(2);
                }
            } finally {
                users.shutdownNow();
            }
        }
    }
}
