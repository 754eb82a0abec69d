package dev.odoomcp.odoo;

import java.util.regex.Pattern;

/** Checks model and method names before they go into a URL path or an XML-RPC call. */
final class CallCheck {

    private static final Pattern MODEL = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CallCheck() {}

    static void validate(OdooCall call) {
        if (call.model().length() > 128 || !MODEL.matcher(call.model()).matches()) {
            throw new OdooException(
                    OdooErrorKind.VALIDATION,
                    "'" + abbreviate(call.model())
                            + "' is not a valid Odoo model name (like res.partner); call list_models to see available models.");
        }
        if (call.method().length() > 128 || !METHOD.matcher(call.method()).matches()) {
            throw new OdooException(
                    OdooErrorKind.VALIDATION,
                    "'" + abbreviate(call.method()) + "' is not a valid method name (like search_read).");
        }
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
