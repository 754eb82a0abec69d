package dev.odoomcp.testing;

import static dev.odoomcp.testing.Methods.REQUIRED;

import java.util.List;

/**
 * The Python signatures of the ORM methods the bridge calls, per Odoo version, and the overrides
 * of them that Odoo's own modules declare with other parameter names, as read in Odoo's source.
 * {@code docs/odoo-signatures.md} lists every entry with the file and commit it was taken from.
 * The fake binds arguments against these the way Python does, so a call real Odoo refuses (an
 * unknown keyword, a missing argument) is refused here too, with Odoo's words.
 */
final class Signatures {

    /**
     * One parameter after {@code self}.
     *
     * @param name Python name, what a keyword argument must be called
     * @param key the name the fake's method bodies read the value by (the base ORM's name), so an
     *     override that renames a parameter still reaches the same body
     * @param defaultValue the Python default, or {@link Methods#REQUIRED}
     */
    record Param(String name, String key, Object defaultValue) {}

    /**
     * @param qualname class and method as Python names them in a TypeError, e.g. {@code BaseModel.write}
     * @param params parameters after {@code self}, in declaration order
     * @param extraKeywords the signature that {@code **kwargs} are handed to (search_read passes
     *     them to read), or null when the method takes no {@code **kwargs}
     */
    record Signature(
            String qualname, List<Param> params, Signature extraKeywords, boolean keywordOnly, boolean varKeywords) {

        Signature(String qualname, List<Param> params, Signature extraKeywords) {
            this(qualname, params, extraKeywords, false, false);
        }
    }

    /** An override in an Odoo module, for the versions {@code fromMajor..toMajor}. */
    private record Override(String model, String method, int fromMajor, int toMajor, Signature signature) {}

    private static final Signature READ = base("read", p("fields", null), p("load", "_classic_read"));

    private static final List<Override> OVERRIDES = List.of(
            // hr_timesheet, models/hr_timesheet.py (16.0, 17.0, 18.0): def write(self, values)
            new Override(
                    "account.analytic.line",
                    "write",
                    16,
                    18,
                    sig("AccountAnalyticLine.write", new Param("values", "vals", REQUIRED))),
            // hr_timesheet, models/account_analytic_line.py (19): def write(self, vals)
            new Override(
                    "account.analytic.line", "write", 19, 99, sig("AccountAnalyticLine.write", p("vals", REQUIRED))),
            // hr_timesheet (16.0 to 19): @api.model_create_multi def create(self, vals_list)
            new Override(
                    "account.analytic.line",
                    "create",
                    16,
                    99,
                    sig("AccountAnalyticLine.create", p("vals_list", REQUIRED))));

    private Signatures() {}

    /**
     * The methods of {@code mail.thread} and {@code mail.activity} the tools call, on {@code v}; null for
     * other methods. {@code message_post} takes keyword arguments only (its parameters follow a bare
     * {@code *}) and {@code **kwargs}: in 16 the extra keywords that are {@code mail.message} fields
     * become message values and the rest go to the notification methods, so {@code body_is_html}
     * (17+) is silently ignored on 16.
     */
    static Signature mail(String method, OdooVersion v) {
        return switch (method) {
            // mail/models/mail_thread.py, 16.0 (AddisonReyes-SEMS/odoo16@ee8e2301): def message_post(self, *, body='',
            // subject=None, message_type='notification', email_from=None, author_id=None, parent_id=False,
            // subtype_xmlid=None, subtype_id=False, partner_ids=None, attachments=None, attachment_ids=None, **kwargs)
            // 17.0 (DHoper/odoo17@ca64a33f), 18.0 (Coolyce/neudibel_4levels_odoo_18ent@9c226f8e): + body_is_html=False
            // 19 (odoo/odoo@000027a0): + incoming_email_to=False, incoming_email_cc=False (+ outgoing_email_to=False)
            case "message_post" -> {
                List<Param> params = new java.util.ArrayList<>(List.of(
                        p("body", ""),
                        p("subject", null),
                        p("message_type", "notification"),
                        p("email_from", null),
                        p("author_id", null),
                        p("parent_id", false),
                        p("subtype_xmlid", null),
                        p("subtype_id", false),
                        p("partner_ids", null)));
                if (v.major() >= 19) {
                    params.addAll(List.of(
                            p("incoming_email_to", false),
                            p("incoming_email_cc", false),
                            p("outgoing_email_to", false)));
                }
                params.addAll(List.of(p("attachments", null), p("attachment_ids", null)));
                if (v.major() >= 17) {
                    params.add(p("body_is_html", false));
                }
                yield new Signature("MailThread.message_post", List.copyOf(params), null, true, true);
            }
            // mail/models/mail_activity.py, 16.0 to 19: def action_feedback(self, feedback=False, attachment_ids=None)
            case "action_feedback" ->
                sig("MailActivity.action_feedback", p("feedback", false), p("attachment_ids", null));
            default -> null;
        };
    }

