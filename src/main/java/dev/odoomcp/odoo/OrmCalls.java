package dev.odoomcp.odoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ORM calls the bridge makes, each with the method's parameters in Odoo's declaration order
 * and only documented options as keywords ({@code docs/odoo-signatures.md} has the signatures and
 * where they come from). What changed between Odoo versions is decided here, so that tools say
 * what to call and never how: {@code read_group} up to 18 and {@code formatted_read_group} from
 * 19, and the names JSON-2 needs.
 */
public final class OrmCalls {

    /** Aggregate functions that read_group (Odoo ≤ 18) leaves out of the names it orders by. */
    private static final String FUNCTIONS = "sum|avg|min|max|count|count_distinct|bool_and|bool_or|array_agg";

    private OrmCalls() {}

    /** {@code search_read(domain, fields=None, offset=0, limit=None, order=None)}; null options are left out. */
    public static OdooCall searchRead(
            String model, Object domain, List<String> fields, Integer offset, Integer limit, String order) {
        return OdooCall.onModel(model, "search_read")
                .param("domain", domain)
                .option("fields", fields)
                .option("offset", offset)
                .option("limit", limit)
                .option("order", order);
    }

    /** {@code search_count(domain)}. */
    public static OdooCall searchCount(String model, Object domain) {
        return OdooCall.onModel(model, "search_count").param("domain", domain);
    }

    /** {@code read(fields=None)} on {@code ids}. */
    public static OdooCall read(String model, List<Long> ids, List<String> fields) {
        return OdooCall.onRecords(model, "read", ids).option("fields", fields);
    }

    /** {@code create(vals_list)} with one record's values; Odoo answers a list of one id. */
    public static OdooCall create(String model, Map<String, Object> vals) {
        return OdooCall.onModel(model, "create").param("vals_list", List.of(vals));
    }

    /** {@code write(vals)} on {@code ids} (hr_timesheet names it {@code values} up to 18: sent by position). */
    public static OdooCall write(String model, List<Long> ids, Map<String, Object> vals) {
        return OdooCall.onRecords(model, "write", ids).param("vals", vals);
    }

    /** {@code unlink()} on {@code ids}. */
    public static OdooCall unlink(String model, List<Long> ids) {
        return OdooCall.onRecords(model, "unlink", ids);
    }

    /**
     * {@code name_search(name='', domain=None, operator='ilike', limit=100)}; the domain is
     * {@code args} up to Odoo 18, which only matters to JSON-2 (see {@link #json2Name}).
     */
    public static OdooCall nameSearch(String model, String name, Object domain, String operator, Integer limit) {
        return OdooCall.onModel(model, "name_search")
                .param("name", name, "")
                .param("domain", domain, List.of())
                .param("operator", operator, "ilike")
                .option("limit", limit);
    }

    /** {@code fields_get(allfields=None, attributes=None)} for all fields. */
    public static OdooCall fieldsGet(String model, List<String> attributes) {
        return OdooCall.onModel(model, "fields_get").option("attributes", attributes);
    }

    /** {@code res.users.context_get()}: the caller's lang, tz and uid. */
    public static OdooCall contextGet() {
        return OdooCall.onModel("res.users", "context_get");
    }

    /**
     * Groups and aggregates on the server, in the method the server has: {@code read_group} up to
     * Odoo 18 ({@code fields} without {@code __count}, non-lazy, ordered by names without their
     * function), {@code formatted_read_group} from 19 ({@code __count} asked for explicitly).
     *
     * @param aggregates {@code field:function} specs, {@code __count} not included
     * @param order group order such as {@code amount_total:sum desc}, or null
     */
    public static OdooCall groupBy(
            OdooServer server,
            String model,
            Object domain,
            List<String> groupBy,
            List<String> aggregates,
            String order,
            int limit) {
        if (server.majorVersion() >= 19) {
            List<String> withCount = new ArrayList<>(aggregates);
            withCount.add("__count");
            return OdooCall.onModel(model, "formatted_read_group")
                    .param("domain", domain)
                    .param("groupby", groupBy)
                    .param("aggregates", withCount)
                    .option("order", order)
                    .option("limit", limit);
        }
        return OdooCall.onModel(model, "read_group")
                .param("domain", domain)
                .param("fields", aggregates.isEmpty() ? List.of("__count") : aggregates)
                .param("groupby", groupBy)
                .option("lazy", false)
                .option("limit", limit)
                .option("orderby", order == null ? null : order.replaceAll(":(" + FUNCTIONS + ")\\b", ""));
    }

    /**
     * {@code method} on {@code ids} (null for a model method) with exactly the caller's arguments:
     * {@code args} by position (XML-RPC only), {@code kwargs} by name.
     */
    public static OdooCall method(
            String model, String method, List<Long> ids, List<Object> args, Map<String, Object> kwargs) {
        OdooCall call = new OdooCall(model, method, ids, List.of(), kwargs);
        for (Object arg : args) {
            call = call.positional(arg);
        }
        return call;
    }

    /** The name JSON-2 needs for parameter {@code param} of {@code method} on a server of {@code major}. */
    static String json2Name(int major, String method, String param) {
        // JSON-2 also runs on Odoo Online saas~18.x, where name_search still calls its domain 'args'
        return major < 19 && "name_search".equals(method) && "domain".equals(param) ? "args" : param;
    }
}
