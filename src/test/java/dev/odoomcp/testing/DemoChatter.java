package dev.odoomcp.testing;

import static dev.odoomcp.testing.FakeOdooDatasets.rec;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail side of the demo company: chatter messages and their subtypes, activities and their
 * types, attachments, PDF reports and invoices, on the models that inherit {@code mail.thread} and
 * {@code mail.activity.mixin} in Odoo (purchase and sales orders, contacts, invoices). Field
 * definitions follow Odoo 16-19 ({@code docs/odoo-signatures.md}, chatter section): a
 * {@code mail.activity} needs {@code res_model_id} (its {@code res_model} is a stored related field),
 * its {@code state} is computed and cannot be searched; {@code account.move.invoice_pdf_report_id}
 * exists from 17.
 */
final class DemoChatter {

    static final String QUOTE_PDF = "%PDF-1.4 quotation P00002";
    static final String DELIVERY_NOTE = "Delivered 25 chairs\nSigned: J. Doe";
    static final String INVOICE_PDF = "%PDF-1.7 INV/2026/0001";

    private DemoChatter() {}

    static void define(DatabaseSpec spec, int major) {
        spec.model(
                "mail.message.subtype",
                "Message subtypes",
                m -> m.field(FieldSpec.of("name", "char").asRequired())
                        .field(FieldSpec.of("xmlid", "char").string("External ID (fake: ir.model.data)"))
                        .field(FieldSpec.of("internal", "boolean").string("Internal Only"))
                        .record(rec("id", 1, "name", "Discussions", "xmlid", "mail.mt_comment", "internal", false))
                        .record(rec("id", 2, "name", "Note", "xmlid", "mail.mt_note", "internal", true))
                        .record(rec("id", 3, "name", "Activities", "xmlid", "mail.mt_activities", "internal", false)));
        attachments(spec);
        messages(spec);
        activities(spec, major);
        for (String model : List.of("purchase.order", "sale.order", "res.partner")) {
            spec.model(model, m -> thread(m));
        }
        spec.model("account.move", "Journal Entry", m -> {
            thread(m.field(FieldSpec.of("name", "char").string("Number"))
                    .selection("state", "draft", "Draft", "posted", "Posted", "cancel", "Cancelled")
                    .field("partner_id", "many2one", "res.partner")
                    .selection("move_type", "entry", "Journal Entry", "out_invoice", "Customer Invoice"));
            if (major >= 17) {
                m.field(FieldSpec.of("invoice_pdf_report_id", "many2one")
                        .relation("ir.attachment")
                        .string("PDF Attachment"));
            }
            m.record(
                    major >= 17
                            ? rec(
                                    "id",
                                    7,
                                    "name",
                                    "INV/2026/0001",
                                    "state",
                                    "posted",
                                    "partner_id",
                                    9,
                                    "move_type",
                                    "out_invoice",
                                    "invoice_pdf_report_id",
                                    40)
                            : rec(
                                    "id",
                                    7,
                                    "name",
                                    "INV/2026/0001",
                                    "state",
                                    "posted",
                                    "partner_id",
                                    9,
                                    "move_type",
                                    "out_invoice"));
            m.record(rec(
                    "id", 8, "name", "INV/2026/0002", "state", "posted", "partner_id", 10, "move_type", "out_invoice"));
        });
        spec.model(
                "ir.actions.report",
                "Report Action",
                m -> m.field(FieldSpec.of("name", "char").asRequired())
                        .field(FieldSpec.of("model", "char").asRequired())
                        .field(FieldSpec.of("report_name", "char").asRequired())
                        .selection("report_type", "qweb-html", "HTML", "qweb-pdf", "PDF", "qweb-text", "Text")
                        .field(FieldSpec.of("attachment", "char").string("Save as Attachment Prefix"))
                        .field(FieldSpec.of("attachment_use", "boolean").string("Reload from Attachment"))
                        .record(rec(
                                "id",
                                1,
                                "name",
                                "Purchase Order",
                                "model",
                                "purchase.order",
                                "report_name",
                                "purchase.report_purchaseorder",
                                "report_type",
                                "qweb-pdf"))
                        .record(rec(
                                "id",
                                2,
                                "name",
                                "Request for Quotation",
                                "model",
                                "purchase.order",
                                "report_name",
                                "purchase.report_purchasequotation",
                                "report_type",
                                "qweb-pdf"))
                        // 16.0 saves the posted invoice's PDF as an attachment; 17+ keeps it in invoice_pdf_report_id
                        .record(
                                major >= 17
                                        ? rec(
                                                "id",
                                                3,
                                                "name",
                                                "Invoice PDF",
                                                "model",
                                                "account.move",
                                                "report_name",
                                                "account.report_invoice",
                                                "report_type",
                                                "qweb-pdf")
                                        : rec(
                                                "id",
                                                3,
                                                "name",
                                                "Invoices",
                                                "model",
                                                "account.move",
                                                "report_name",
                                                "account.report_invoice",
                                                "report_type",
                                                "qweb-pdf",
                                                "attachment",
                                                "(object.state == 'posted') and ((object.name or 'INV').replace('/','_')+'.pdf')",
                                                "attachment_use",
                                                true))
                        .record(rec(
                                "id",
                                4,
                                "name",
                                "Quotation / Order",
                                "model",
                                "sale.order",
                                "report_name",
                                "sale.report_saleorder",
                                "report_type",
                                "qweb-pdf")));
    }

