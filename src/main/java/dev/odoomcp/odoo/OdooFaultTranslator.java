package dev.odoomcp.odoo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where Odoo's failures (XML-RPC faults, JSON-2 error bodies, odd HTTP answers)
 * become short {@link OdooException}s that say what happened and what to do next. Server
 * tracebacks are reduced to their final exception line, with file paths removed; JSON-2's
 * {@code debug} member never reaches this class.
 */
final class OdooFaultTranslator {

    static final String NONE_RESULT_MARKER = "cannot marshal None unless allow_none is enabled";
    private static final int MAX_DETAIL = 400;

    private static final Pattern MISSING_MODEL_XMLRPC = Pattern.compile("^Object (\\S+) doesn't exist");
    private static final Pattern MISSING_MODEL_JSON2 = Pattern.compile("the model '([^']+)' does not exist");
    private static final Pattern MISSING_METHOD_19 = Pattern.compile("The method '([^']+)\\.([^'.]+)' does not exist");
    private static final Pattern MISSING_METHOD_18 = Pattern.compile("The method '([^']+)' does not exist on the model '([^']+)'");
    private static final Pattern MISSING_DATABASE = Pattern.compile("database \"([^\"]+)\" does not exist");
    private static final Pattern PATH = Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][\\w.\\-~@+]+){2,}");
    private static final Pattern WERKZEUG_PREFIX = Pattern.compile("^\\d{3} [A-Za-z ]+: ");

    private OdooFaultTranslator() {
    }

    /** Odoo ran the method, which returned None, then failed to marshal it: a success. */
    static boolean isNoneResult(String faultString) {
        return faultString != null && faultString.contains(NONE_RESULT_MARKER);
    }

    static OdooException xmlRpcFault(int code, String faultString, String database) {
        String text = faultString == null ? "" : faultString;
        String lastLine = finalLine(text);
        OdooException special = notFound(lastLine, database);
        if (special != null) {
            return special;
        }
        return switch (code) {
            case 2 -> new OdooException(OdooErrorKind.VALIDATION, "Odoo refused the operation: " + detail(lastLine)
                    + " Correct the values or arguments and try again.");
            case 3 -> authenticationFailed(database);
            case 4 -> accessDenied(lastLine);
            default -> serverError(lastLine);
        };
    }

    static OdooException json2Error(int status, String name, String message, String database) {
        String msg = message == null ? "" : WERKZEUG_PREFIX.matcher(message.strip()).replaceFirst("");
        String n = name == null ? "" : name;
        OdooException special = notFound(msg, database);
        if (special != null) {
            return special;
        }
        if (status == 401 || n.endsWith(".AccessDenied")) {
            return authenticationFailed(database);
        }
        if (status == 403 || n.endsWith(".AccessError")) {
            return accessDenied(msg);
        }
        if (status == 404 || n.endsWith(".MissingError")) {
            return new OdooException(OdooErrorKind.NOT_FOUND, "Not found: " + detail(msg)
                    + " Check the model, method and record ids.");
        }
        if (status == 400 || status == 422 || n.endsWith(".UserError") || n.endsWith(".ValidationError")) {
            return new OdooException(OdooErrorKind.VALIDATION, "Odoo refused the operation: " + detail(msg)
                    + " Correct the values or arguments and try again.");
        }
        return serverError(n.isEmpty() ? msg : simpleName(n) + ": " + msg);
    }

    /** XML-RPC {@code authenticate} answered {@code False}. */
    static OdooException loginRefused(String database) {
        return new OdooException(OdooErrorKind.AUTHENTICATION_FAILED, "Odoo rejected the login or API key for database '"
                + database + "'; check X-Odoo-Username and X-Odoo-Api-Key.");
    }

    static OdooException authenticationFailed(String database) {
        return new OdooException(OdooErrorKind.AUTHENTICATION_FAILED, "Odoo rejected the API key for database '"
                + database + "'; check X-Odoo-Api-Key (and X-Odoo-Username, X-Odoo-Db). The key may have expired or been revoked.");
    }

    /** An answer that is not what the protocol promises: an HTML error page, a 5xx, a 404 endpoint. */
    static OdooException unexpectedHttp(HttpReply reply, String what, String notFoundHint) {
        int status = reply.status();
        if (status == 404) {
            return new OdooException(OdooErrorKind.NOT_FOUND, "The server answered 404 Not Found for " + what + ": "
                    + notFoundHint);
        }
        if (status >= 500) {
            return new OdooException(OdooErrorKind.SERVER_ERROR, "The Odoo server answered HTTP " + status + " for " + what
                    + " (server down, overloaded or behind a failing proxy); retry later.");
        }
        return new OdooException(OdooErrorKind.PROTOCOL_ERROR, "The server answered HTTP " + status
                + (reply.contentType().isEmpty() ? "" : " (" + reply.contentType() + ")") + " for " + what
                + ", which is not an Odoo answer; check X-Odoo-Url.");
    }

    /** The final exception line of a Python traceback, without file paths. */
    static String finalLine(String text) {
        String[] lines = text.strip().split("\\R");
        String last = "";
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("File \"") && !line.matches("[\\^~ ]+")) {
                last = line;
                break;
            }
        }
        if (text.startsWith("Traceback") || lines.length == 1) {
            return PATH.matcher(last).replaceAll("<path>");
        }
        // A multi-line message without traceback (AccessError lists groups): keep it whole.
        return PATH.matcher(text.strip()).replaceAll("<path>");
    }

    private static OdooException notFound(String text, String database) {
        Matcher m = MISSING_MODEL_XMLRPC.matcher(text);
        if (m.find()) {
            return missingModel(m.group(1));
        }
        m = MISSING_MODEL_JSON2.matcher(text);
        if (m.find()) {
            return missingModel(m.group(1));
        }
        m = MISSING_METHOD_19.matcher(text);
        if (m.find()) {
            return missingMethod(m.group(1), m.group(2));
        }
        m = MISSING_METHOD_18.matcher(text);
        if (m.find()) {
            return missingMethod(m.group(2), m.group(1));
        }
        m = MISSING_DATABASE.matcher(text);
        if (m.find()) {
            return new OdooException(OdooErrorKind.NOT_FOUND, "Database '" + database
                    + "' does not exist on this Odoo server; check X-Odoo-Db.");
        }
        return null;
    }

    private static OdooException missingModel(String model) {
        return new OdooException(OdooErrorKind.NOT_FOUND, "Model '" + model
                + "' does not exist in this Odoo; call list_models to see available models.");
    }

    private static OdooException missingMethod(String model, String method) {
        return new OdooException(OdooErrorKind.NOT_FOUND, "Method '" + method + "' does not exist on model '" + model
                + "'; check the method name (only public methods can be called).");
    }

    private static OdooException accessDenied(String text) {
        return new OdooException(OdooErrorKind.ACCESS_DENIED, "Access denied: " + detail(text)
                + " The user behind X-Odoo-Api-Key lacks this right; use another user or ask an Odoo administrator.");
    }

    private static OdooException serverError(String lastLine) {
        String hint = lastLine.contains("Invalid field") ? " Check the field names (call the model's fields tool)."
                : " Check the arguments; if they are right, the problem is on the Odoo server.";
        return new OdooException(OdooErrorKind.SERVER_ERROR, "Odoo failed with a server error: " + detail(lastLine) + hint);
    }

    private static String detail(String text) {
        String t = PATH.matcher(text.strip()).replaceAll("<path>");
        t = t.replaceAll("\\s*\\R\\s*", " ");
        if (t.length() > MAX_DETAIL) {
            t = t.substring(0, MAX_DETAIL) + "…";
        }
        return t.endsWith(".") || t.endsWith("…") ? t : t + ".";
    }

    private static String simpleName(String pythonName) {
        int dot = pythonName.lastIndexOf('.');
        return dot < 0 ? pythonName : pythonName.substring(dot + 1);
    }
}