    /** The signature {@code model.method} has on {@code v}, or null when that version has no such method. */
    static Signature find(String model, String method, OdooVersion v) {
        for (Override o : OVERRIDES) {
            if (o.model().equals(model)
                    && o.method().equals(method)
                    && v.major() >= o.fromMajor()
                    && v.major() <= o.toMajor()) {
                return o.signature();
            }
        }
        return base(method, model, v);
    }

    private static Signature base(String method, String model, OdooVersion v) {
        return switch (method) {
            case "search_read" ->
                new Signature(
                        "BaseModel.search_read",
                        List.of(
                                p("domain", null),
                                p("fields", null),
                                p("offset", 0L),
                                p("limit", null),
                                p("order", null)),
                        READ);
            case "search" ->
                v.major() <= 16
                        ? base(
                                method,
                                p("domain", REQUIRED),
                                p("offset", 0L),
                                p("limit", null),
                                p("order", null),
                                p("count", false))
                        : base(method, p("domain", REQUIRED), p("offset", 0L), p("limit", null), p("order", null));
            case "search_count" -> base(method, p("domain", REQUIRED), p("limit", null));
            case "read" -> READ;
            case "create" -> base(method, p("vals_list", REQUIRED));
            case "write" -> base(method, p("vals", REQUIRED));
            case "unlink" -> base(method);
            // Odoo 19 renamed name_search's 'args' to 'domain'
            case "name_search" ->
                base(
                        method,
                        p("name", ""),
                        v.nameSearchTakesDomain() ? p("domain", null) : new Param("args", "domain", null),
                        p("operator", "ilike"),
                        p("limit", 100L));
            case "fields_get" -> base(method, p("allfields", null), p("attributes", null));
            case "read_group" ->
                base(
                        method,
                        p("domain", REQUIRED),
                        p("fields", REQUIRED),
                        p("groupby", REQUIRED),
                        p("offset", 0L),
                        p("limit", null),
                        p("orderby", false),
                        p("lazy", true));
            case "formatted_read_group" ->
                v.hasFormattedReadGroup()
                        ? sig(
                                "Base.formatted_read_group",
                                p("domain", REQUIRED),
                                p("groupby", List.of()),
                                p("aggregates", List.of()),
                                p("having", List.of()),
                                p("offset", 0L),
                                p("limit", null),
                                p("order", null))
                        : null;
            case "context_get" ->
                model.equals("res.users") ? sig((v.major() >= 19 ? "ResUsers" : "Users") + ".context_get") : null;
            case "check_access_rights" ->
                v.major() <= 18 ? base(method, p("operation", REQUIRED), p("raise_exception", true)) : null;
            default -> null;
        };
    }

    private static Param p(String name, Object defaultValue) {
        return new Param(name, name, defaultValue);
    }

    private static Signature base(String method, Param... params) {
        return sig("BaseModel." + method, params);
    }

    private static Signature sig(String qualname, Param... params) {
        return new Signature(qualname, List.of(params), null);
    }
}
