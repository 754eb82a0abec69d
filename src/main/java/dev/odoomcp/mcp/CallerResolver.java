package dev.odoomcp.mcp;

import dev.odoomcp.oauth.OAuthCaller;
import dev.odoomcp.oauth.OAuthCallers;
import dev.odoomcp.odoo.OdooClientFactory;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.security.AccessTokenFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns one request's headers into its {@link Caller}, once: the Odoo credentials headers are parsed
 * and validated (an invalid set is kept as the reason, reported only to handlers that need Odoo), and
 * {@code X-Odoo-Read-Only} is read strictly. A value that is neither a true nor a false word is refused
 * for the whole request: guessing would risk running writes for a caller who asked for none. A request whose
 * bearer access token (OAuth mode) was opened by the OAuth filter takes the credentials sealed in that token
 * instead of any {@code X-Odoo-*} header; {@code X-Odoo-Read-Only} can still narrow it to read-only.
 */
@Component
class CallerResolver {

    static final String READ_ONLY_HEADER = "X-Odoo-Read-Only";

    private final OdooClientFactory odoo;
    private final OAuthCallers oauth;

    CallerResolver(OdooClientFactory odoo, OAuthCallers oauth) {
        this.odoo = odoo;
        this.oauth = oauth;
    }

    /**
     * @param headers the request headers, names in lower case
     * @throws McpException (-32602) when {@code X-Odoo-Read-Only} has an unrecognised value
     */
    Caller resolve(HttpServletRequest request, Map<String, String> headers) {
        boolean readOnly = readOnly(headers.get(READ_ONLY_HEADER.toLowerCase(Locale.ROOT)));
        OAuthCaller token = oauth.of(request).orElse(null);
        if (token != null) {
            return Caller.with(token.credentials(), readOnly || token.readOnly(), token.clientKey());
        }
        String clientKey = clientKey(request);
        try {
            return Caller.with(
                    odoo.credentialsFrom(name -> headers.get(name.toLowerCase(Locale.ROOT))), readOnly, clientKey);
        } catch (OdooException e) {
            return Caller.without(e, readOnly, clientKey);
        }
    }

    /** The words Spring accepts for the server-wide {@code ODOO_MCP_READ_ONLY} too. */
    static boolean readOnly(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default ->
                throw McpException.invalidParams("Header " + READ_ONLY_HEADER
                        + " must be true or false (also accepted: 1/0, yes/no, on/off); leave it out for a session that "
                        + "may write. Nothing was run.");
        };
    }

    private static String clientKey(HttpServletRequest request) {
        Object token = request.getAttribute(AccessTokenFilter.TOKEN_NAME);
        if (token instanceof String name && !name.isEmpty() && !"anonymous".equals(name)) {
            return "token:" + name;
        }
        return "ip:" + request.getRemoteAddr();
    }
}
