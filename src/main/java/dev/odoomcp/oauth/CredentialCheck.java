package dev.odoomcp.oauth;

import dev.odoomcp.odoo.OdooClient;
import dev.odoomcp.odoo.OdooClientFactory;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooErrorKind;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.security.CallKeys;
import dev.odoomcp.security.LimitExceededException;
import dev.odoomcp.security.TenantCallGuard;
import dev.odoomcp.security.TenantIds;
import java.util.function.Function;

/**
 * Checks Odoo credentials live, the way a tool call would: parsed by the Odoo client factory (same URL
 * checks, allow-lists and SSRF guard as header mode), then a login through the same client, run within
 * {@link TenantCallGuard}'s limits and deadline (charged to the caller and the unverified budget until Odoo
 * accepts them, never to the tenant). Used by the consent page and on every refresh.
 */
final class CredentialCheck {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CredentialCheck.class);

    /** What the check found. */
    sealed interface Outcome permits Accepted, Refused, Unavailable {}

    /** Odoo accepted the credentials. */
    record Accepted(OdooCredentials credentials) implements Outcome {}

    /**
     * The credentials are definitely wrong or not allowed.
     *
     * @param field which form field is at fault
     * @param problem what is wrong, as a message key of the consent page
     * @param detail the bridge's own explanation (names a host or setting, never the key), or null
     */
    record Refused(Field field, String problem, String detail) implements Outcome {}

    /**
     * Odoo could not be asked (unreachable, too slow, a limit): nothing is known about the credentials.
     *
     * @param retryAfterSeconds when a limit refused the check, seconds to wait; else 0
     */
    record Unavailable(String problem, String detail, long retryAfterSeconds) implements Outcome {}

    /** The consent form's fields. */
    enum Field {
        URL,
        DATABASE,
        LOGIN,
        KEY,
        ACCESS_TOKEN
    }

    private final OdooClientFactory odoo;
    private final TenantCallGuard guard;
    private final TenantIds tenantIds;

    CredentialCheck(OdooClientFactory odoo, TenantCallGuard guard, TenantIds tenantIds) {
        this.odoo = odoo;
        this.guard = guard;
        this.tenantIds = tenantIds;
    }

    /** Parses credentials without contacting Odoo; a {@link Refused} outcome when they are malformed or not allowed. */
    Outcome parse(Function<String, String> header) {
        try {
            return new Accepted(odoo.credentialsFrom(header));
        } catch (OdooException e) {
            if (e.kind() == OdooErrorKind.TARGET_REFUSED) {
                return new Refused(Field.URL, "refused", e.getMessage());
            }
            return new Refused(fieldNamedIn(e.getMessage()), "invalid", null);
        }
    }

    /** Logs in with already parsed credentials, on behalf of {@code clientKey} (a login cached recently counts). */
    Outcome login(OdooCredentials credentials, String clientKey) {
        return check(credentials, clientKey, false);
    }

    /**
     * Asks Odoo now whether it still accepts these credentials, even if a login is cached: the login, then one
     * call every user may make ({@code res.users.context_get}), which Odoo answers only for a valid key.
     */
    Outcome stillAccepted(OdooCredentials credentials, String clientKey) {
        return check(credentials, clientKey, true);
    }

    private Outcome check(OdooCredentials credentials, String clientKey, boolean callOdoo) {
        CallKeys keys = new CallKeys(
                tenantIds.of(credentials.url(), credentials.database()),
                credentials.fingerprint(),
                clientKey,
                () -> odoo.recentlyAccepted(credentials));
        try {
            guard.call(keys, () -> {
                OdooClient client = odoo.clientFor(credentials);
                client.server();
                if (callOdoo) {
                    client.execute(OrmCalls.contextGet());
                }
                return null;
            });
            return new Accepted(credentials);
        } catch (LimitExceededException e) {
            return new Unavailable("limited", null, Math.max(1, e.retryAfter().toSeconds()));
        } catch (OdooException e) {
            return switch (e.kind()) {
                case AUTHENTICATION_FAILED, ACCESS_DENIED -> new Refused(Field.KEY, "auth", null);
                case NOT_FOUND -> new Refused(Field.DATABASE, "database", null);
                case TARGET_REFUSED -> new Refused(Field.URL, "refused", e.getMessage());
                case INVALID_CREDENTIALS -> new Refused(fieldNamedIn(e.getMessage()), "invalid", null);
                case UNSUPPORTED -> new Refused(Field.LOGIN, "login", null);
                default -> new Unavailable("unreachable", e.getMessage(), 0);
            };
        } catch (RuntimeException e) {
            log.error("Unexpected failure while checking Odoo credentials for the consent page or a refresh", e);
            return new Unavailable("unreachable", "The bridge failed unexpectedly; the failure was logged.", 0);
        }
    }

    private static Field fieldNamedIn(String message) {
        String m = message == null ? "" : message;
        if (m.contains(OdooCredentials.DB_HEADER)) {
            return Field.DATABASE;
        }
        if (m.contains(OdooCredentials.USERNAME_HEADER)) {
            return Field.LOGIN;
        }
        if (m.contains(OdooCredentials.API_KEY_HEADER)) {
            return Field.KEY;
        }
        return Field.URL;
    }
}
