package dev.odoomcp.testing;

import java.util.Map;

/**
 * A business method registered on a fake model (e.g. {@code purchase.order.button_confirm}).
 * Returning {@code null} stands for Python's {@code None}: XML-RPC then answers the
 * "cannot marshal None" fault after the change was applied, JSON-2 answers {@code null}.
 */
@FunctionalInterface
public interface FakeMethod {

    /**
     * @param records the records the method is called on (empty for model-level methods)
     * @param kwargs named arguments, without {@code context}
     * @return the method's result ({@code Boolean}, {@code Long}, {@code String}, {@code Map}, {@code List}) or null
     */
    Object call(FakeRecords records, Map<String, Object> kwargs);

    /** An Odoo {@code UserError} to throw from a method: fault 2 / HTTP 422. */
    static RuntimeException userError(String message) {
        return OdooFault.userError(message);
    }

    /** An Odoo {@code ValidationError} to throw from a method: fault 2 / HTTP 422. */
    static RuntimeException validationError(String message) {
        return OdooFault.validation(message);
    }
}