    private static ModelSpec thread(ModelSpec m) {
        return m.one2many("message_ids", "mail.message", "res_id").one2many("activity_ids", "mail.activity", "res_id");
    }

    private static void attachments(DatabaseSpec spec) {
        spec.model(
                "ir.attachment",
                "Attachment",
                m -> m.order("id desc")
                        .field(FieldSpec.of("name", "char").string("Name").asRequired())
                        .field(FieldSpec.of("datas", "binary").string("File Content (base64)"))
                        .field(FieldSpec.of("res_model", "char").string("Resource Model"))
                        .field(FieldSpec.of("res_id", "integer").string("Resource ID"))
                        .field(FieldSpec.of("mimetype", "char").string("Mime Type"))
                        .field(FieldSpec.of("file_size", "integer")
                                .string("File Size")
                                .asReadonly())
                        .selection("type", "url", "URL", "binary", "File")
                        .field(FieldSpec.of("url", "char"))
                        .beforeCreate((self, vals) -> {
                            vals.putIfAbsent("type", "binary");
                            if (vals.get("datas") instanceof String datas && !vals.containsKey("file_size")) {
                                // _compute_datas / _inverse_datas: base64.b64decode, lenient like Python's
                                vals.put("file_size", (long)
                                        Base64.getMimeDecoder().decode(datas).length);
                            }
                            if (!(vals.get("mimetype") instanceof String) && vals.get("name") instanceof String name) {
                                vals.put("mimetype", guess(name)); // _compute_mimetype: from the name
                            }
                        })
                        .record(rec(
                                "id",
                                30,
                                "name",
                                "quote-oak.pdf",
                                "datas",
                                b64(QUOTE_PDF),
                                "res_model",
                                "purchase.order",
                                "res_id",
                                2,
                                "mimetype",
                                "application/pdf",
                                "create_date",
                                "2026-11-21 09:00:00"))
                        .record(rec(
                                "id",
                                31,
                                "name",
                                "delivery-note.txt",
                                "datas",
                                b64(DELIVERY_NOTE),
                                "res_model",
                                "purchase.order",
                                "res_id",
                                2,
                                "mimetype",
                                "text/plain",
                                "create_date",
                                "2026-11-22 08:00:00"))
                        .record(rec(
                                "id",
                                40,
                                "name",
                                "INV_2026_0001.pdf",
                                "datas",
                                b64(INVOICE_PDF),
                                "res_model",
                                "account.move",
                                "res_id",
                                7,
                                "mimetype",
                                "application/pdf"))
                        // its file_size says 50 MB: a bridge that reads it before checking the size is caught by the
                        // log
                        .record(rec(
                                "id",
                                41,
                                "name",
                                "huge-scan.pdf",
                                "datas",
                                b64("%PDF-1.4 scan"),
                                "res_model",
                                "purchase.order",
                                "res_id",
                                2,
                                "mimetype",
                                "application/pdf",
                                "file_size",
                                50_000_000))
                        .record(rec(
                                "id",
                                42,
                                "name",
                                "secret.txt",
                                "datas",
                                b64("key"),
                                "res_model",
                                "ir.config_parameter",
                                "res_id",
                                1,
                                "mimetype",
                                "text/plain")));
    }

