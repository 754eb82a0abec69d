package dev.odoomcp.tools.attachments;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OdooProperties;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.ToolsProperties;
import dev.odoomcp.tools.attachments.Attachments.AttachmentInfo;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code read_attachment}: the files attached to a record, or one file's metadata and, on request,
 * its content (text for text types, base64 otherwise) within {@code ODOO_MAX_ATTACHMENT_BYTES}, also
 * as an MCP embedded resource. Access is that of the record the file is attached to.
 */
@Component
class ReadAttachmentTool extends OdooTool<ReadAttachmentTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            @JsonProperty("res_id") @Nullable Long resId,

            @JsonPropertyDescription("the files, newest first")
            List<AttachmentInfo> attachments,

            @JsonPropertyDescription("the file's content, when include_content was true") @Nullable
            FileData content,

            @Nullable String note,
            @JsonIgnore McpSchema.@Nullable EmbeddedResource resource) {}

    /** A file's content in the JSON answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileData(
            @JsonProperty("attachment_id") long attachmentId,

            @JsonPropertyDescription("'text' (UTF-8 text) or 'base64'")
            String encoding,

            @JsonPropertyDescription("the content; left out when it is too large for this answer (it is then only "
                    + "in the embedded resource)")
            @Nullable
            String data,

            @JsonProperty("in_resource")
            @JsonPropertyDescription("the content is also in an embedded resource " + "block of this result")
            boolean inResource) {}

    private static final int MAX_LISTED = 50;

    private final ToolsProperties limits;
    private final long cap;

    ReadAttachmentTool(
            OdooGateway gateway,
            AccessPolicy policy,
            ToolsProperties limits,
            AttachmentProperties attachments,
            OdooProperties odoo,
            JsonMapper json) {
        super(gateway, policy, json);
        this.limits = limits;
        this.cap = Attachments.readCap(attachments, odoo);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("account.move");
        prop(input, "res_id", JsonSchemas.integer("Id of the record whose files to list.", 1, null));
        prop(
                input,
                "attachment_id",
                JsonSchemas.integer(
                        "Id of one file to read (from this list, read_messages or " + "upload_attachment).", 1, null));
        prop(
                input,
                "include_content",
                JsonSchemas.bool("Also return the file's content (default false): text for "
                        + "text, JSON, XML and CSV files, base64 for others; at most " + cap + " bytes."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model");
        return tool(
                "read_attachment",
                "Read a file attached to an Odoo record",
                "Lists the files attached to a record (give res_id), or reads one file (give attachment_id): name, "
                        + "type, size and, with include_content=true, its content (text for text types, base64 "
                        + "otherwise, also as an embedded resource). 'model' is the model of the record the file is "
                        + "attached to. Files larger than " + cap + " bytes are refused (ODOO_MAX_ATTACHMENT_BYTES). "
                        + "Example, the files of invoice 7: {\"model\": \"account.move\", \"res_id\": 7}; then one of "
                        + "them: {\"model\": \"account.move\", \"attachment_id\": 31, \"include_content\": true}. For "
                        + "the printable PDF of a document use print_document.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        Long resId = arguments.optionalId("res_id");
        Long attachmentId = arguments.optionalId("attachment_id");
        boolean withContent = arguments.flag("include_content", false);
        if (attachmentId == null) {
            if (resId == null) {
                throw new ToolInputException(
                        "Give 'res_id' to list the files of a record, or 'attachment_id' to read " + "one file.");
            }
            List<AttachmentInfo> files = new ArrayList<>();
            Attachments.rows(
                            session,
                            List.of(List.of("res_model", "=", model), List.of("res_id", "=", resId)),
                            MAX_LISTED,
                            null)
                    .forEach(row -> files.add(AttachmentInfo.of(row)));
            return new Result(
                    model,
                    resId,
                    files,
                    null,
                    files.isEmpty()
                            ? "No files are attached to " + model + " " + resId + "."
                            : withContent ? "Pass one attachment_id to get a file's content." : null,
                    null);
        }
        JsonNode rows = Attachments.rows(session, List.of(List.of("id", "=", attachmentId)), 1, null);
        JsonNode row = rows.path(0);
        if (rows.isEmpty()
                || !model.equals(row.path("res_model").asString())
                || (resId != null && row.path("res_id").asLong() != resId)) {
            throw new ToolInputException("Attachment " + attachmentId + " does not exist or is not attached to a "
                    + (resId == null ? "record of " + model : model + " " + resId) + "; list a record's files with "
                    + "read_attachment and its res_id.");
        }
        AttachmentInfo info = AttachmentInfo.of(row);
        long owner = row.path("res_id").asLong();
        if (!withContent) {
            return new Result(model, owner, List.of(info), null, null, null);
        }
        return withContent(model, owner, Attachments.content(session, row, cap));
    }

    /** The file in the JSON (when it fits the result budget) and as an embedded resource. */
    private Result withContent(String model, long resId, Attachments.FileContent file) {
        McpSchema.EmbeddedResource resource = Attachments.resource(file);
        String data =
                file.isText() ? resource.resource().text() : resource.resource().blob();
        boolean fits = data.length() + 2_000 <= limits.maxResultChars() / 2;
        return new Result(
                model,
                resId,
                List.of(file.info()),
                new FileData(file.info().id(), file.isText() ? "text" : "base64", fits ? data : null, true),
                fits
                        ? null
                        : "The content (" + file.bytes().length + " bytes) is larger than this answer's text "
                                + "budget: it is only in the embedded resource block of this result.",
                resource);
    }

    @Override
    protected List<McpSchema.Content> moreContent(Result value) {
        return value.resource() == null ? List.of() : List.of(value.resource());
    }
}
