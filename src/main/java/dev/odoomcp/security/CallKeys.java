package dev.odoomcp.security;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Whom one tool call is charged to. A call whose credentials Odoo has accepted before is charged to
 * its tenant; one whose credentials are unknown (a first login, or junk aimed at someone else's Odoo)
 * is charged to its client and to those exact credentials instead, so nobody can spend a company's
 * budget by knowing its public URL and database name. Every call is also charged to its client.
 *
 * @param tenantId keyed id of the Odoo URL and database ({@link TenantIds})
 * @param credentialsKey a digest of the full credentials (never the key itself)
 * @param clientKey the caller: its access-token name, else its network address
 * @param verified whether Odoo has accepted these credentials recently (asked again after waiting)
 */
public record CallKeys(String tenantId, String credentialsKey, String clientKey, BooleanSupplier verified) {

    public CallKeys {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(credentialsKey, "credentialsKey");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(verified, "verified");
    }

    @Override
    public String toString() {
        return "CallKeys[tenant=" + tenantId + ", client=" + clientKey + "]";
    }
}
