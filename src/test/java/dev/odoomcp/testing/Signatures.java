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
    record Param(String name, String key, Object defaultValue) {
    }

    /**
     * @param qualname class and method as Python names them in a TypeError, e.g. {@code BaseModel.write}
     * @param params parameters after {@code self}, in declaration order
     * @param extraKeywords the signature that {@code **kwargs} are handed to (search_read passes
     *     them to read), or null when the method takes no {@code **kwargs}
     */
    record Signature(String qualname, List<Param> params, Signature extraKeywords) {
    }

    /** An override in an Odoo module, for the versions {@code fromMajor..toMajor}. */
    private record Override(String model, String method, int fromMajor, int toMajor, Signature signature) {
    }

    private static final Signature READ = base("read", p("fields", null), p("load", "_classic_read"));

    private static final List<Override> OVERRIDES = List.of(
            // hr_timesheet, models/hr_timesheet.py (16.0, 17.0, 18.0): def write(self, values)
            new Override("account.analytic.line", "write", 16, 18,
                    sig("AccountAnalyticLine.write", new Param("values", "vals", REQUIRED))),
            // hr_timesheet, models/account_analytic_line.py (19): def write(self, vals)
            new Override("account.analytic.line", "write", 19, 99, sig("AccountAnalyticLine.write", p("vals", REQUIRED))),
            // hr_timesheet (16.0 to 19): @api.model_create_multi def create(self, vals_list)
            new Override("account.analytic.line", "create", 16, 99,
                    sig("AccountAnalyticLine.create", p("vals_list", REQUIRED))));

    private Signatures() {
    }

    /** The signature {@code model.method} has on {@code v}, or null when that version has no such method. */
    static Signature find(String model, String method, OdooVersion v) {
        for (Override o : OVERRIDES) {
            if (o.model().equals(model) && o.method().equals(method) && v.major() >= o.fromMajor()
                    && v.major() <= o.toMajor()) {
                return o.signature();
            }
        }
        return base(method, model, v);
    }

    private static Signature base(String method, String model, OdooVersion v) {
        return switch (method) {
            case "search_read" -> new Signature("BaseModel.search_read", List.of(p("domain", null), p("fields", null),
                    p("offset", 0L), p("limit", null), p("order", null)), READ);
            case "search" -> v.major() <= 16
                    ? base(method, p("domain", REQUIRED), p("offset", 0L), p("limit", null), p("order", null),
                            p("count", false))
                    : base(method, p("domain", REQUIRED), p("offset", 0L), p("limit", null), p("order", null));
            case "search_count" -> base(method, p("domain", REQUIRED), p("limit", null));
            case "read" -> READ;
            case "create" -> base(method, p("vals_list", REQUIRED));
            case "write" -> base(method, p("vals", REQUIRED));
            case "unlink" -> base(method);
            // Odoo 19 renamed name_search's 'args' to 'domain'
            case "name_search" -> base(method, p("name", ""), v.nameSearchTakesDomain() ? p("domain", null)
                    : new Param("args", "domain", null), p("operator", "ilike"), p("limit", 100L));
            case "fields_get" -> base(method, p("allfields", null), p("attributes", null));
            case "read_group" -> base(method, p("domain", REQUIRED), p("fields", REQUIRED), p("groupby", REQUIRED),
                    p("offset", 0L), p("limit", null), p("orderby", false), p("lazy", true));
            case "formatted_read_group" -> v.hasFormattedReadGroup() ? sig("Base.formatted_read_group",
                    p("domain", REQUIRED), p("groupby", List.of()), p("aggregates", List.of()), p("having", List.of()),
                    p("offset", 0L), p("limit", null), p("order", null)) : null;
            case "context_get" -> model.equals("res.users") ? sig((v.major() >= 19 ? "ResUsers" : "Users") + ".context_get")
                    : null;
            case "check_access_rights" -> v.major() <= 18
                    ? base(method, p("operation", REQUIRED), p("raise_exception", true)) : null;
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