    private static void messages(DatabaseSpec spec) {
        spec.model(
                "mail.message",
                "Message",
                m -> m.order("id desc")
                        .field(FieldSpec.of("body", "html").string("Contents"))
                        .field(FieldSpec.of("model", "char").string("Related Document Model"))
                        .field(FieldSpec.of("res_id", "integer").string("Related Document ID"))
                        .field(FieldSpec.of("record_name", "char").string("Message Record Name"))
                        .selection(
                                "message_type",
                                "email",
                                "Email",
                                "comment",
                                "Comment",
                                "notification",
                                "System notification",
                                "auto_comment",
                                "Automated Targeted Notification",
                                "user_notification",
                                "User Specific Notification")
                        .field(FieldSpec.of("subtype_id", "many2one")
                                .relation("mail.message.subtype")
                                .string("Subtype"))
                        .field(FieldSpec.of("author_id", "many2one")
                                .relation("res.partner")
                                .string("Author"))
                        .field(FieldSpec.of("email_from", "char").string("From"))
                        .field(FieldSpec.of("subject", "char").string("Subject"))
                        .field(FieldSpec.of("date", "datetime").string("Date"))
                        .field(FieldSpec.of("attachment_ids", "many2many")
                                .relation("ir.attachment")
                                .string("Attachments"))
                        .record(rec(
                                "id",
                                100,
                                "model",
                                "purchase.order",
                                "res_id",
                                2,
                                "message_type",
                                "notification",
                                "body",
                                "<p>RFQ created</p>",
                                "author_id",
                                3,
                                "date",
                                "2026-11-20 10:30:00"))
                        .record(rec(
                                "id",
                                101,
                                "model",
                                "purchase.order",
                                "res_id",
                                2,
                                "message_type",
                                "email",
                                "subtype_id",
                                1,
                                "author_id",
                                14,
                                "email_from",
                                "\"Wood Corner\" <wood@example.com>",
                                "subject",
                                "Quote",
                                "body",
                                "<p>Here is our <b>quote</b>&nbsp;for 25 chairs &amp; tables.</p>",
                                "date",
                                "2026-11-21 09:00:00",
                                "attachment_ids",
                                List.of(List.of(6, 0, List.of(30)))))
                        .record(rec(
                                "id",
                                102,
                                "model",
                                "purchase.order",
                                "res_id",
                                2,
                                "message_type",
                                "comment",
                                "subtype_id",
                                2,
                                "author_id",
                                3,
                                "date",
                                "2026-11-22 08:00:00",
                                "body",
                                "<p>Check the price with <a href=\"https://example.com\">Bob</a>:</p><ul><li>chairs</li>"
                                        + "<li>tables</li></ul><script>alert(1)</script>",
                                "attachment_ids",
                                List.of(List.of(6, 0, List.of(31)))))
                        .record(rec(
                                "id",
                                103,
                                "model",
                                "purchase.order",
                                "res_id",
                                2,
                                "message_type",
                                "user_notification",
                                "body",
                                "<p>You have been assigned</p>",
                                "date",
                                "2026-11-23 08:00:00")));
    }

