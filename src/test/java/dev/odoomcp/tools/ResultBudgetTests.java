package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.McpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A small {@code odoo-mcp.max-result-chars}: results are cut with a note and the offset to continue from. */
@ToolsServerTest
@TestPropertySource(properties = "odoo-mcp.max-result-chars=1000")
class ResultBudgetTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void searchIsCutToTheBudgetWithNoteAndNextOffset(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        JsonNode first = mcp.call(
                        "search_records",
                        "{\"model\": \"res.partner\", \"fields\": [\"name\", \"email\"], "
                                + "\"order\": \"id\", \"limit\": 18}")
                .ok();
        int returned = first.path("returned").asInt();
        assertThat(returned).isBetween(2, 17);
        assertThat(first.path("records")).hasSize(returned);
        assertThat(first.path("total").asInt()).isEqualTo(18);
        assertThat(first.path("next_offset").asInt()).isEqualTo(returned);
        assertThat(first.path("note").asString()).contains("size budget", "offset " + returned);
        assertThat(mcp.call(
                                "search_records",
                                "{\"model\": \"res.partner\", \"fields\": [\"name\", \"email\"], "
                                        + "\"order\": \"id\", \"limit\": 18}")
                        .text()
                        .length())
                .isLessThanOrEqualTo(1000);
        JsonNode next = mcp.call(
                        "search_records",
                        "{\"model\": \"res.partner\", \"fields\": [\"name\", \"email\"], "
                                + "\"order\": \"id\", \"limit\": 18, \"offset\": " + returned + "}")
                .ok();
        assertThat(next.path("records").path(0).path("id").asInt())
                .isGreaterThan(
                        first.path("records").path(returned - 1).path("id").asInt());
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void readRecordsSaysHowManyFit(Flavor flavor) {
        JsonNode read = fakes.client(port, flavor)
                .call(
                        "read_records",
                        "{\"model\": \"res.partner\", \"ids\": "
                                + "[1, 3, 7, 9, 10, 11, 12, 14, 15, 17, 18, 19, 20], \"fields\": [\"name\", \"email\"]}")
                .ok();
        assertThat(read.path("records").size()).isLessThan(13);
        assertThat(read.path("note").asString()).contains("of 13 records fit in the size budget");
        assertThat(read.has("missing_ids")).isFalse();
    }
}
