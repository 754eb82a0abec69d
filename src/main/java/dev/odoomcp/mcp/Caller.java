package dev.odoomcp.mcp;

import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooException;
import java.util.Optional;

/**
 * Who sent one request, resolved once before any handler runs: the caller's Odoo credentials (or
 * why there are none), whether they asked for a read-only session, and the key that per-client
 * limits charge. Handlers never see the raw headers, so nothing holding the API key can be logged by
 * accident: {@link #toString()} shows neither key nor token.
 *
 * @param credentials the caller's Odoo credentials, or null when the request carries no valid ones
 * @param credentialsProblem why there are none (the message names what to send), null when present
 * @param readOnly the caller asked for a read-only session ({@code X-Odoo-Read-Only})
 * @param clientKey whom per-client limits charge: {@code token:<name>} for a named access token, else
 *        {@code ip:<address>}
 */
public record Caller(
        OdooCredentials credentials, OdooException credentialsProblem, boolean readOnly, String clientKey) {

    public Caller {
        if ((credentials == null) == (credentialsProblem == null)) {
            throw new IllegalArgumentException("A caller has either credentials or the reason it has none");
        }
    }

    /** A caller with credentials. */
    public static Caller with(OdooCredentials credentials, boolean readOnly, String clientKey) {
        return new Caller(credentials, null, readOnly, clientKey);
    }

    /** A caller without (valid) credentials, and why. */
    public static Caller without(OdooException problem, boolean readOnly, String clientKey) {
        return new Caller(null, problem, readOnly, clientKey);
    }

    /**
     * The credentials, for handlers that reach Odoo.
     *
     * @throws OdooException naming the missing or malformed header, or the refused URL
     */
    public OdooCredentials requireCredentials() {
        if (credentials == null) {
            throw credentialsProblem;
        }
        return credentials;
    }

    /** The credentials when the request carries valid ones. */
    public Optional<OdooCredentials> optionalCredentials() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public String toString() {
        return "Caller[credentials=" + (credentials == null ? "none" : credentials) + ", readOnly=" + readOnly
                + ", client=" + clientKey + "]";
    }
}
