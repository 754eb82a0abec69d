package dev.odoomcp.odoo;

/**
 * A failure talking to Odoo, already translated into a short message that says what happened
 * and what to do next. Never carries an API key, a server traceback or a local file path.
 */
public class OdooException extends RuntimeException {

    private final OdooErrorKind kind;

    public OdooException(OdooErrorKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public OdooErrorKind kind() {
        return kind;
    }
}
