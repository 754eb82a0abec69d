package dev.odoomcp.testing;

/**
 * An error the fake ORM raises, carrying what both wire protocols need to report it the way Odoo
 * does: the XML-RPC fault code and the JSON-2 status and exception name.
 */
final class OdooFault extends RuntimeException {

    /** Odoo exception families, each with its XML-RPC fault code and JSON-2 HTTP status. */
    enum Kind {
        ACCESS_DENIED(3, 401, "werkzeug.exceptions.Unauthorized"),
        ACCESS_ERROR(4, 403, "odoo.exceptions.AccessError"),
        USER_ERROR(2, 422, "odoo.exceptions.UserError"),
        VALIDATION(2, 422, "odoo.exceptions.ValidationError"),
        MISSING(2, 404, "odoo.exceptions.MissingError"),
        UNKNOWN_MODEL(2, 404, "werkzeug.exceptions.NotFound"),
        UNKNOWN_METHOD(1, 404, "werkzeug.exceptions.NotFound"),
        BAD_ARGUMENTS(1, 422, "werkzeug.exceptions.UnprocessableEntity"),
        APPLICATION(1, 500, null);

        final int faultCode;
        final int httpStatus;
        final String json2Name;

        Kind(int faultCode, int httpStatus, String json2Name) {
            this.faultCode = faultCode;
            this.httpStatus = httpStatus;
            this.json2Name = json2Name;
        }
    }

    private final Kind kind;
    private final String pythonClass;
    private final String json2Message;

    private OdooFault(Kind kind, String pythonClass, String message, String json2Message) {
        super(message, null, false, false);
        this.kind = kind;
        this.pythonClass = pythonClass;
        this.json2Message = json2Message;
    }

    static OdooFault accessDenied() {
        return new OdooFault(Kind.ACCESS_DENIED, "odoo.exceptions.AccessDenied", "Access Denied", "Invalid apikey");
    }

    static OdooFault accessError(String message) {
        return new OdooFault(Kind.ACCESS_ERROR, "odoo.exceptions.AccessError", message, message);
    }

    static OdooFault userError(String message) {
        return new OdooFault(Kind.USER_ERROR, "odoo.exceptions.UserError", message, message);
    }

    static OdooFault validation(String message) {
        return new OdooFault(Kind.VALIDATION, "odoo.exceptions.ValidationError", message, message);
    }

    static OdooFault missing(String message) {
        return new OdooFault(Kind.MISSING, "odoo.exceptions.MissingError", message, message);
    }

    static OdooFault unknownModel(String model) {
        return new OdooFault(
                Kind.UNKNOWN_MODEL,
                "odoo.exceptions.UserError",
                "Object " + model + " doesn't exist",
                "the model '" + model + "' does not exist");
    }

    static OdooFault unknownMethod(String model, String method, OdooVersion version) {
        String message = version.major() >= 19
                ? "The method '" + model + "." + method + "' does not exist"
                : "The method '" + method + "' does not exist on the model '" + model + "'";
        return new OdooFault(
                Kind.UNKNOWN_METHOD,
                "AttributeError",
                message,
                "The method '" + model + "." + method + "' does not exist");
    }

    static OdooFault badArguments(String message) {
        return new OdooFault(Kind.BAD_ARGUMENTS, "TypeError", message, message);
    }

    /** A plain Python exception (ValueError, KeyError, TypeError...): fault 1 / HTTP 500. */
    static OdooFault application(String pythonClass, String message) {
        return new OdooFault(Kind.APPLICATION, pythonClass, message, message);
    }

    Kind kind() {
        return kind;
    }

    /** Python exception class as printed in a traceback's last line, e.g. {@code ValueError}. */
    String pythonClass() {
        return pythonClass;
    }

    String json2Message() {
        return json2Message;
    }

    /** JSON-2 {@code name}: werkzeug/odoo class path, or {@code builtins.X} for plain Python errors. */
    String json2Name() {
        return kind.json2Name != null ? kind.json2Name : "builtins." + pythonClass;
    }
}
