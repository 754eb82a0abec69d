package dev.odoomcp.odoo;

/**
 * What the bridge learned about a tenant's Odoo: version (for API differences such as
 * {@code read_group} vs {@code formatted_read_group}), the protocol in use, and the uid of the
 * user the credentials belong to.
 *
 * @param version server version string as Odoo reports it, e.g. {@code 18.0} or {@code saas~18.4}
 * @param majorVersion e.g. 18; for {@code saas~18.4} it is 18
 * @param minorVersion e.g. 0 or 4
 * @param protocol wire protocol used for this tenant
 * @param uid id of the authenticated user
 */
public record OdooServer(String version, int majorVersion, int minorVersion, OdooProtocol protocol, long uid) {

    /** True when the server is at least {@code major.minor}. */
    public boolean atLeast(int major, int minor) {
        return majorVersion > major || (majorVersion == major && minorVersion >= minor);
    }
}
