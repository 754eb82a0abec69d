package dev.odoomcp.odoo;

import java.util.function.Function;

/**
 * Builds the per-request {@link OdooClient} for one caller. The factory owns what is shared
 * between tenants and safe to share: one pooled HTTP transport (no credentials in it) and
 * bounded caches of protocol detection and uid keyed by hashes of the credentials.
 */
public interface OdooClientFactory {

    /**
     * Reads and validates the credentials headers ({@code X-Odoo-Url}, {@code X-Odoo-Db},
     * {@code X-Odoo-Username}, {@code X-Odoo-Api-Key}, {@code X-Odoo-Protocol}).
     *
     * @param header looks a request header up by name (case-insensitive), null when absent
     * @throws OdooException {@link OdooErrorKind#INVALID_CREDENTIALS} naming the missing or wrong
     *         header, or {@link OdooErrorKind#TARGET_REFUSED} for a URL the operator does not allow
     */
    OdooCredentials credentialsFrom(Function<String, String> header);

    /** A client for these credentials; connects lazily on the first call. */
    OdooClient clientFor(OdooCredentials credentials);

    /**
     * Whether Odoo accepted exactly these credentials recently (their login is cached); never
     * connects. Limits charge a tenant only for calls whose credentials are known good.
     */
    boolean recentlyAccepted(OdooCredentials credentials);
}
