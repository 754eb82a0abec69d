package dev.odoomcp.tools.chatter;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Documents;
import dev.odoomcp.tools.HtmlText;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.RecordFormatter;
import dev.odoomcp.tools.RecordRef;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolsProperties;
import dev.odoomcp.tools.attachments.Attachments;
import dev.odoomcp.tools.attachments.Attachments.AttachmentInfo;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code read_messages}: the chatter of a record, newest first and paged: who wrote what and when,
 * notes told apart from messages, the body reduced from HTML to text, and the files attached.
 */
@Component
class ReadMessagesTool extends OdooTool<ReadMessagesTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            @JsonProperty("res_id") long resId,

            @JsonPropertyDescription("messages in the chatter") @PositiveOrZero
            int total,

            @PositiveOrZero int offset,
            List<Message> messages,
            @PositiveOrZero int returned,

            @JsonProperty("next_offset")
            @JsonPropertyDescription("offset of the next (older) page, when there is one")
            @PositiveOrZero
            @Nullable
            Integer nextOffset,

            @Nullable String note) {}

    /** One chatter entry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(
            long id,

            @JsonPropertyDescription("ISO-8601 UTC") @Nullable
            String date,

            @Nullable RecordRef author,
            @JsonProperty("email_from") @Nullable String emailFrom,

            @JsonProperty("message_type") @JsonPropertyDescription("comment, email, notification, ...")
            String messageType,

            @JsonPropertyDescription("Note, Discussions, Activities, a tracking subtype, ...") @Nullable
            String subtype,

            @Nullable String subject,

            @JsonPropertyDescription("the body as plain text")
            String body,

            @Nullable List<AttachmentInfo> attachments) {}

    private static final List<String> FIELDS = List.of(
            "date", "author_id", "email_from", "message_type", "subtype_id", "subject", "body", "attachment_ids");
    private static final int MAX_BODY = 4_000;

    private final ModelCatalog catalog;
    private final ToolsProperties limits;

    ReadMessagesTool(
            OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, ToolsProperties limits, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
        this.limits = limits;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("sale.order");
        prop(input, "res_id", JsonSchemas.integer("Id of the record whose chatter to read.", 1, null));
        prop(
                input,
                "limit",
                JsonSchemas.integer(
                        "Most messages to return (default " + limits.defaultLimit() + ", at most " + limits.maxLimit()
                                + ").",
                        1,
                        limits.maxLimit()));
        prop(input, "offset", JsonSchemas.integer("Messages to skip, for the next (older) page (default 0).", 0, null));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "res_id");
        return tool(
                "read_messages",
                "Read the chatter of an Odoo record",
                "Returns the chatter of a record, newest first: author, date, type (internal note or message), "
                        + "text, and attached files (read one with read_attachment). Example, what was said on sales "
                        + "order 3: {\"model\": \"sale.order\", \"res_id\": 3, \"limit\": 10}. Use next_offset for "
                        + "older messages.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        long resId = arguments.id("res_id");
        int limit = arguments.limit(limits.defaultLimit(), limits.maxLimit());
        int offset = arguments.integer("offset", 0, 0, Integer.MAX_VALUE);
        Documents.requireChatter(catalog.metadata(session, model));
        List<Object> domain = List.of(
                List.of("model", "=", model),
                List.of("res_id", "=", resId),
                List.of("message_type", "!=", "user_notification"));
        JsonNode rows = session.execute(OrmCalls.searchRead("mail.message", domain, FIELDS, offset, limit, "id desc"));
        int total = offset == 0 && rows.size() < limit
                ? rows.size()
                : session.execute(OrmCalls.searchCount("mail.message", domain)).asInt();
        Set<Long> fileIds = new LinkedHashSet<>();
        rows.forEach(row -> row.path("attachment_ids").forEach(id -> fileIds.add(id.asLong())));
        Map<Long, AttachmentInfo> files = Attachments.describe(session, fileIds);

        List<Message> messages = new ArrayList<>();
        int used = 500;
        for (JsonNode row : rows) {
            Message message = message(row, files);
            int size = json().writeValueAsString(message).length() + 1;
            if (used + size > limits.maxResultChars() / 2 && !messages.isEmpty()) {
                break;
            }
            messages.add(message);
            used += size;
        }
        int returned = messages.size();
        boolean cut = returned < rows.size();
        return new Result(
                model,
                resId,
                total,
                offset,
                messages,
                returned,
                offset + returned < total ? offset + returned : null,
                cut
                        ? "Cut to " + returned + " messages to stay within the size budget; continue with offset "
                                + (offset + returned) + "."
                        : null);
    }

    private static Message message(JsonNode row, Map<Long, AttachmentInfo> files) {
        String body = row.path("body").isString() ? HtmlText.of(row.get("body").asString()) : "";
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY) + " [... " + (body.length() - MAX_BODY) + " more characters]";
        }
        List<AttachmentInfo> attached = new ArrayList<>();
        row.path("attachment_ids").forEach(id -> {
            AttachmentInfo info = files.get(id.asLong());
            if (info != null) {
                attached.add(info);
            }
        });
        RecordRef subtype = RecordRef.of(row.path("subtype_id"));
        return new Message(
                row.path("id").asLong(),
                row.path("date").isString()
                        ? RecordFormatter.isoDatetime(row.get("date").asString())
                        : null,
                RecordRef.of(row.path("author_id")),
                OdooValues.text(row.path("email_from")),
                row.path("message_type").asString("comment"),
                subtype == null ? null : subtype.name(),
                OdooValues.text(row.path("subject")),
                body,
                attached.isEmpty() ? null : attached);
    }
}
