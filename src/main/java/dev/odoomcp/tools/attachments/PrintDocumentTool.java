package dev.odoomcp.tools.attachments;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OdooProperties;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.ModelMetadata;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.RecordRef;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.ToolsProperties;
import dev.odoomcp.tools.attachments.Attachments.AttachmentInfo;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code print_document}: the printable PDF of a record. No Odoo from 16 to 19 renders a report for
 * an API-key caller (the renderer {@code _render_qweb_pdf} is private, the {@code /report/...}
 * routes need a browser session, see {@code docs/odoo-signatures.md}), so this returns the PDF Odoo
 * already stored: the invoice's {@code invoice_pdf_report_id} (17+), the attachment a report saved
 * when it was printed or sent, or the newest PDF attached to the record; otherwise it says to print
 * or send the document once in Odoo.
 */
@Component
class PrintDocumentTool extends OdooTool<PrintDocumentTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            @JsonProperty("res_id") @Min(1) long resId,

            @JsonPropertyDescription("the record's display name")
            String record,

            @JsonPropertyDescription("whether a stored PDF was found")
            boolean found,

            @JsonPropertyDescription(
                    "where the PDF comes from: invoice_pdf_report_id, report_attachment or " + "record_attachment")
            @Nullable
            String source,

            @Nullable AttachmentInfo attachment,

            @JsonPropertyDescription("the PDF as base64, when include_content is true and it fits this answer; it is "
                    + "also in an embedded resource block")
            @Nullable
            String base64,

            @JsonPropertyDescription("the PDF reports Odoo has for this model (print one in Odoo to store it)")
            List<RecordRef> reports,

            String note,
            @JsonIgnore McpSchema.@Nullable EmbeddedResource resource) {}

    private static final String NO_RENDERING = "Odoo (16 to 19) does not render report PDFs for API-key "
            + "connections: its renderer is private and its /report pages need a browser session.";

    private final ModelCatalog catalog;
    private final ToolsProperties limits;
    private final long cap;

    PrintDocumentTool(
            OdooGateway gateway,
            AccessPolicy policy,
            ModelCatalog catalog,
            ToolsProperties limits,
            AttachmentProperties attachments,
            OdooProperties odoo,
            JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
        this.limits = limits;
        this.cap = Attachments.readCap(attachments, odoo);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("account.move");
        prop(
                input,
                "res_id",
                JsonSchemas.integer(
                        "Id of the record (find it with name_search, e.g. the invoice " + "number).", 1, null));
        prop(
                input,
                "include_content",
                JsonSchemas.bool("Return the PDF itself (default true); false for its " + "metadata only."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "res_id");
        return tool(
                "print_document",
                "Get the PDF of an Odoo document",
                "Returns the printable PDF of a record (invoice, quotation, purchase order, delivery slip) as Odoo "
                        + "stored it when it was printed or sent: the invoice PDF, the report's saved attachment, or "
                        + "the newest PDF attached to the record; as base64 and as an embedded resource. Odoo does "
                        + "not render new PDFs for API connections: when none is stored, the answer says to print or "
                        + "send the document once in Odoo. Example, invoice INV/2026/0001 (id 7 from name_search): "
                        + "{\"model\": \"account.move\", \"res_id\": 7}.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        long resId = arguments.id("res_id");
        boolean withContent = arguments.flag("include_content", true);
        ModelMetadata metadata = catalog.metadata(session, model);
        boolean invoicePdf = metadata.has("invoice_pdf_report_id");
        JsonNode rows = session.execute(OrmCalls.searchRead(
                model,
                List.of(List.of("id", "=", resId)),
                invoicePdf ? List.of("display_name", "invoice_pdf_report_id") : List.of("display_name"),
                null,
                1,
                null));
        if (rows.isEmpty()) {
            throw new ToolInputException("Record " + model + " " + resId + " does not exist or is not visible to this "
                    + "user; find its id with name_search.");
        }
        String name = rows.get(0).path("display_name").asString(model + "," + resId);
        List<RecordRef> reports = new ArrayList<>();
        List<String> reportFiles = new ArrayList<>();
        session.execute(OrmCalls.searchRead(
                        "ir.actions.report",
                        List.of(List.of("model", "=", model), List.of("report_type", "=", "qweb-pdf")),
                        List.of("name", "report_name", "attachment"),
                        null,
                        20,
                        null))
                .forEach(report -> {
                    reports.add(new RecordRef(
                            report.path("id").asLong(), report.path("name").asString("")));
                    if (report.path("attachment").isString()
                            && !report.get("attachment").asString().isBlank()) {
                        reportFiles.add(report.path("report_name").asString(""));
                    }
                });

        StoredPdf stored = storedPdf(
                session,
                model,
                resId,
                name,
                invoicePdf ? RecordRef.of(rows.get(0).path("invoice_pdf_report_id")) : null,
                !reportFiles.isEmpty());
        if (stored == null) {
            return new Result(
                    model,
                    resId,
                    name,
                    false,
                    null,
                    null,
                    null,
                    reports,
                    NO_RENDERING + " No PDF of '" + name
                            + "' is stored yet: ask the user to print or send it once from Odoo ("
                            + (reports.isEmpty()
                                    ? "the Print menu"
                                    : "Print > " + reports.get(0).name()) + "), then ask again.",
                    null);
        }
        String source = stored.source();
        AttachmentInfo info = Attachments.AttachmentInfo.of(stored.row());
        if (!withContent) {
            return new Result(
                    model,
                    resId,
                    name,
                    true,
                    source,
                    info,
                    null,
                    reports,
                    "Stored PDF found; ask again with " + "include_content true to get it.",
                    null);
        }
        Attachments.FileContent file = Attachments.content(session, stored.row(), cap);
        McpSchema.EmbeddedResource resource = Attachments.resource(file);
        String blob = resource.resource().blob();
        boolean fits = blob != null && blob.length() + 2_000 <= limits.maxResultChars() / 2;
        return new Result(
                model,
                resId,
                name,
                true,
                source,
                info,
                fits ? blob : null,
                reports,
                "This is the PDF Odoo stored "
                        + ("invoice_pdf_report_id".equals(source)
                                ? "as the invoice's PDF"
                                : "when the document was printed or sent")
                        + "; it does not show changes made since. "
                        + (fits
                                ? ""
                                : "It is too large for this answer's text: it is only in the embedded resource "
                                        + "block."),
                resource);
    }

    /** A PDF Odoo stored for a record, and where it was found. */
    private record StoredPdf(JsonNode row, String source) {}

    /**
     * The stored PDF of the record: the invoice's official PDF when it has one, else the attached PDF
     * named after the record (what a report with an {@code attachment} expression saves), else the
     * newest attached PDF; null when there is none.
     */
    private static @Nullable StoredPdf storedPdf(
            OdooSession session,
            String model,
            long resId,
            String name,
            @Nullable RecordRef official,
            boolean reportSavesFiles) {
        if (official != null) {
            JsonNode row = Attachments.rows(session, List.of(List.of("id", "=", official.id())), 1, null)
                    .path(0);
            if (!row.isMissingNode()) {
                return new StoredPdf(row, "invoice_pdf_report_id");
            }
        }
        JsonNode pdfs = Attachments.rows(
                session,
                List.of(
                        List.of("res_model", "=", model),
                        List.of("res_id", "=", resId),
                        List.of("mimetype", "=", "application/pdf")),
                20,
                null);
        JsonNode byName = named(pdfs, name);
        if (byName != null) {
            return new StoredPdf(byName, reportSavesFiles ? "report_attachment" : "record_attachment");
        }
        return pdfs.isEmpty() ? null : new StoredPdf(pdfs.get(0), "record_attachment");
    }

    /** The PDF whose name carries the record's name (as report attachments do: INV_2026_0001.pdf), or null. */
    private static @Nullable JsonNode named(JsonNode pdfs, String recordName) {
        String wanted = recordName.replace('/', '_').toLowerCase(Locale.ROOT);
        for (JsonNode pdf : pdfs) {
            String file = pdf.path("name").asString("").toLowerCase(Locale.ROOT);
            if (!wanted.isBlank() && (file.contains(wanted) || file.contains(recordName.toLowerCase(Locale.ROOT)))) {
                return pdf;
            }
        }
        return null;
    }

    @Override
    protected List<McpSchema.Content> moreContent(Result value) {
        return value.resource() == null ? List.of() : List.of(value.resource());
    }
}
