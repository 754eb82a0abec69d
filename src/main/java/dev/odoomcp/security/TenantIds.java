package dev.odoomcp.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names a tenant (one Odoo database at one URL) by a keyed hash, for rate limits, logs and metrics:
 * stable for the same URL and database, meaningless without the key, and never derived from the
 * API key. Set {@code MCP_TENANT_HASH_KEY} to get the same ids on every instance and restart;
 * otherwise a random key is drawn at start-up.
 */
@Component
public class TenantIds {

    private final SecretKeySpec key;
    private final boolean configured;

    TenantIds(@Value("${mcp.tenant-hash-key:}") String configuredKey) {
        byte[] bytes;
        configured = configuredKey != null && !configuredKey.isBlank();
        if (!configured) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        } else if (configuredKey.strip().length() < 16) {
            throw new IllegalArgumentException("MCP_TENANT_HASH_KEY must be at least 16 characters long.");
        } else {
            bytes = configuredKey.strip().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A 16-hex-digit id for the tenant at {@code url} / {@code database}. */
    public String of(URI url, String database) {
        return HexFormat.of().formatHex(mac(url.toString().toLowerCase(Locale.ROOT) + "\n" + database), 0, 8);
    }

    /** Whether {@code MCP_TENANT_HASH_KEY} is set, so that every instance names a tenant the same way. */
    boolean configured() {
        return configured;
    }

    /** A 32-hex-digit keyed digest of any limit key (a client's address, a token name), for shared stores. */
    String digest(String value) {
        return HexFormat.of().formatHex(mac("limit-key\n" + value), 0, 16);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
