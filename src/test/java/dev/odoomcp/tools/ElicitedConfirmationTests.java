package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The confirmation for 2026-07-28 clients that declare form elicitation: {@code tools/call} is answered
 * with an input-required result (one {@code elicitation/create} form with a boolean, the preview as its
 * message, a sealed {@code requestState}); the retry with the user's answer runs the change or cancels it.
 * A 2026-07-28 client without elicitation gets the preview and token instead.
 */
@ToolsServerTest
class ElicitedConfirmationTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theClientAsksTheUserAndTheAcceptedRetryDeletes(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        long id = mcp(flavor)
                .call("create_record", "{\"model\": \"res.partner\", \"values\": {\"name\": \"Asked Co\"}}")
                .ok()
                .path("id")
                .asLong();
        odoo.clearCalls();
        String args = "{\"model\":\"res.partner\",\"ids\":[" + id + "]}";
        JsonNode asked = call(flavor, args, "{\"elicitation\":{}}", null);
        assertThat(asked.path("resultType").asString()).isEqualTo("input_required");
        assertThat(asked.has("content")).isFalse();
        JsonNode request = asked.path("inputRequests").path("confirm");
        assertThat(request.path("method").asString()).isEqualTo("elicitation/create");
        assertThat(request.path("params").path("mode").asString()).isEqualTo("form");
        assertThat(request.path("params").path("message").asString())
                .contains("Delete 1 record of res.partner permanently", "Asked Co (#" + id + ")", "go ahead");
        assertThat(request.path("params").path("requestedSchema").toString())
                .isEqualTo("{\"type\":\"object\","
                        + "\"properties\":{\"confirm\":{\"type\":\"boolean\",\"title\":\"Go ahead\",\"description\":"
                        + "\"Tick to make this change in Odoo.\",\"default\":false}},\"required\":[\"confirm\"]}");
        String state = asked.path("requestState").asString();
        assertThat(state).isNotBlank();
        assertThat(odoo.callsTo("res.partner", "unlink")).isEmpty();

        JsonNode unanswered = call(flavor, args, "{\"elicitation\":{}}", retry(null, state));
        assertThat(unanswered.path("resultType").asString())
                .as("a missing answer is asked again")
                .isEqualTo("input_required");
        assertThat(unanswered.path("requestState").asString()).isNotEqualTo(state);

        String tampered = state.substring(0, state.length() - 6) + (state.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        JsonNode refused = call(flavor, args, "{\"elicitation\":{}}", retry(accept(true), tampered));
        assertThat(refused.path("resultType").asString()).isEqualTo("complete");
        assertThat(refused.path("isError").asBoolean()).isTrue();
        assertThat(refused.path("content").path(0).path("text").asString())
                .startsWith("The confirmation state is not valid")
                .contains("Nothing was changed in Odoo");
        assertThat(odoo.callsTo("res.partner", "unlink")).isEmpty();

        JsonNode done = call(flavor, args, "{\"elicitation\":{}}", retry(accept(true), state));
        assertThat(done.path("resultType").asString()).isEqualTo("complete");
        assertThat(done.path("structuredContent").path("deleted").asBoolean())
                .as(done.toString())
                .isTrue();
        assertThat(odoo.callsTo("res.partner", "unlink")).hasSize(1);
        assertThat(odoo.callsTo("res.partner", "unlink").get(0).ids()).containsExactly(id);

        JsonNode replayed = call(flavor, args, "{\"elicitation\":{}}", retry(accept(true), state));
        assertThat(replayed.path("content").path(0).path("text").asString())
                .startsWith("The confirmation state was already used");
        assertThat(odoo.callsTo("res.partner", "unlink")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aDeclinedOrUntickedAnswerChangesNothing(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        String args = "{\"model\":\"res.partner\",\"ids\":[12]}";
        for (String answer : List.of(
                "{\"confirm\":{\"action\":\"decline\"}}", "{\"confirm\":{\"action\":\"cancel\"}}", accept(false))) {
            String state = call(flavor, args, "{\"elicitation\":{\"form\":{}}}", null)
                    .path("requestState")
                    .asString();
            JsonNode result = call(flavor, args, "{\"elicitation\":{\"form\":{}}}", retry(answer, state));
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(result.path("content").path(0).path("text").asString())
                    .as(answer)
                    .startsWith("Cancelled: the user did not confirm delete_records, so nothing was changed in Odoo.");
        }
        assertThat(odoo.callsTo("res.partner", "unlink")).isEmpty();
        boolean kept = odoo.inspect(Flavor.DB, "res.partner", r -> r.ids().contains(12L));
        assertThat(kept).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aStateIsNoConfirmationTokenAndClientsWithoutElicitationGetThePreview(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        String args = "{\"model\":\"res.partner\",\"ids\":[12]}";
        String state = call(flavor, args, "{\"elicitation\":{}}", null)
                .path("requestState")
                .asString();
        JsonNode asToken = call(
                flavor,
                "{\"model\":\"res.partner\",\"ids\":[12],\"confirmation_token\":\"" + state + "\"}",
                "{\"elicitation\":{}}",
                null);
        assertThat(asToken.path("content").path(0).path("text").asString())
                .startsWith("The confirmation token is not a confirmation token");
        for (String capabilities : List.of("{}", "{\"elicitation\":{\"url\":{}}}")) {
            JsonNode preview = call(flavor, args, capabilities, null);
            assertThat(preview.path("resultType").asString()).as(capabilities).isEqualTo("complete");
            assertThat(preview.path("isError").asBoolean()).isTrue();
            assertThat(preview.path("content").path(0).path("text").asString())
                    .startsWith("Confirmation needed")
                    .contains("confirmation_token");
        }
        assertThat(odoo.callsTo("res.partner", "unlink")).isEmpty();
    }

    /** A 2026-07-28 tools/call of delete_records with these client capabilities and retry fields. */
    private JsonNode call(Flavor flavor, String arguments, String capabilities, String retryFields) {
        String params = "{\"name\":\"delete_records\",\"arguments\":" + arguments
                + (retryFields == null ? "" : "," + retryFields)
                + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":" + capabilities + ","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
        McpClient.Reply reply = mcp(flavor)
                .without("MCP-Protocol-Version")
                .rpc(
                        3,
                        "tools/call",
                        params,
                        Map.of(
                                "MCP-Protocol-Version",
                                "2026-07-28",
                                "Mcp-Method",
                                "tools/call",
                                "Mcp-Name",
                                "delete_records"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().has("error")).as(reply.body()).isFalse();
        return reply.result();
    }

    private static String retry(String inputResponses, String state) {
        return (inputResponses == null ? "" : "\"inputResponses\":" + inputResponses + ",") + "\"requestState\":\""
                + state + "\"";
    }

    private static String accept(boolean confirm) {
        return "{\"confirm\":{\"action\":\"accept\",\"content\":{\"confirm\":" + confirm + "}}}";
    }
}
