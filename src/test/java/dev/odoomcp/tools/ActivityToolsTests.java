package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * schedule_activity, list_activities and complete_activity through /mcp on every flavor: the
 * mail.activity created with its res_model_id, "my overdue activities" without ids, action_feedback
 * bound by position over XML-RPC and by name over JSON-2, and the refusals.
 */
@ToolsServerTest
class ActivityToolsTests extends FakeOdooToolsTest {

    /** Hides the base class's start-up: the chatter data of each version. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.perFlavor(flavor -> FakeOdooDatasets.chatter(flavor.major()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anActivityIsCreatedOnTheRecordForTheCaller(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        JsonNode scheduled = mcp(flavor)
                .call(
                        "schedule_activity",
                        "{\"model\": \"res.partner\", \"res_id\": 14, "
                                + "\"activity_type\": \"call\", \"date_deadline\": \"2099-12-04\", \"summary\": \"Call about the chairs\", "
                                + "\"note\": \"Ask about\\nthe delivery\"}")
                .ok();
        assertThat(scheduled.path("activity_type").path("name").asString()).isEqualTo("Call");
        assertThat(scheduled.path("user_id").asLong()).isEqualTo(2);
        assertThat(scheduled.path("date_deadline").asString()).isEqualTo("2099-12-04");
        long id = scheduled.path("activity_id").asLong();

        long partnerModel = odoo.inspect(
                Flavor.DB,
                "ir.model",
                r -> r.search(List.of(List.of("model", "=", "res.partner"))).get(0));
        FakeOdoo.Call create = odoo.callsTo("mail.activity", "create").get(0);
        assertThat(flavor.received(create, "vals_list", 0))
                .isEqualTo(List.of(Map.of(
                        "res_model_id",
                        partnerModel,
                        "res_id",
                        14L,
                        "activity_type_id",
                        2L,
                        "user_id",
                        2L,
                        "date_deadline",
                        "2099-12-04",
                        "summary",
                        "Call about the chairs",
                        "note",
                        "<p>Ask about<br>the delivery</p>")));
        Object model = odoo.inspect(
                Flavor.DB,
                "mail.activity",
                r -> r.browse("mail.activity", List.of(id)).get("res_model"));
        assertThat(model).isEqualTo("res.partner");

        JsonNode onRecord = mcp(flavor)
                .call("list_activities", "{\"model\": \"res.partner\", \"res_id\": 14}")
                .ok();
        assertThat(onRecord.path("activities")
                        .valueStream()
                        .map(a -> a.path("id").asLong())
                        .toList())
                .contains(id);
        JsonNode mine = onRecord.path("activities")
                .valueStream()
                .filter(a -> a.path("id").asLong() == id)
                .findFirst()
                .orElseThrow();
        assertThat(mine.path("record").asString()).isNotBlank();
        assertThat(mine.path("note").asString()).isEqualTo("Ask about\nthe delivery");
        assertThat(mine.path("state").asString()).isEqualTo("planned");
        assertThat(mine.path("assigned_to").path("id").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void myOverdueActivitiesNeedNoIds(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        ZoneId userZone = ZoneId.of("Europe/Brussels"); // the demo admin's tz (context_get)
        String before = LocalDate.now(userZone).toString();
        JsonNode overdue =
                mcp(flavor).call("list_activities", "{\"overdue\": true}").ok();
        String today = overdue.path("today").asString();
        assertThat(today).isIn(before, LocalDate.now(userZone).toString());
        // 1 is the admin's and overdue; 3 is Marc's; 4 is on ir.config_parameter, which the bridge hides
        assertThat(overdue.path("activities")
                        .valueStream()
                        .map(a -> a.path("id").asLong())
                        .toList())
                .containsExactly(1L);
        JsonNode first = overdue.path("activities").path(0);
        assertThat(first.path("model").asString()).isEqualTo("res.partner");
        assertThat(first.path("res_id").asLong()).isEqualTo(14);
        assertThat(first.path("state").asString()).isEqualTo("overdue");
        assertThat(first.path("activity_type").path("name").asString()).isEqualTo("Call");
        Object domain =
                flavor.received(odoo.callsTo("mail.activity", "search_read").get(0), "domain", 0);
        assertThat(domain.toString())
                .contains("[user_id, =, 2]", "[date_deadline, <, " + today + "]")
                .contains("ir.config_parameter")
                .doesNotContain("state");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void completingPostsTheFeedbackAndRemovesTheActivity(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        McpClient mcp = mcp(flavor);
        odoo.clearCalls();
        JsonNode done = mcp.call(
                        "complete_activity",
                        "{\"model\": \"purchase.order\", \"activity_id\": 2, " + "\"feedback\": \"Price <OK>\"}")
                .ok();
        assertThat(done.path("done").asBoolean()).isTrue();
        assertThat(done.path("summary").asString()).isEqualTo("Check the quote");
        FakeOdoo.Call feedback =
                odoo.callsTo("mail.activity", "action_feedback").get(0);
        assertThat(feedback.ids()).containsExactly(2L);
        assertThat(flavor.received(feedback, "feedback", 0)).isEqualTo("Price <OK>");
        assertThat(feedback.args()).hasSize(flavor.json2() ? 0 : 1);
        assertThat(feedback.kwargs()).doesNotContainKey("attachment_ids");
        long message = done.path("message_id").asLong();
        Object body = odoo.inspect(
                Flavor.DB,
                "mail.message",
                r -> r.browse("mail.message", List.of(message)).get("body"));
        assertThat(body.toString()).contains("Feedback: Price &lt;OK&gt;");
        boolean gone = odoo.inspect(
                Flavor.DB,
                "mail.activity",
                r -> r.search(List.of(List.of("id", "=", 2))).isEmpty());
        assertThat(gone).isTrue();
        assertThat(mcp.call("complete_activity", "{\"model\": \"purchase.order\", \"activity_id\": 2}")
                        .error())
                .contains("does not exist, is already done");

        // with a file and no feedback: feedback goes as its default (False) by position before the ids
        long activity = mcp.call(
                        "schedule_activity",
                        "{\"model\": \"purchase.order\", \"res_id\": 2, " + "\"activity_type_id\": 4}")
                .ok()
                .path("activity_id")
                .asLong();
        odoo.clearCalls();
        mcp.call(
                        "complete_activity",
                        "{\"model\": \"purchase.order\", \"activity_id\": " + activity + ", \"attachment_ids\": [31]}")
                .ok();
        FakeOdoo.Call withFile =
                odoo.callsTo("mail.activity", "action_feedback").get(0);
        if (flavor.json2()) {
            assertThat(withFile.kwargs())
                    .containsEntry("attachment_ids", List.of(31L))
                    .doesNotContainKey("feedback");
        } else {
            assertThat(withFile.args()).containsExactly(false, List.of(31L));
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void refusalsListWhatExistsAndSendNoWrite(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        McpClient mcp = mcp(flavor);
        odoo.clearCalls();
        String unknown = mcp.call(
                        "schedule_activity",
                        "{\"model\": \"res.partner\", \"res_id\": 14, " + "\"activity_type\": \"Coffee\"}")
                .error();
        assertThat(unknown)
                .contains("Activity type 'Coffee' does not exist for res.partner", "'Call' (id 2)", "'To-Do' (id 4)")
                .doesNotContain("Order Upsell");
        assertThat(mcp.call(
                                "schedule_activity",
                                "{\"model\": \"res.partner\", \"res_id\": 14, " + "\"activity_type_id\": 6}")
                        .error())
                .contains("Activity type id 6 does not exist for res.partner");
        assertThat(mcp.call(
                                "schedule_activity",
                                "{\"model\": \"purchase.order.line\", \"res_id\": 1, " + "\"activity_type\": \"Call\"}")
                        .error())
                .contains("has no activities", "mail.activity.mixin");
        assertThat(mcp.call(
                                "schedule_activity",
                                "{\"model\": \"res.partner\", \"res_id\": 14, "
                                        + "\"activity_type\": \"Call\", \"date_deadline\": \"next friday\"}")
                        .error())
                .contains("YYYY-MM-DD");
        assertThat(mcp.call("complete_activity", "{\"model\": \"res.country\", \"activity_id\": 1}")
                        .error())
                .contains("is on a record of 'res.partner'", "model 'res.partner'");
        assertThat(mcp.call("list_activities", "{\"model\": \"ir.config_parameter\"}")
                        .error())
                .contains("is not available through this bridge");
        assertThat(mcp.call(
                                "schedule_activity",
                                "{\"model\": \"ir.config_parameter\", \"res_id\": 1, " + "\"activity_type\": \"Call\"}")
                        .error())
                .contains("is not available through this bridge");
        assertThat(odoo.callsTo("mail.activity", "create")).isEmpty();
        assertThat(odoo.callsTo("mail.activity", "action_feedback")).isEmpty();

        McpClient readOnly = mcp.with("X-Odoo-Read-Only", "true");
        assertThat(readOnly.toolNames())
                .contains("list_activities")
                .doesNotContain("schedule_activity", "complete_activity");
        assertThat(readOnly.call("complete_activity", "{\"model\": \"res.partner\", \"activity_id\": 1}")
                        .error())
                .contains("read-only");
        assertThat(readOnly.call("list_activities", "{\"overdue\": true}")
                        .ok()
                        .path("returned")
                        .asInt())
                .isEqualTo(1);
        assertThat(odoo.callsTo("mail.activity", "action_feedback")).isEmpty();
    }
}
