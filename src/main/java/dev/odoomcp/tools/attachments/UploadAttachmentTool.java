package dev.odoomcp.tools.attachments;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Documents;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.attachments.Attachments.AttachmentInfo;
import jakarta.validation.constraints.Min;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code upload_attachment}: a file (base64) attached to a record. Access is that of the record: a
 * write on its model, refused in read-only mode; {@code ir.attachment} itself stays closed to the
 * generic write tools, and only a plain file on a record can be created here.
 */
@Component
class UploadAttachmentTool extends OdooTool<UploadAttachmentTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            @JsonProperty("res_id") @Min(1) long resId,

            @JsonPropertyDescription("the record's display name")
            String record,

            @JsonPropertyDescription("the new file") AttachmentInfo attachment,
            @JsonProperty("next_step") String nextStep) {}

    private static final Pattern MIMETYPE =
            Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,63}/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}");

    private final long cap;

    UploadAttachmentTool(OdooGateway gateway, AccessPolicy policy, AttachmentProperties attachments, JsonMapper json) {
        super(gateway, policy, json);
        this.cap = attachments.maxAttachmentBytes().toBytes();
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("account.move");
        prop(input, "res_id", JsonSchemas.integer("Id of the record to attach the file to.", 1, null));
        prop(input, "name", JsonSchemas.string("File name with its extension, e.g. 'signed-contract.pdf'."));
        prop(
                input,
                "content_base64",
                JsonSchemas.string("The file's bytes, base64-encoded (a data: URL is accepted " + "too); at most " + cap
                        + " bytes once decoded."));
        prop(
                input,
                "mimetype",
                JsonSchemas.string("Optional MIME type, e.g. 'application/pdf'; Odoo guesses it from "
                        + "the name when left out."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "res_id", "name", "content_base64");
        return tool(
                "upload_attachment",
                "Attach a file to an Odoo record",
                "Attaches a file to a record (it shows in the record's attachments and chatter). Example, a signed "
                        + "PDF on invoice 7: {\"model\": \"account.move\", \"res_id\": 7, \"name\": \"signed.pdf\", "
                        + "\"content_base64\": \"JVBERi0xLjQK...\", \"mimetype\": \"application/pdf\"}. To also tell "
                        + "the followers, pass the returned id to post_message in attachment_ids. Files larger than "
                        + cap + " bytes are refused (ODOO_MAX_ATTACHMENT_BYTES).",
                input,
                Result.class,
                Hints.writes(false, false));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        long resId = arguments.id("res_id");
        String name = fileName(arguments.requiredString("name"));
        String mimetype = arguments.optionalString("mimetype");
        if (mimetype != null && !MIMETYPE.matcher(mimetype.strip()).matches()) {
            throw new ToolInputException("Argument 'mimetype' must look like 'application/pdf' or 'image/png'; got '"
                    + ToolArguments.abbreviate(mimetype) + "'.");
        }
        String base64 = checkedBase64(arguments.requiredString("content_base64"));
        String record = Documents.displayName(session, model, resId);
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("name", name);
        vals.put("datas", base64);
        vals.put("res_model", model);
        vals.put("res_id", resId);
        if (mimetype != null) {
            vals.put("mimetype", mimetype.strip());
        }
        JsonNode created = session.execute(OrmCalls.create("ir.attachment", vals));
        long id = OdooValues.answeredId(created);
        if (id <= 0) {
            throw new ToolInputException("Odoo did not return the id of the new attachment.");
        }
        AttachmentInfo info = Attachments.describe(session, List.of(id)).get(id);
        if (info == null) {
            info = new AttachmentInfo(id, name, mimetype, base64.length() / 4L * 3, null);
        }
        return new Result(
                model,
                resId,
                record,
                info,
                "To tell the record's followers, call post_message with " + "attachment_ids [" + id + "].");
    }

    /** The base64 without white space, refused when it is not base64 or decodes to more than the cap. */
    private String checkedBase64(String given) {
        String text = given;
        int comma = text.indexOf(',');
        if (text.startsWith("data:") && comma > 0 && text.substring(0, comma).endsWith(";base64")) {
            text = text.substring(comma + 1);
        }
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                compact.append(c);
            }
        }
        long decoded = compact.length() / 4L * 3;
        if (decoded - 2 > cap) {
            throw new ToolInputException("The file is about " + decoded + " bytes, more than the " + cap + " bytes "
                    + "this server accepts (ODOO_MAX_ATTACHMENT_BYTES). Send a smaller file, or upload it in Odoo.");
        }
        if (compact.length() == 0) {
            throw new ToolInputException("Argument 'content_base64' is empty: pass the file's bytes, base64-encoded.");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(compact.toString());
            if (bytes.length > cap) {
                throw new ToolInputException("The file is " + bytes.length + " bytes, more than the " + cap + " bytes "
                        + "this server accepts (ODOO_MAX_ATTACHMENT_BYTES).");
            }
        } catch (IllegalArgumentException e) {
            throw new ToolInputException("Argument 'content_base64' is not valid base64 (" + e.getMessage()
                    + "). Encode the file's bytes with standard base64 (A-Z, a-z, 0-9, '+', '/', '=' padding).");
        }
        return compact.toString();
    }

    private static String fileName(String name) {
        String stripped = name.strip();
        if (stripped.length() > 255
                || stripped.indexOf('/') >= 0
                || stripped.indexOf('\\') >= 0
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new ToolInputException("Argument 'name' must be a file name such as 'delivery-note.jpg' (no folders, "
                    + "at most 255 characters).");
        }
        return stripped;
    }
}
