package dev.odoomcp.tools.chatter;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OdooCall;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Documents;
import dev.odoomcp.tools.HtmlText;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.attachments.Attachments;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code post_message}: an internal note or a message to the followers in a record's chatter,
 * through {@code mail.thread.message_post}. That method takes keyword arguments only (its
 * signature starts with {@code *}), so everything goes as keywords on every wire: XML-RPC
 * {@code execute_kw} kwargs, JSON-2 names. From Odoo 17 a plain string body is escaped, so the
 * HTML built here is flagged {@code body_is_html}; 16 stores the body as HTML and has no such flag.
 */
@Component
class PostMessageTool extends OdooTool<PostMessageTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            @JsonProperty("res_id") @Min(1) long resId,

            @JsonPropertyDescription("the record's display name")
            String record,

            @JsonProperty("message_id") @JsonPropertyDescription("id of the new chatter message") @Min(1)
            long messageId,

            @JsonPropertyDescription("'note' (internal, notifies no one) or 'message' (sent to the followers)")
            String kind) {}

    private static final int MAX_BODY = 100_000;

    private final ModelCatalog catalog;

    PostMessageTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("purchase.order");
        prop(input, "res_id", JsonSchemas.integer("Id of the record whose chatter gets the post.", 1, null));
        prop(input, "body", JsonSchemas.string("The text. Plain text (line breaks kept) unless body_is_html is true."));
        prop(
                input,
                "kind",
                JsonSchemas.enumOf(
                        "'note' (default): an internal note, notifies no one; 'message': "
                                + "sent by e-mail to the record's followers (e.g. the customer).",
                        List.of("note", "message")));
        prop(
                input,
                "body_is_html",
                JsonSchemas.bool("The body is simple HTML (<p>, <b>, <ul>, <a>) rather than "
                        + "plain text (default false). Odoo sanitizes it."));
        prop(
                input,
                "attachment_ids",
                JsonSchemas.arrayOf(
                        JsonSchemas.integer(null, 1, null),
                        "Files to attach: ids " + "from upload_attachment on the same record."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "res_id", "body");
        return tool(
                "post_message",
                "Post a note or message on an Odoo record",
                "Posts in the chatter of a record of any model with a chatter (orders, invoices, contacts, tasks, "
                        + "leads): an internal note by default, or with kind 'message' a message e-mailed to the "
                        + "followers. Example, log a note on purchase order 2: {\"model\": \"purchase.order\", "
                        + "\"res_id\": 2, \"body\": \"Supplier confirmed delivery for Friday.\"}. Use kind 'message' "
                        + "only when the user wants the customer or supplier told; confirm the wording first.",
                input,
                Result.class,
                Hints.writes(false, false));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        long resId = arguments.id("res_id");
        String body = arguments.requiredString("body");
        if (body.length() > MAX_BODY) {
            throw new ToolInputException("Argument 'body' is " + body.length() + " characters; at most " + MAX_BODY
                    + " are allowed. Attach long texts as a file with upload_attachment.");
        }
        String kind = java.util.Objects.requireNonNullElse(arguments.optionalString("kind"), "note");
        if (!kind.equals("note") && !kind.equals("message")) {
            throw new ToolInputException("Argument 'kind' must be 'note' (internal) or 'message' (to the followers).");
        }
        boolean isHtml = arguments.flag("body_is_html", false);
        List<Long> attachments =
                arguments.raw("attachment_ids") == null ? List.of() : arguments.ids("attachment_ids", 20);
        Documents.requireChatter(catalog.metadata(session, model));
        String record = Documents.displayName(session, model, resId);
        Attachments.requireOn(session, attachments, model, resId);

        OdooCall post = OdooCall.onRecords(model, "message_post", List.of(resId))
                .option("body", isHtml ? body : HtmlText.fromPlain(body))
                .option("message_type", "comment")
                .option("subtype_xmlid", kind.equals("note") ? "mail.mt_note" : "mail.mt_comment");
        if (session.server().majorVersion() >= 17) {
            post = post.option("body_is_html", true); // 17+ escapes a plain string body
        }
        if (!attachments.isEmpty()) {
            post = post.option(
                    "attachment_ids", attachments.stream().map(Long::intValue).toList());
        }
        JsonNode answer = session.execute(post);
        // 16-18: the id (@api.returns); saas-18.x and 19: a list of ids
        long messageId = OdooValues.answeredId(answer);
        if (messageId <= 0) {
            throw new ToolInputException("Odoo did not return the id of the new message; check the record's chatter.");
        }
        return new Result(model, resId, record, messageId, kind);
    }
}
