package dev.odoomcp.odoo;

import dev.odoomcp.security.TargetRefusedException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.xmlrpc.XmlRpcException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one place where failures of talking to Odoo become the short {@link OdooException}s a model
 * or an operator reads: Odoo's own faults (XML-RPC faults, JSON-2 error bodies), odd HTTP answers,
 * transport failures, answers refused as malformed or hostile, and the bridge's own limits. Each
 * says what happened and what to do next. Remote text goes through {@link RemoteText} first:
 * tracebacks are reduced to their final exception line, paths and line breaks removed, length
 * bounded; JSON-2's {@code debug} member never reaches this class.
 */
final class OdooFaultTranslator {

    static final String NONE_RESULT_MARKER = "cannot marshal None unless allow_none is enabled";
    private static final int MAX_DETAIL = 400;
    private static final int MAX_NAME = 120;
    private static final String CHECK_URL = "check that X-Odoo-Url points to an Odoo server";

    // Applied to RemoteText.bounded text only.
    private static final Pattern MISSING_MODEL_XMLRPC = Pattern.compile("^Object (\\S+) doesn't exist");
    private static final Pattern MISSING_MODEL_JSON2 = Pattern.compile("the model '([^']+)' does not exist");
    private static final Pattern MISSING_METHOD_19 = Pattern.compile("The method '([^']+)\\.([^'.]+)' does not exist");
    private static final Pattern MISSING_METHOD_18 =
            Pattern.compile("The method '([^']+)' does not exist on the model '([^']+)'");
    private static final Pattern MISSING_DATABASE = Pattern.compile("database \"([^\"]+)\" does not exist");
    private static final Pattern WERKZEUG_PREFIX = Pattern.compile("^\\d{3} [A-Za-z ]+: ");

    private OdooFaultTranslator() {}

    // ---- Odoo's own faults ----

    /** Odoo ran the method, which returned None, then failed to marshal it: a success. */
    static boolean isNoneResult(String faultString) {
        return faultString != null && faultString.contains(NONE_RESULT_MARKER);
    }

    static OdooException xmlRpcFault(int code, String faultString, String database) {
        String lastLine = finalLine(faultString);
        OdooException special = notFound(lastLine, database);
        if (special != null) {
            return special;
        }
        return switch (code) {
            case 2 -> refused(lastLine);
            case 3 -> authenticationFailed(database);
            case 4 -> accessDenied(lastLine);
            default -> serverError(lastLine);
        };
    }

