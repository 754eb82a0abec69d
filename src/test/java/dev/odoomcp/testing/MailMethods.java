package dev.odoomcp.testing;

import dev.odoomcp.testing.Methods.Invocation;
import dev.odoomcp.testing.Methods.MethodDef;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mail.thread.message_post} (on models with {@code message_ids}) and
 * {@code mail.activity.action_feedback}, bound against {@link Signatures#mail} and doing what Odoo
 * does that a caller can get wrong: the checks of {@code message_post} (a single record, no
 * {@code user_notification}, no {@code model}/{@code res_id}/{@code subtype} keywords, lists of ids),
 * the subtype from its xmlid (falling back to the note), the body escaped from 17 on unless
 * {@code body_is_html}, the answer an id up to 18 and a list of ids from 19; a done activity posts
 * its message on the record and is unlinked.
 */
final class MailMethods {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MailMethods() {}

    /** The method, when {@code t} has it; null otherwise. */
    static MethodDef find(FakeDatabase db, Table t, String method) {
        Signatures.Signature sig = Signatures.mail(method, db.version());
        if (sig == null) {
            return null;
        }
        if (method.equals("message_post") && t.field("message_ids") != null && db.hasModel("mail.message")) {
            return new MethodDef(method, true, sig, "write", MailMethods::messagePost);
        }
        if (method.equals("action_feedback") && t.model().equals("mail.activity")) {
            return new MethodDef(method, true, sig, "write", MailMethods::actionFeedback);
        }
        return null;
    }

    private static Object messagePost(Invocation c) {
        OdooVersion v = c.orm().db().version();
        if (c.ids().size() != 1) {
            throw OdooFault.application(
                    "ValueError", "Expected singleton: " + c.table().model() + Py.repr(c.ids()));
        }
        Object type = c.arg("message_type");
        if ("user_notification".equals(type)) {
            throw OdooFault.application(
                    "ValueError",
                    "Posting a message should be done on a business document. Use "
                            + "message_notify to send a notification to an user.");
        }
        if (c.args().containsKey("model") || c.args().containsKey("res_id")) {
            throw OdooFault.application(
                    "ValueError",
                    "message_post does not support model and res_id parameters "
                            + "anymore. Please call message_post on record.");
        }
        if (c.args().containsKey("subtype")) {
            throw OdooFault.application(
                    "ValueError",
                    "message_post does not support subtype parameter anymore. "
                            + "Please give a valid subtype_id or subtype_xmlid value instead.");
        }
        List<Long> attachments = ids(
                c.arg("attachment_ids"),
                v.major() >= 17,
                "message_post attachment_ids must be a list of ints, not commands.");
        ids(c.arg("partner_ids"), true, "message_post partner_ids and must be integer list, not commands.");
        Long subtype = subtype(c, c.arg("subtype_xmlid"));
        if (subtype == null) {
            subtype = c.arg("subtype_id") instanceof Number n && n.longValue() > 0
                    ? n.longValue()
                    : subtype(c, "mail.mt_note");
        }
        String body = c.arg("body") instanceof String s ? s : "";
        if (v.major() >= 17 && !Boolean.TRUE.equals(c.arg("body_is_html"))) {
            body = escape(body); // 'body': escape(body): a str is text, only a Markup (or body_is_html) is HTML
        }
        long record = c.ids().get(0);
        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("model", c.table().model());
        vals.put("res_id", record);
        vals.put("body", body);
        vals.put("message_type", type);
        vals.put("subtype_id", subtype);
        vals.put("author_id", author(c));
        vals.put("subject", c.arg("subject") instanceof String s ? s : null);
        vals.put("record_name", c.orm().displayName(c.table(), record));
        vals.put("date", now());
        vals.put("attachment_ids", List.of(List.of(6L, 0L, attachments)));
        long id = c.orm().writes().create(c.orm().db().table("mail.message"), vals);
        return v.major() >= 19 ? List.of(id) : id; // @api.returns up to 18; saas-18.x/19: recordset -> ids
    }

    private static Object actionFeedback(Invocation c) {
        Table activities = c.table();
        Table messages = c.orm().db().table("mail.message");
        List<Long> attachments = ids(c.arg("attachment_ids"), true, "attachment_ids must be a list of ids");
        List<Long> posted = new ArrayList<>();
        for (long id : c.ids()) {
            if (activities.row(id) == null) {
                throw OdooFault.missing(
                        "Record does not exist or has been deleted.\n(Record: mail.activity(" + id + ",))");
            }
            String model = (String) c.orm().stored(activities, id, "res_model");
            Long resId = (Long) c.orm().stored(activities, id, "res_id");
            Long type = (Long) c.orm().stored(activities, id, "activity_type_id");
            String typeName =
                    type == null ? "Activity" : c.orm().displayName(c.orm().db().table("mail.activity.type"), type);
            Object feedback = c.arg("feedback");
            String body = "<div><p>" + escape(typeName) + " done</p>"
                    + (feedback instanceof String f && !f.isEmpty() ? "<div>Feedback: " + escape(f) + "</div>" : "")
                    + "</div>";
            Map<String, Object> vals = new LinkedHashMap<>();
            vals.put("model", model);
            vals.put("res_id", resId);
            vals.put("body", body);
            vals.put("message_type", "notification");
            vals.put("subtype_id", subtype(c, "mail.mt_activities"));
            vals.put("author_id", author(c));
            vals.put("date", now());
            vals.put("attachment_ids", List.of(List.of(6L, 0L, attachments)));
            posted.add(c.orm().writes().create(messages, vals));
            c.orm().writes().unlink(activities, List.of(id)); // 16; 17+ too unless the type is keep_done
        }
        return posted.isEmpty() ? Boolean.FALSE : posted.get(0); // messages[0].id if messages else False
    }

    /** A list of ints, or the ValueError message_post raises for anything else (17+ also checks attachment_ids). */
    private static List<Long> ids(Object value, boolean checked, String message) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Number n && !(item instanceof Double)) {
                    ids.add(n.longValue());
                } else if (checked) {
                    throw OdooFault.application("ValueError", message);
                }
            }
            return ids;
        }
        throw OdooFault.application("ValueError", message);
    }

    /** {@code ir.model.data._xmlid_to_res_id} for subtypes; null for none, ValueError for an unknown one. */
    private static Long subtype(Invocation c, Object xmlid) {
        if (!(xmlid instanceof String s) || s.isEmpty()) {
            return null;
        }
        Table subtypes = c.orm().db().table("mail.message.subtype");
        for (Map<String, Object> row : subtypes.rows().values()) {
            if (s.equals(row.get("xmlid"))) {
                return (Long) row.get("id");
            }
        }
        throw OdooFault.application("ValueError", "External ID not found in the system: " + s);
    }

    private static Long author(Invocation c) {
        Table users = c.orm().db().table("res.users");
        Object partner = users.field("partner_id") == null
                ? null
                : c.orm().stored(users, c.user().uid(), "partner_id");
        return partner instanceof Long id ? id : null;
    }

    private static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
    }

    /** markupsafe.escape. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
