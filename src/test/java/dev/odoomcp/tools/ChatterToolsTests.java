package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * post_message and read_messages through /mcp on every flavor: what Odoo received (message_post by
 * keyword only, body_is_html from 17), what the chatter holds afterwards, and the refusals.
 */
@ToolsServerTest
class ChatterToolsTests extends FakeOdooToolsTest {

    /** Hides the base class's start-up: the chatter data of each version. */
    @BeforeAll
    static void startOdoo() {
        fakes = Fakes.perFlavor(flavor -> FakeOdooDatasets.chatter(flavor.major()));
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aNoteIsPostedByKeywordsOnlyAndStoredAsHtml(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        JsonNode posted = mcp(flavor)
                .call(
                        "post_message",
                        "{\"model\": \"purchase.order\", \"res_id\": 2, \"body\": "
                                + "\"Supplier confirmed <Friday> & more\\nSecond line\"}")
                .ok();
        assertThat(posted.path("kind").asString()).isEqualTo("note");
        assertThat(posted.path("record").asString()).startsWith("P0");
        long id = posted.path("message_id").asLong();

        FakeOdoo.Call post = odoo.callsTo("purchase.order", "message_post").get(0);
        assertThat(post.ids()).containsExactly(2L);
        assertThat(post.args()).as("keyword-only: nothing by position").isEmpty();
        String html = "<p>Supplier confirmed &lt;Friday&gt; &amp; more<br>Second line</p>";
        assertThat(post.kwargs())
                .containsEntry("body", html)
                .containsEntry("message_type", "comment")
                .containsEntry("subtype_xmlid", "mail.mt_note");
        if (flavor.major() >= 17) {
            assertThat(post.kwargs()).containsEntry("body_is_html", true);
        } else {
            assertThat(post.kwargs()).doesNotContainKey("body_is_html");
        }
        Map<?, ?> stored = odoo.inspect(
                Flavor.DB,
                "mail.message",
                r -> Map.of(
                        "body", r.browse("mail.message", List.of(id)).get("body"),
                        "subtype", r.browse("mail.message", List.of(id)).get("subtype_id"),
                        "res_id", r.browse("mail.message", List.of(id)).get("res_id")));
        assertThat(stored.get("body")).as("HTML, not escaped text").isEqualTo(html);
        assertThat(stored.get("subtype")).isEqualTo(2L);
        assertThat(stored.get("res_id")).isEqualTo(2L);

        JsonNode newest = mcp(flavor)
                .call("read_messages", "{\"model\": \"purchase.order\", \"res_id\": 2, " + "\"limit\": 1}")
                .ok()
                .path("messages")
                .path(0);
        assertThat(newest.path("id").asLong()).isEqualTo(id);
        assertThat(newest.path("body").asString()).isEqualTo("Supplier confirmed <Friday> & more\nSecond line");
        assertThat(newest.path("subtype").asString()).isEqualTo("Note");
        assertThat(newest.path("author").path("name").asString()).isEqualTo("Mitchell Admin");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMessageToTheFollowersCarriesItsAttachmentsAndHtml(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        odoo.clearCalls();
        long id = mcp(flavor)
                .call(
                        "post_message",
                        "{\"model\": \"purchase.order\", \"res_id\": 2, \"kind\": "
                                + "\"message\", \"body_is_html\": true, \"body\": \"<p>The delivery is <b>late</b>.</p>\", "
                                + "\"attachment_ids\": [31]}")
                .ok()
                .path("message_id")
                .asLong();
        FakeOdoo.Call post = odoo.callsTo("purchase.order", "message_post").get(0);
        assertThat(post.kwargs())
                .containsEntry("subtype_xmlid", "mail.mt_comment")
                .containsEntry("body", "<p>The delivery is <b>late</b>.</p>")
                .containsEntry("attachment_ids", List.of(31L));
        Object attachments = odoo.inspect(
                Flavor.DB,
                "mail.message",
                r -> r.browse("mail.message", List.of(id)).get("attachment_ids"));
        assertThat(attachments).isEqualTo(List.of(31L));
        Object subtype = odoo.inspect(
                Flavor.DB,
                "mail.message",
                r -> r.browse("mail.message", List.of(id)).get("subtype_id"));
        assertThat(subtype).isEqualTo(1L);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void theChatterIsReadNewestFirstAsTextWithItsFilesAndPaged(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        JsonNode page = mcp(flavor)
                .call("read_messages", "{\"model\": \"purchase.order\", \"res_id\": 3}")
                .ok();
        assertThat(page.path("total").asInt()).isZero();
        odoo.clearCalls();
        // purchase.order 2 has three seeded entries (and a user_notification that is never shown) plus
        // whatever the other tests of this class posted; the seeded ones are the oldest
        JsonNode all = mcp(flavor)
                .call("read_messages", "{\"model\": \"purchase.order\", \"res_id\": 2, " + "\"limit\": 50}")
                .ok();
        FakeOdoo.Call search = odoo.callsTo("mail.message", "search_read").get(0);
        assertThat(search.kwargs()).containsEntry("order", "id desc");
        List<Long> ids = all.path("messages")
                .valueStream()
                .map(m -> m.path("id").asLong())
                .toList();
        assertThat(ids)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .endsWith(102L, 101L, 100L)
                .doesNotContain(103L);
        JsonNode note = all.path("messages").get(ids.indexOf(102L));
        assertThat(note.path("body").asString()).isEqualTo("Check the price with Bob:\n- chairs\n- tables");
        assertThat(note.path("subtype").asString()).isEqualTo("Note");
        assertThat(note.path("attachments").path(0).path("name").asString()).isEqualTo("delivery-note.txt");
        assertThat(note.path("attachments").path(0).path("mimetype").asString()).isEqualTo("text/plain");
        assertThat(note.path("attachments").path(0).path("size").asLong()).isEqualTo(34);
        JsonNode email = all.path("messages").get(ids.indexOf(101L));
        assertThat(email.path("body").asString()).isEqualTo("Here is our quote for 25 chairs & tables.");
        assertThat(email.path("message_type").asString()).isEqualTo("email");
        assertThat(email.path("author").path("id").asLong()).isEqualTo(14);
        assertThat(email.path("subject").asString()).isEqualTo("Quote");
        assertThat(email.path("date").asString()).isEqualTo("2026-11-21T09:00:00Z");

        JsonNode older = mcp(flavor)
                .call(
                        "read_messages",
                        "{\"model\": \"purchase.order\", \"res_id\": 2, " + "\"limit\": 2, \"offset\": "
                                + (ids.size() - 2) + "}")
                .ok();
        assertThat(older.path("total").asInt()).isEqualTo(ids.size());
        assertThat(older.path("messages")
                        .valueStream()
                        .map(m -> m.path("id").asLong())
                        .toList())
                .containsExactly(101L, 100L);
        assertThat(older.has("next_offset")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void refusalsSayWhyAndSendNothing(Flavor flavor) {
        FakeOdoo odoo = fakes.get(flavor);
        McpClient mcp = mcp(flavor);
        mcp.call("describe_model", "{\"model\": \"purchase.order.line\"}").ok();
        odoo.clearCalls();
        assertThat(mcp.call("post_message", "{\"model\": \"purchase.order.line\", \"res_id\": 1, \"body\": \"x\"}")
                        .error())
                .contains("has no chatter", "mail.thread", "Post on the business document");
        assertThat(mcp.call("read_messages", "{\"model\": \"purchase.order.line\", \"res_id\": 1}")
                        .error())
                .contains("has no chatter");
        assertThat(mcp.call("post_message", "{\"model\": \"res.users.apikeys\", \"res_id\": 1, \"body\": \"x\"}")
                        .error())
                .contains("is not available through this bridge");
        assertThat(mcp.call("read_messages", "{\"model\": \"ir.config_parameter\", \"res_id\": 1}")
                        .error())
                .contains("is not available through this bridge");
        assertThat(mcp.call(
                                "post_message",
                                "{\"model\": \"purchase.order\", \"res_id\": 2, \"body\": \"x\", "
                                        + "\"kind\": \"shout\"}")
                        .error())
                .contains("'note'", "'message'");
        assertThat(odoo.calls()).isEmpty();
        assertThat(mcp.call(
                                "post_message",
                                "{\"model\": \"purchase.order\", \"res_id\": 2, \"body\": \"x\", "
                                        + "\"attachment_ids\": [40]}")
                        .error())
                .contains("not attached to purchase.order 2", "upload_attachment");
        assertThat(mcp.call("post_message", "{\"model\": \"purchase.order\", \"res_id\": 999, \"body\": \"x\"}")
                        .error())
                .contains("does not exist");
        assertThat(odoo.callsTo("purchase.order", "message_post")).isEmpty();

        McpClient readOnly = mcp.with("X-Odoo-Read-Only", "true");
        assertThat(readOnly.toolNames()).contains("read_messages").doesNotContain("post_message");
        assertThat(readOnly.call("post_message", "{\"model\": \"purchase.order\", \"res_id\": 2, \"body\": \"x\"}")
                        .error())
                .contains("read-only");
        assertThat(odoo.callsTo("purchase.order", "message_post")).isEmpty();
    }

    /** The fake binds message_post as Python does: a positional argument is a TypeError over XML-RPC. */
    @ParameterizedTest
    @EnumSource(
            value = Flavor.class,
            names = {"ODOO_16_XMLRPC", "ODOO_18_XMLRPC"})
    void messagePostRefusesPositionalArgumentsAsOdooDoes(Flavor flavor) {
        String error = mcp(flavor)
                .call(
                        "call_method",
                        "{\"model\": \"purchase.order\", \"method\": \"message_post\", "
                                + "\"ids\": [2], \"args\": [\"<p>hi</p>\"]}")
                .error();
        assertThat(error).contains("MailThread.message_post() takes 1 positional argument but 2 were given");
        String unknown = mcp(flavor)
                .call(
                        "call_method",
                        "{\"model\": \"purchase.order.line\", \"method\": "
                                + "\"message_post\", \"ids\": [1], \"kwargs\": {\"body\": \"hi\"}}")
                .error();
        assertThat(unknown).contains("message_post").contains("does not exist");
    }
}
