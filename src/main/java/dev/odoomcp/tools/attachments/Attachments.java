package dev.odoomcp.tools.attachments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.RecordFormatter;
import dev.odoomcp.tools.ToolInputException;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code ir.attachment} as the tools see it: metadata of files by id or by record, a check that
 * files belong to a record, and a file's content read within the operator's size cap (checked on
 * {@code file_size} before the content is asked for, so an oversized file is never downloaded).
 * Access to a file is decided on the record it is attached to, never on {@code ir.attachment} itself.
 */
public final class Attachments {

    /** The metadata read for every file. */
    static final List<String> FIELDS =
            List.of("name", "mimetype", "file_size", "res_model", "res_id", "create_date", "type");

    private Attachments() {}

    /** One file, as listed by the tools. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttachmentInfo(
            long id,
            String name,
            @Nullable String mimetype,

            @JsonPropertyDescription("size in bytes") @PositiveOrZero
            long size,

            @JsonPropertyDescription("when it was attached, ISO-8601 UTC") @Nullable
            String created) {

        static AttachmentInfo of(JsonNode row) {
            String created = row.path("create_date").isString()
                    ? RecordFormatter.isoDatetime(row.get("create_date").asString())
                    : null;
            return new AttachmentInfo(
                    row.path("id").asLong(),
                    row.path("name").asString(""),
                    row.path("mimetype").isString() ? row.get("mimetype").asString() : null,
                    Math.max(0, row.path("file_size").asLong(0)),
                    created);
        }
    }

    /** A file's bytes and type. */
    record FileContent(AttachmentInfo info, byte[] bytes) {

        boolean isText() {
            return textType(info.mimetype());
        }
    }

    /**
     * The largest file that can be read: the operator's cap, and no more than what fits, base64-encoded,
     * in one Odoo answer ({@code ODOO_MAX_RESPONSE_SIZE}).
     */
    static long readCap(AttachmentProperties attachments, dev.odoomcp.odoo.OdooProperties odoo) {
        return Math.min(
                attachments.maxAttachmentBytes().toBytes(),
                odoo.maxResponseSize().toBytes() / 4 * 3 - 1024);
    }

    /** The metadata of the files {@code ids}, by id; files that vanished or are hidden are missing. */
    public static Map<Long, AttachmentInfo> describe(OdooSession session, Collection<Long> ids) {
        Map<Long, AttachmentInfo> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        rows(session, List.of(List.of("id", "in", ints(ids))), ids.size(), null)
                .forEach(row -> found.put(row.path("id").asLong(), AttachmentInfo.of(row)));
        return found;
    }

    /** Refuses files that do not exist or are not attached to record {@code model} {@code resId}. */
    public static void requireOn(OdooSession session, List<Long> ids, String model, long resId) {
        if (ids.isEmpty()) {
            return;
        }
        JsonNode rows = rows(session, List.of(List.of("id", "in", ints(ids))), ids.size(), null);
        List<Long> wrong = new ArrayList<>(ids);
        rows.forEach(row -> {
            if (model.equals(row.path("res_model").asString())
                    && row.path("res_id").asLong() == resId) {
                wrong.remove(Long.valueOf(row.path("id").asLong()));
            }
        });
        if (!wrong.isEmpty()) {
            throw new ToolInputException("Attachment(s) " + wrong + " do not exist or are not attached to " + model
                    + " " + resId + ". Upload the file to that record with upload_attachment first, then pass the "
                    + "id it returns.");
        }
    }

    /** Metadata rows of the files matching {@code domain}, newest first. */
    static JsonNode rows(OdooSession session, List<?> domain, int limit, @Nullable Integer offset) {
        return session.execute(OrmCalls.searchRead("ir.attachment", domain, FIELDS, offset, limit, "id desc"));
    }

    /**
     * The content of the file described by {@code row}, when it is not larger than {@code cap}
     * bytes: refused on its {@code file_size} first, then checked again on what arrives.
     */
    static FileContent content(OdooSession session, JsonNode row, long cap) {
        AttachmentInfo info = AttachmentInfo.of(row);
        if ("url".equals(row.path("type").asString())) {
            throw new ToolInputException("Attachment " + info.id() + " ('" + info.name() + "') is a link, not a file; "
                    + "it has no content to read.");
        }
        if (info.size() > cap) {
            throw tooLarge(info, cap);
        }
        JsonNode datas = session.execute(OrmCalls.read("ir.attachment", List.of(info.id()), List.of("datas")))
                .path(0)
                .path("datas");
        if (!datas.isString()) {
            return new FileContent(info, new byte[0]);
        }
        String encoded = datas.asString();
        if ((long) encoded.length() * 3 / 4 > cap + 2) {
            throw tooLarge(info, cap);
        }
        try {
            return new FileContent(info, Base64.getMimeDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new ToolInputException("Odoo sent the content of attachment " + info.id() + " in a form that is not "
                    + "base64; it cannot be read through this bridge.");
        }
    }

    /** The file as an MCP embedded resource: text for text types, base64 {@code blob} otherwise. */
    static McpSchema.EmbeddedResource resource(FileContent file) {
        String uri = "odoo://ir.attachment/" + file.info().id();
        String mimetype = file.info().mimetype() == null
                ? "application/octet-stream"
                : file.info().mimetype();
        return new McpSchema.EmbeddedResource(
                file.isText()
                        ? new McpSchema.ResourceContents(
                                uri, mimetype, new String(file.bytes(), StandardCharsets.UTF_8), null)
                        : new McpSchema.ResourceContents(
                                uri, mimetype, null, Base64.getEncoder().encodeToString(file.bytes())));
    }

    /** Text types are answered as text: {@code text/*}, JSON, XML, CSV and their {@code +json}/{@code +xml} kin. */
    static boolean textType(@Nullable String mimetype) {
        if (mimetype == null) {
            return false;
        }
        String type = mimetype.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.equals("application/xml")
                || type.endsWith("+json")
                || type.endsWith("+xml")
                || type.equals("application/csv")
                || type.equals("application/javascript");
    }

    private static ToolInputException tooLarge(AttachmentInfo info, long cap) {
        return new ToolInputException("Attachment " + info.id() + " ('" + info.name() + "') is " + info.size()
                + " bytes, more than the " + cap + " bytes this server passes on (ODOO_MAX_ATTACHMENT_BYTES). Open it "
                + "in Odoo instead, or ask the administrator to raise the limit.");
    }

    private static List<Integer> ints(Collection<Long> ids) {
        return ids.stream().map(Long::intValue).toList();
    }
}