    private static void activities(DatabaseSpec spec, int major) {
        spec.model("mail.activity.type", "Activity Type", m -> {
            m.field(FieldSpec.of("name", "char").asRequired())
                    .field(FieldSpec.of("res_model", "char").string("Model"))
                    .field(FieldSpec.of("summary", "char").string("Default Summary"))
                    .record(rec("id", 1, "name", "Email"))
                    .record(rec("id", 2, "name", "Call"))
                    .record(rec("id", 3, "name", "Meeting"))
                    .record(rec("id", 4, "name", "To-Do"))
                    .record(rec("id", 6, "name", "Order Upsell", "res_model", "sale.order"));
            if (major >= 17) {
                m.field(FieldSpec.of("keep_done", "boolean").string("Keep Done"));
            }
        });
        spec.model(
                "mail.activity",
                "Activity",
                m -> m.order("date_deadline asc, id asc")
                        .field(FieldSpec.of("res_model_id", "many2one")
                                .relation("ir.model")
                                .string("Document Model"))
                        .field(FieldSpec.of("res_model", "char")
                                .string("Related Document Model")
                                .asReadonly())
                        .field(FieldSpec.of("res_id", "integer")
                                .string("Related Document ID")
                                .asRequired())
                        .field(FieldSpec.of("activity_type_id", "many2one")
                                .relation("mail.activity.type")
                                .string("Activity Type"))
                        .field(FieldSpec.of("summary", "char").string("Summary"))
                        .field(FieldSpec.of("note", "html").string("Note"))
                        .field(FieldSpec.of("date_deadline", "date")
                                .string("Due Date")
                                .asRequired()
                                .defaultValue((java.util.function.Supplier<Object>)
                                        () -> LocalDate.now(ZoneOffset.UTC).toString()))
                        .field(FieldSpec.of("user_id", "many2one")
                                .relation("res.users")
                                .string("Assigned to"))
                        .compute(
                                FieldSpec.of("res_name", "char")
                                        .string("Document Name")
                                        .computed(),
                                DemoChatter::documentName)
                        .compute(
                                FieldSpec.of("state", "selection")
                                        .selection("overdue", "Overdue", "today", "Today", "planned", "Planned")
                                        .string("State")
                                        .computed(),
                                DemoChatter::state)
                        .beforeCreate(DemoChatter::checkActivity)
                        .record(rec(
                                "id",
                                1,
                                "res_model",
                                "res.partner",
                                "res_id",
                                14,
                                "activity_type_id",
                                2,
                                "user_id",
                                2,
                                "date_deadline",
                                "2026-01-05",
                                "summary",
                                "Call about the late delivery"))
                        .record(rec(
                                "id",
                                2,
                                "res_model",
                                "purchase.order",
                                "res_id",
                                2,
                                "activity_type_id",
                                4,
                                "user_id",
                                2,
                                "date_deadline",
                                "2099-01-01",
                                "summary",
                                "Check the quote",
                                "note",
                                "<p>Compare with <b>last " + "year</b></p>"))
                        .record(rec(
                                "id",
                                3,
                                "res_model",
                                "res.partner",
                                "res_id",
                                9,
                                "activity_type_id",
                                4,
                                "user_id",
                                6,
                                "date_deadline",
                                "2026-01-01",
                                "summary",
                                "Marc's overdue to-do"))
                        .record(rec(
                                "id",
                                4,
                                "res_model",
                                "ir.config_parameter",
                                "res_id",
                                1,
                                "activity_type_id",
                                4,
                                "user_id",
                                2,
                                "date_deadline",
                                "2026-01-02",
                                "summary",
                                "On a denied model")));
    }

    /**
     * What Odoo requires of a new activity: {@code res_model_id} (required; {@code res_model} is
     * related to it and derived here), a non-zero {@code res_id} (SQL check), an existing document.
     * Seeding runs before {@code ir.model} is filled and gives {@code res_model} itself.
     */
    private static void checkActivity(FakeRecords self, Map<String, Object> vals) {
        FakeRecords models = self.browse("ir.model", List.of());
        if (models.search(List.of()).isEmpty()) {
            return;
        }
        if (!(vals.get("res_model_id") instanceof Number modelId)) {
            throw OdooFault.validation("The operation cannot be completed: Missing required value for the field "
                    + "'Document Model' (res_model_id)");
        }
        String model =
                (String) self.browse("ir.model", List.of(modelId.longValue())).get("model");
        vals.put("res_model", model);
        if (!(vals.get("res_id") instanceof Number resId) || resId.longValue() == 0) {
            throw OdooFault.validation("The operation cannot be completed: Activities have to be linked to records "
                    + "with a not null res_id.");
        }
        if (self.browse(model, List.of())
                .search(List.of(List.of("id", "=", resId.longValue())))
                .isEmpty()) {
            throw OdooFault.missing(
                    "Record does not exist or has been deleted.\n(Record: " + model + "(" + resId.longValue() + ",))");
        }
    }

    private static Object documentName(FakeRecords activity) {
        Object model = activity.get("res_model");
        Object id = activity.get("res_id");
        if (!(model instanceof String m) || !(id instanceof Long resId)) {
            return false;
        }
        List<Map<String, Object>> rows = activity.browse(m, List.of(resId)).read("display_name");
        return rows.isEmpty() ? false : rows.get(0).get("display_name");
    }

    /** _compute_state_from_date, in UTC (the fake's users have no time zone of their own here). */
    private static Object state(FakeRecords activity) {
        Object due = activity.get("date_deadline");
        if (!(due instanceof String date)) {
            return false;
        }
        int diff = LocalDate.parse(date).compareTo(LocalDate.now(ZoneOffset.UTC));
        return diff < 0 ? "overdue" : diff == 0 ? "today" : "planned";
    }

    private static String guess(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        return "application/octet-stream";
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
