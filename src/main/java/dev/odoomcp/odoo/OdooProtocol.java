package dev.odoomcp.odoo;

import java.util.Locale;
import java.util.Optional;

/** The wire protocols the bridge speaks to Odoo. */
public enum OdooProtocol {
    /** {@code /xmlrpc/2/common} and {@code /xmlrpc/2/object}: Odoo 14 to 21. */
    XMLRPC,
    /** {@code /json/2/<model>/<method>} with a bearer key: Odoo 19+ and Online 18.4+. */
    JSON2;

    /** The protocol as logs, metrics and the header name it: {@code xmlrpc} or {@code json2}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the {@code X-Odoo-Protocol} header value ({@code xmlrpc} or {@code json2}). */
    public static Optional<OdooProtocol> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "xmlrpc", "xml-rpc" -> Optional.of(XMLRPC);
            case "json2", "json-2" -> Optional.of(JSON2);
            default ->
                throw new OdooException(
                        OdooErrorKind.INVALID_CREDENTIALS,
                        "Header X-Odoo-Protocol must be 'xmlrpc' or 'json2' (or be left out to detect it).");
        };
    }
}
