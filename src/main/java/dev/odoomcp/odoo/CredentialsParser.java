package dev.odoomcp.odoo;

import dev.odoomcp.security.HostAllowList;
import dev.odoomcp.security.TargetAddressPolicy;
import dev.odoomcp.security.TargetRefusedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads and validates the credentials headers. Errors name the header at fault and never echo
 * the API key. The URL must be the root of the Odoo server ({@code https://host[:port]}): Odoo
 * serves {@code /xmlrpc/2} and {@code /json/2} at the root, and a path prefix would only hide
 * a typo until the first call.
 */
final class CredentialsParser {

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_.\\-]{1,63}");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_URL = 2048;
    private static final int MAX_LOGIN = 256;
    private static final int MAX_KEY = 512;

    private final OdooProperties props;
    private final HostAllowList allowList;
    private final TargetAddressPolicy addressPolicy;

    CredentialsParser(OdooProperties props, TargetAddressPolicy addressPolicy) {
        this.props = props;
        this.allowList = new HostAllowList(props.allowedHosts());
        this.addressPolicy = addressPolicy;
    }

    OdooCredentials parse(Function<String, String> header) {
        URI url = url(required(
                header, OdooCredentials.URL_HEADER, "the address of your Odoo, e.g. https://mycompany.odoo.com"));
        String db = required(header, OdooCredentials.DB_HEADER, "the name of your Odoo database");
        if (!DATABASE.matcher(db).matches()) {
            throw invalid("Header " + OdooCredentials.DB_HEADER + " must be 1 to 63 letters, digits, '_', '.' or '-'.");
        }
        String login = optional(header, OdooCredentials.USERNAME_HEADER);
        if (login != null && (login.length() > MAX_LOGIN || hasControl(login))) {
            throw invalid("Header " + OdooCredentials.USERNAME_HEADER + " must be at most " + MAX_LOGIN
                    + " printable characters.");
        }
        String key =
                required(header, OdooCredentials.API_KEY_HEADER, "an Odoo API key (Preferences > Account Security)");
        if (key.length() > MAX_KEY || hasControl(key)) {
            throw invalid("Header " + OdooCredentials.API_KEY_HEADER + " is malformed: it must be at most " + MAX_KEY
                    + " printable characters.");
        }
        Optional<OdooProtocol> protocol = OdooProtocol.parse(header.apply(OdooCredentials.PROTOCOL_HEADER));
        if (login == null && protocol.filter(p -> p == OdooProtocol.XMLRPC).isPresent()) {
            throw invalid("Header " + OdooCredentials.USERNAME_HEADER + " is required for XML-RPC ("
                    + OdooCredentials.PROTOCOL_HEADER + ": xmlrpc); send the login the API key belongs to.");
        }
        return new OdooCredentials(url, db, login, key, protocol);
    }

    private URI url(String raw) {
        String name = OdooCredentials.URL_HEADER;
        if (raw.length() > MAX_URL) {
            throw invalid("Header " + name + " is too long (at most " + MAX_URL + " characters).");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw invalid("Header " + name + " is not a valid URL; send e.g. https://mycompany.odoo.com.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.isOpaque()) {
            throw invalid("Header " + name + " must be an absolute http(s) URL, e.g. https://mycompany.odoo.com.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("Header " + name + " must not contain a user name or password; send them in "
                    + OdooCredentials.USERNAME_HEADER + " and " + OdooCredentials.API_KEY_HEADER + ".");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("Header " + name + " has no valid host name; send e.g. https://mycompany.odoo.com.");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65_535)) {
            throw invalid("Header " + name + " has port " + uri.getPort() + "; a port is 1 to 65535 (or leave it out:"
                    + " 443 for https, 80 for http).");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(
                    "Header " + name + " must be the root address of the Odoo server, without path, query or fragment"
                            + " (e.g. https://mycompany.odoo.com, not https://mycompany.odoo.com/odoo).");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !props.allowHttp()) {
            throw refused(
                    "Plain http:// Odoo URLs are refused because the API key would travel unencrypted; use https://"
                            + " (or ask the operator to set ODOO_ALLOW_HTTP=true).");
        }
        if (!allowList.permits(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
            throw refused("Host '" + host + "' is not among the Odoo hosts this bridge may reach (ODOO_ALLOWED_HOSTS);"
                    + " ask the operator to allow it.");
        }
        checkLiteralAddress(host);
        try {
            return new URI(scheme, null, host, uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw invalid("Header " + name + " is not a valid URL; send e.g. https://mycompany.odoo.com.");
        }
    }

    /** IP literals are judged now; names are judged by the resolver when connecting. */
    private void checkLiteralAddress(String host) {
        boolean v6 = host.startsWith("[");
        if (!v6 && !IPV4_LITERAL.matcher(host).matches()) {
            return;
        }
        String literal = v6 ? host.substring(1, host.length() - 1) : host;
        try {
            addressPolicy.check(literal, List.of(v6 ? InetAddress.getByName(literal) : ipv4(literal)));
        } catch (TargetRefusedException e) {
            throw refused(e.getMessage());
        } catch (UnknownHostException e) {
            throw invalid("Header " + OdooCredentials.URL_HEADER + " contains an invalid IP address.");
        }
    }

    /** Parses a dotted quad without ever falling back to a DNS lookup. */
    private static InetAddress ipv4(String literal) throws UnknownHostException {
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw new UnknownHostException("octet out of range");
            }
            bytes[i] = (byte) octet;
        }
        return InetAddress.getByAddress(bytes);
    }

    private static String required(Function<String, String> header, String name, String what) {
        String value = optional(header, name);
        if (value == null) {
            throw invalid("Header " + name + " is missing; send " + what + ".");
        }
        return value;
    }

    private static String optional(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static OdooException invalid(String message) {
        return new OdooException(OdooErrorKind.INVALID_CREDENTIALS, message);
    }

    private static OdooException refused(String message) {
        return new OdooException(OdooErrorKind.TARGET_REFUSED, message);
    }
}