    static OdooException json2Error(int status, String name, String message, String database) {
        String msg =
                WERKZEUG_PREFIX.matcher(RemoteText.bounded(message).strip()).replaceFirst("");
        String n = RemoteText.oneLine(RemoteText.shortened(name == null ? "" : name, MAX_NAME));
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
            return new OdooException(
                    OdooErrorKind.NOT_FOUND, "Not found: " + detail(msg) + " Check the model, method and record ids.");
        }
        if (status == 400 || status == 422 || n.endsWith(".UserError") || n.endsWith(".ValidationError")) {
            return refused(msg);
        }
        return serverError(n.isEmpty() ? msg : simpleName(n) + ": " + msg);
    }

    /** XML-RPC {@code authenticate} answered {@code False}. */
    /** JSON-2 binds arguments by name only: a call given by position cannot be sent. */
    static OdooException positionalOverJson2(String method) {
        return new OdooException(
                OdooErrorKind.UNSUPPORTED,
                "This Odoo is reached over JSON-2, which accepts only named" + " arguments; pass the arguments of "
                        + method + " by name (e.g. {\"domain\": [...]} instead of a list).");
    }

    static OdooException loginRefused(String database) {
        return new OdooException(
                OdooErrorKind.AUTHENTICATION_FAILED,
                "Odoo rejected the login or API key for database '" + database
                        + "'; check X-Odoo-Username and X-Odoo-Api-Key.");
    }

    static OdooException authenticationFailed(String database) {
        return new OdooException(
                OdooErrorKind.AUTHENTICATION_FAILED,
                "Odoo rejected the API key for database '" + database
                        + "'; check X-Odoo-Api-Key (and X-Odoo-Username, X-Odoo-Db). The key may have expired or been revoked.");
    }

    /** A refusal answered from the bridge's memory of a recent one, without asking Odoo. */
    static OdooException recentlyRefused(OdooException failure) {
        return new OdooException(
                failure.kind(),
                failure.getMessage()
                        + " (Repeated attempts with the same credentials get this answer for a short while without asking Odoo.)");
    }

    // ---- answers that are not what the protocol promises ----

    /** An HTML error page, a 5xx, a 404 endpoint. */
    static OdooException unexpectedHttp(HttpReply reply, String what, String notFoundHint) {
        int status = reply.status();
        if (status == 404) {
            return new OdooException(
                    OdooErrorKind.NOT_FOUND, "The server answered 404 Not Found for " + what + ": " + notFoundHint);
        }
        if (status >= 500) {
            return new OdooException(
                    OdooErrorKind.SERVER_ERROR,
                    "The Odoo server answered HTTP " + status + " for " + what
                            + " (server down, overloaded or behind a failing proxy); retry later.");
        }
        String type = RemoteText.oneLine(RemoteText.shortened(reply.contentType(), MAX_NAME));
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server answered HTTP " + status + (type.isEmpty() ? "" : " (" + type + ")") + " for " + what
                        + ", which is not an Odoo answer; check X-Odoo-Url.");
    }

    static OdooException redirectRefused(HttpReply reply, String origin) {
        String target = "";
        try {
            URI to = URI.create(RemoteText.shortened(reply.location().strip(), 2048));
            if (to.getScheme() != null && to.getRawAuthority() != null) {
                target = " to " + RemoteText.oneLine(to.getScheme() + "://" + to.getRawAuthority());
            }
        } catch (IllegalArgumentException ignored) {
            // an unparsable Location is simply not shown
        }
        return new OdooException(
                OdooErrorKind.TARGET_REFUSED,
                "The server at " + origin + " answered with a redirect (HTTP "
                        + reply.status() + target
                        + "); redirects are not followed. Set X-Odoo-Url to the final address of your Odoo"
                        + " (for example https:// instead of http://, or the canonical host name).");
    }

    static OdooException tooLarge(long maxBytes) {
        return new OdooException(
                OdooErrorKind.RESPONSE_TOO_LARGE,
                "Odoo's answer is larger than the " + (maxBytes / 1024)
                        + " KiB limit; ask for fewer records or fields (use limit, fields) and try again.");
    }

    /** The XML-RPC parser refused the answer. */
    static OdooException xmlRpcRejected(XmlRpcException e) {
        String cause = String.valueOf(e.getMessage()) + " "
                + (e.getCause() == null ? "" : e.getCause().getMessage());
        String why;
        if (cause.contains("DOCTYPE")
                || cause.contains("ENTITY")) { // not "entity": a truncated document is "...within the same entity"
            why = "it declares a DOCTYPE or entities, which are refused";
        } else if (cause.contains("Unknown type") || cause.contains("serializable") || cause.contains("extensions")) {
            why = "it uses a type outside plain XML-RPC (such as a serialized Java object), which is refused";
        } else if (cause.contains("maxElementDepth")) {
            return nestedTooDeeply("the XML-RPC call");
        } else {
            why = "it is not well-formed XML-RPC (truncated or not XML)";
        }
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server's answer was rejected: " + why
                        + ". Check that X-Odoo-Url points to a genuine Odoo server.");
    }

    /** The XML-RPC library failed on a shape it does not expect, e.g. a string faultCode. */
    static OdooException xmlRpcUnexpectedShape(RuntimeException e) {
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server's XML-RPC answer has an unexpected shape ("
                        + e.getClass().getSimpleName() + "); " + CHECK_URL + ".");
    }

    static OdooException invalidJson(String what, JacksonException e) {
        if (e instanceof StreamConstraintsException limit) {
            return String.valueOf(limit.getMessage()).contains("nesting depth")
                    ? nestedTooDeeply(what)
                    : new OdooException(
                            OdooErrorKind.RESPONSE_TOO_LARGE,
                            "The server's answer to " + what
                                    + " holds a value longer than this bridge accepts; ask for fewer records or fields and try again.");
        }
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server's answer to " + what + " is not valid JSON (truncated or malformed); retry, and "
                        + CHECK_URL + " if it persists.");
    }

    /** Deeper than any Odoo answer: refused before it can exhaust a thread's stack. */
    static OdooException nestedTooDeeply(String what) {
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server's answer to " + what + " is nested too deeply to be an Odoo answer and was refused; "
                        + CHECK_URL + ".");
    }

    static OdooException emptyAnswer(String what) {
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server's answer to " + what + " was empty; retry, and " + CHECK_URL + " if it persists.");
    }

    /** A well-formed answer without what the protocol promises (no uid, no version, neither uid nor false). */
    static OdooException missingInAnswer(String what, String missing) {
        return new OdooException(
                OdooErrorKind.PROTOCOL_ERROR,
                "The server's answer to " + what + " has no " + missing + "; " + CHECK_URL + ".");
    }

    static OdooException unusableUrl() {
        return new OdooException(
                OdooErrorKind.INVALID_CREDENTIALS,
                "X-Odoo-Url is not a usable URL;"
                        + " send the root address of your Odoo, e.g. https://mycompany.odoo.com.");
    }

    // ---- the transport and the bridge's own limits ----

    static OdooException transportFailure(Exception e, String origin) {
        if (e instanceof TargetRefusedException) {
            return new OdooException(OdooErrorKind.TARGET_REFUSED, e.getMessage());
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            return new OdooException(
                    OdooErrorKind.BRIDGE_BUSY,
                    "This bridge has no free connection to Odoo servers right"
                            + " now (all in use by other calls); retry in a few seconds. Your Odoo was not asked.");
        }
        if (e instanceof ConnectTimeoutException) {
            return new OdooException(
                    OdooErrorKind.TIMEOUT,
                    "Could not connect to " + origin + " in time; check X-Odoo-Url and that the server is up.");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new OdooException(
                    OdooErrorKind.TIMEOUT,
                    "The Odoo at " + origin
                            + " did not answer in time; try a smaller request (fewer records, a narrower domain) or retry later.");
        }
        if (e instanceof UnknownHostException) {
            return new OdooException(
                    OdooErrorKind.UNREACHABLE, "Host of " + origin + " could not be resolved; check X-Odoo-Url.");
        }
        if (e instanceof SSLException) {
            return new OdooException(
                    OdooErrorKind.UNREACHABLE,
                    "TLS connection to " + origin + " failed (certificate or protocol problem); check X-Odoo-Url.");
        }
        if (e instanceof HttpHostConnectException) {
            return new OdooException(
                    OdooErrorKind.UNREACHABLE,
                    "Could not connect to " + origin + "; check X-Odoo-Url and that the server is up.");
        }
        return new OdooException(
                OdooErrorKind.UNREACHABLE,
                "The connection to " + origin + " failed before a complete answer arrived ("
                        + e.getClass().getSimpleName() + "); retry later.");
    }

    /** The call was cancelled (its deadline passed) while it waited or between two requests. */
    static OdooException cancelled(String origin) {
        return new OdooException(OdooErrorKind.TIMEOUT, "The call to the Odoo at " + origin + " was cancelled.");
    }

    /** This host already has its share of the bridge's connections, and none came free in time. */
    static OdooException hostShareInUse(String origin, int share) {
        return new OdooException(
                OdooErrorKind.TIMEOUT,
                "Too many requests are already waiting for the Odoo at " + origin
                        + " (this bridge runs at most " + share
                        + " at once for one Odoo host, its share of the bridge's"
                        + " connections); try again in a moment, or make fewer calls at once.");
    }

    /** Every connection of the bridge is in use: the bridge is saturated, not the tenant's Odoo. */
    static OdooException bridgeSaturated(int maxConnections) {
        return new OdooException(
                OdooErrorKind.BRIDGE_BUSY,
                "This bridge is saturated: all " + maxConnections
                        + " of its connections to Odoo servers (ODOO_MAX_CONNECTIONS) are in use by other calls, and none came"
                        + " free in time. Your Odoo was not asked; retry in a few seconds.");
    }

    /** The global budget for answers held in memory is used up. */
    static OdooException answerMemoryFull(long budgetBytes) {
        return new OdooException(
                OdooErrorKind.BRIDGE_BUSY,
                "This bridge is busy: the memory it sets aside for reading Odoo"
                        + " answers (" + (budgetBytes >> 20)
                        + " MiB, ODOO_ANSWER_MEMORY_BUDGET) is taken by other large answers."
                        + " Retry in a few seconds, or ask for fewer records or fields (use limit, fields).");
    }

    // ---- remote text ----

    /** The final exception line of a Python traceback, without file paths; a plain message whole. */
    static String finalLine(String faultString) {
        boolean traceback = faultString != null && RemoteText.isTraceback(faultString);
        String text = RemoteText.bounded(faultString).strip();
        String last = "";
        int lines = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lines++;
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("File \"") && !isCaretLine(l)) {
                last = l;
            }
        }
        if (traceback || lines <= 1) {
            return RemoteText.withoutPaths(last);
        }
        // A multi-line message without traceback (AccessError lists groups): keep it whole.
        return RemoteText.withoutPaths(text);
    }

    private static boolean isCaretLine(String line) {
        return line.chars().allMatch(c -> c == '^' || c == '~' || c == ' ');
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
            return new OdooException(
                    OdooErrorKind.NOT_FOUND,
                    "Database '" + database + "' does not exist on this Odoo server; check X-Odoo-Db.");
        }
        return null;
    }

    private static OdooException missingModel(String model) {
        return new OdooException(
                OdooErrorKind.NOT_FOUND,
                "Model '" + name(model) + "' does not exist in this Odoo; call list_models to see available models.");
    }

    private static OdooException missingMethod(String model, String method) {
        return new OdooException(
                OdooErrorKind.NOT_FOUND,
                "Method '" + name(method) + "' does not exist on model '" + name(model)
                        + "'; check the method name (only public methods can be called).");
    }

    private static OdooException refused(String text) {
        return new OdooException(
                OdooErrorKind.VALIDATION,
                "Odoo refused the operation: " + detail(text) + " Correct the values or arguments and try again.");
    }

    private static OdooException accessDenied(String text) {
        return new OdooException(
                OdooErrorKind.ACCESS_DENIED,
                "Access denied: " + detail(text)
                        + " The user behind X-Odoo-Api-Key lacks this right; use another user or ask an Odoo administrator.");
    }

    private static OdooException serverError(String lastLine) {
        String hint = lastLine.contains("Invalid field")
                ? " Check the field names (call the model's fields tool)."
                : " Check the arguments; if they are right, the problem is on the Odoo server.";
        return new OdooException(
                OdooErrorKind.SERVER_ERROR, "Odoo failed with a server error: " + detail(lastLine) + hint);
    }

    /** Remote text as it may appear in a message: bounded, one line, no paths, at most {@link #MAX_DETAIL} characters. */
    private static String detail(String text) {
        String t =
                RemoteText.shortened(RemoteText.oneLine(RemoteText.withoutPaths(RemoteText.bounded(text))), MAX_DETAIL);
        return t.endsWith(".") || t.endsWith("…") ? t : t + ".";
    }

    private static String name(String remote) {
        return RemoteText.shortened(RemoteText.oneLine(remote), MAX_NAME);
    }

    private static String simpleName(String pythonName) {
        int dot = pythonName.lastIndexOf('.');
        return dot < 0 ? pythonName : pythonName.substring(dot + 1);
    }
}
