package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every path to Odoo goes through one gateway and its limits, through the real server: a tenant's
 * budget is charged only for credentials Odoo has accepted, and completions are limited and bounded
 * by the deadline like tools. Each test starts its own fake Odoo, so each is a tenant of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1", "odoo.allow-private-networks=true", "odoo.allow-http=true",
            "mcp.tenant-rate-per-minute=5", "mcp.request-timeout=2s", "mcp.unverified-rate-per-minute=1000"
        })
class GatewayLimitsTests {

    private static final String COUNT = "{\"model\": \"res.partner\"}";
    private static final String COMPLETE_SUPPLIER =
            "{\"ref\": {\"type\": \"ref/prompt\", \"name\": \"purchase_order\"}, "
                    + "\"argument\": {\"name\": \"supplier\", \"value\": \"o\"}}";

    @LocalServerPort
    int port;

    @Test
    void junkKeysAimedAtACompanyNeverSpendItsBudget() {
        try (FakeOdoo odoo = Flavor.ODOO_18_XMLRPC.start()) {
            McpClient company = Flavor.ODOO_18_XMLRPC.client(port, odoo);
            // a stranger who knows the public URL and database name, with ever new wrong keys
            for (int i = 0; i < 20; i++) {
                String error = company.with("X-Odoo-Api-Key", "junk-key-number-" + i)
                        .call("count_records", COUNT)
                        .error();
                assertThat(error).containsIgnoringCase("api key").doesNotContain("Rate limit");
            }
            // the company's own user logs in (a first call, charged to the caller as unverified), then still
            // has the tenant's whole budget of 5 calls a minute, and not more
            assertThat(company.call("count_records", COUNT).ok().path("count").asInt())
                    .isPositive();
            for (int i = 0; i < 5; i++) {
                assertThat(company.call("count_records", COUNT)
                                .ok()
                                .path("count")
                                .asInt())
                        .isPositive();
            }
            assertThat(company.call("count_records", COUNT).error()).startsWith("Rate limit for this Odoo database");
        }
    }

    @Test
    void completionsSpendTheTenantsBudgetLikeTools() {
        try (FakeOdoo odoo = Flavor.ODOO_18_XMLRPC.start()) {
            McpClient company = Flavor.ODOO_18_XMLRPC.client(port, odoo);
            company.call("count_records", COUNT).ok(); // logged in: from now on the tenant is charged
            for (int i = 0; i < 5; i++) {
                JsonNode values = company.result("completion/complete", COMPLETE_SUPPLIER)
                        .path("completion")
                        .path("values");
                assertThat(values).as("completion %s", i).isNotEmpty();
            }
            odoo.clearCalls();
            assertThat(company.result("completion/complete", COMPLETE_SUPPLIER)
                            .path("completion")
                            .path("values"))
                    .isEmpty();
            assertThat(odoo.calls()).isEmpty();
            assertThat(company.call("count_records", COUNT).error()).startsWith("Rate limit for this Odoo database");
        }
    }

    @Test
    void aCompletionAgainstAStuckOdooEndsAtTheDeadline() {
        try (FakeOdoo odoo = Flavor.ODOO_18_XMLRPC.start()) {
            McpClient company = Flavor.ODOO_18_XMLRPC.client(port, odoo);
            company.call("count_records", COUNT).ok(); // logged in, so the next call is the tenant's
            odoo.latency(Duration.ofSeconds(25));
            long start = System.nanoTime();
            JsonNode values = company.result("completion/complete", COMPLETE_SUPPLIER)
                    .path("completion")
                    .path("values");
            assertThat(values).isEmpty();
            // the 2 s deadline ended it, far before the 25 s Odoo (and the client's own 30 s timeout)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            odoo.latency(Duration.ZERO);
        }
    }
}
