package dev.odoomcp.odoo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One caller's Odoo credentials, read from the request headers of one MCP request and never
 * stored. {@link #toString()} never shows the key.
 *
 * @param url base URL of the Odoo, e.g. {@code https://acme.odoo.com} (no path, no trailing slash)
 * @param database database name ({@code X-Odoo-Db})
 * @param username login ({@code X-Odoo-Username}); may be null when JSON-2 is used
 * @param apiKey API key ({@code X-Odoo-Api-Key})
 * @param protocol forced protocol ({@code X-Odoo-Protocol}), or empty to detect it
 */
public record OdooCredentials(
        URI url, String database, String username, String apiKey, Optional<OdooProtocol> protocol) {

    public static final String URL_HEADER = "X-Odoo-Url";
    public static final String DB_HEADER = "X-Odoo-Db";
    public static final String USERNAME_HEADER = "X-Odoo-Username";
    public static final String API_KEY_HEADER = "X-Odoo-Api-Key";
    public static final String PROTOCOL_HEADER = "X-Odoo-Protocol";

    /**
     * A SHA-256 over every part of the credentials, for keys of per-tenant caches: two callers share
     * a cache entry only when they present exactly the same URL, database, login and key.
     */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {url.toString(), database, username == null ? "" : username, apiKey}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "OdooCredentials[url=" + url + ", database=" + database + ", username=" + username
                + ", apiKey=***, protocol=" + protocol.map(Enum::name).orElse("auto") + "]";
    }
}
