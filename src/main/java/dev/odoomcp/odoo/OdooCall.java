package dev.odoomcp.odoo;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ORM call, in a shape both wire protocols can carry. Arguments are named (JSON-2 accepts
 * nothing else; XML-RPC {@code execute_kw} passes them as kwargs). Record methods
 * ({@code write}, {@code action_confirm}, ...) carry {@code ids}; model methods ({@code search_read},
 * {@code create}, ...) carry {@code null}. Positional arguments exist only for XML-RPC callers of
 * arbitrary methods; JSON-2 refuses them with a clear error.
 *
 * @param model Odoo model, e.g. {@code res.partner}
 * @param method public ORM or business method, e.g. {@code search_read}
 * @param ids record ids the method runs on, or {@code null} for a model-level call
 * @param positional extra positional arguments after the ids (XML-RPC only; usually empty)
 * @param named named arguments, including {@code context} when one is needed
 */
public record OdooCall(String model, String method, List<Long> ids, List<Object> positional,
        Map<String, Object> named) {

    public OdooCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        ids = ids == null ? null : List.copyOf(ids);
        positional = positional == null ? List.of() : List.copyOf(positional);
        named = named == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(named));
    }

    /** A model-level call with named arguments, e.g. {@code search_read(domain=..., fields=...)}. */
    public static OdooCall onModel(String model, String method, Map<String, Object> named) {
        return new OdooCall(model, method, null, List.of(), named);
    }

    /** A call on records, e.g. {@code write(ids, vals=...)} or {@code action_confirm(ids)}. */
    public static OdooCall onRecords(String model, String method, List<Long> ids, Map<String, Object> named) {
        return new OdooCall(model, method, ids, List.of(), named);
    }
}
