package dev.odoomcp.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a key set for {@link Sealer} from its configuration form, {@code id:base64-32-byte-key,...} (the
 * first seals, all open), as {@code OAUTH_TOKEN_KEYS} and {@code MCP_SEALING_KEYS} give it. A bad entry stops
 * the start with a message naming the variable and the entry, never the key material.
 */
public final class SealingKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private SealingKeys() {}

    /**
     * @param entries the configured entries, blanks already removed
     * @param variable the environment variable they come from, for the messages
     */
    public static Map<String, byte[]> parse(List<String> entries, String variable) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            String where = variable + " entry " + (i + 1);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + " must be id:base64-key with an id of 1 to 32 letters, "
                        + "digits, '.', '_' or '-' (for example k2026:$(openssl rand -base64 32)).");
            }
            byte[] key = decode(entry.substring(colon + 1).strip());
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException(where + " (id " + id + ") must hold exactly 32 bytes of key in "
                        + "base64; generate one with: openssl rand -base64 32");
            }
            if (keys.putIfAbsent(id, key) != null) {
                throw new IllegalArgumentException(
                        where + " repeats the key id " + id + "; each key needs its own id.");
            }
        }
        return keys;
    }

    /** A key set of one random key, for a server given none: what it seals opens on this process only. */
    public static Map<String, byte[]> random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("local", key);
    }

    private static byte[] decode(String text) {
        try {
            return text.contains("-") || text.contains("_")
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
