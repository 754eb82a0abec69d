package dev.odoomcp.odoo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to call in Odoo, whatever the wire: the method, the records it runs on, the method's own
 * parameters in Python declaration order, and keyword options. Odoo's modules override ORM
 * methods under their own parameter names ({@code write(self, values)} in hr_timesheet up to
 * 18.0), so the XML-RPC client sends parameters by position and only {@link #options()} by
 * keyword; JSON-2 takes names only, and gets every parameter by its Odoo 19 name. Build ORM calls
 * with {@link OrmCalls}.
 *
 * @param model Odoo model, e.g. {@code res.partner}
 * @param method public ORM or business method, e.g. {@code search_read}
 * @param ids record ids the method runs on, or {@code null} for a model-level call
 * @param params the method's parameters after {@code self}, in declaration order
 * @param options keyword arguments every override accepts by name ({@code fields}, {@code limit},
 *     {@code offset}, {@code order}, {@code context}, ...), or the caller's own for {@code call_method}
 */
public record OdooCall(String model, String method, List<Long> ids, List<Param> params, Map<String, Object> options) {

    /**
     * One parameter of the method.
     *
     * @param name its Python name (Odoo 19's, what JSON-2 needs), or {@code null} for a value the
     *     caller gave by position only (call_method's {@code args})
     * @param value the value, never {@code null} (XML-RPC cannot carry None)
     * @param atDefault the value is what Python would use when the parameter is left out: it is
     *     not sent over JSON-2, nor over XML-RPC when no later parameter is sent
     */
    public record Param(String name, Object value, boolean atDefault) {

        public Param {
            Objects.requireNonNull(value, "value");
        }
    }

    public OdooCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        ids = ids == null ? null : List.copyOf(ids);
        params = params == null ? List.of() : List.copyOf(params);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A model-level call ({@code search_read}, {@code create}, ...), parameters and options to add. */
    public static OdooCall onModel(String model, String method) {
        return new OdooCall(model, method, null, List.of(), Map.of());
    }

    /** A call on records ({@code write}, {@code action_confirm}, ...), parameters and options to add. */
    public static OdooCall onRecords(String model, String method, List<Long> ids) {
        return new OdooCall(model, method, Objects.requireNonNull(ids, "ids"), List.of(), Map.of());
    }

    /** This call with the next parameter in declaration order. */
    public OdooCall param(String name, Object value) {
        return withParam(new Param(Objects.requireNonNull(name, "name"), value, false));
    }

    /** This call with the next parameter, or its default when {@code value} is null. */
    public OdooCall param(String name, Object value, Object defaultValue) {
        return withParam(new Param(
                Objects.requireNonNull(name, "name"),
                value == null ? defaultValue : value,
                value == null || value.equals(defaultValue)));
    }

    /** This call with a value the caller gave by position only (call_method's {@code args}). */
    public OdooCall positional(Object value) {
        return withParam(new Param(null, value, false));
    }

    /** This call with keyword option {@code name}; a null value leaves it out. */
    public OdooCall option(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(options);
        more.put(name, value);
        return new OdooCall(model, method, ids, params, more);
    }

    /** The values XML-RPC sends after the ids: every parameter up to the last one not at its default. */
    public List<Object> positionalValues() {
        int last = params.size() - 1;
        while (last >= 0 && params.get(last).atDefault()) {
            last--;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            values.add(params.get(i).value());
        }
        return values;
    }

    private OdooCall withParam(Param p) {
        List<Param> more = new ArrayList<>(params);
        more.add(p);
        return new OdooCall(model, method, ids, more, options);
    }
}
