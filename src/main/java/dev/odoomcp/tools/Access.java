package dev.odoomcp.tools;

/**
 * What a tool call does to the model named in its {@code model} argument, declared once per tool
 * ({@link OdooTool#access()}) and checked against the {@link AccessPolicy} before the tool runs. Work
 * sent through the {@link OdooGateway} says it too: {@link #WRITE} is refused in read-only mode before
 * anything reaches Odoo.
 */
public enum Access {
    /** The tool names no model (list_models, odoo_context); it only reads, and filters what it shows itself. */
    NONE,
    /** Reads the model: refused for models that hold credentials or are outside the operator's lists. */
    READ,
    /** Changes the model: refused as for reads, plus in read-only mode and for code/security models. */
    WRITE
}
