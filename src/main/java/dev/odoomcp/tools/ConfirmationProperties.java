package dev.odoomcp.tools;

import dev.odoomcp.security.SealingKeys;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.NullUnmarked;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the bridge asks the user before a tool changes data, bound from {@code ODOO_MCP_CONFIRM*}. Checked at
 * start-up.
 *
 * @param confirm {@code ODOO_MCP_CONFIRM}: {@code off}, {@code destructive} (the default: deletes,
 *        irreversible business actions, updates of many records) or {@code writes} (every change)
 * @param confirmTtl {@code ODOO_MCP_CONFIRM_TTL}: how long a confirmation token or pending question stays
 *        valid (default 5 minutes)
 * @param confirmUpdatesAbove {@code ODOO_MCP_CONFIRM_UPDATES_ABOVE}: in {@code destructive} mode, an
 *        {@code update_records} on more records than this needs confirmation (default 10)
 * @param confirmKeys {@code ODOO_MCP_CONFIRM_KEYS}: the key set ({@code id:base64-32-byte-key,...}) that seals
 *        confirmations, the same on every replica; {@code OAUTH_TOKEN_KEYS} is used when it is unset, and a
 *        random key of this process when both are
 */
@ConfigurationProperties("odoo-mcp")
@NullUnmarked // bound by Spring: a setting left out arrives as null and gets its default here
public record ConfirmationProperties(
        String confirm, Duration confirmTtl, Integer confirmUpdatesAbove, List<String> confirmKeys) {

    /** What needs the user's confirmation. */
    public enum Mode {
        /** Nothing: tools run at once, as before. */
        OFF,
        /** Deletes, irreversible business actions and updates of many records. */
        DESTRUCTIVE,
        /** Every call that changes data. */
        WRITES
    }

    public ConfirmationProperties {
        confirm = confirm == null || confirm.isBlank()
                ? "destructive"
                : confirm.strip().toLowerCase(Locale.ROOT);
        mode(confirm); // validates
        confirmTtl = confirmTtl == null ? Duration.ofMinutes(5) : confirmTtl;
        if (confirmTtl.compareTo(Duration.ofSeconds(30)) < 0 || confirmTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("ODOO_MCP_CONFIRM_TTL must be between 30s and 1h, was " + confirmTtl);
        }
        confirmUpdatesAbove = confirmUpdatesAbove == null ? 10 : confirmUpdatesAbove;
        if (confirmUpdatesAbove < 0 || confirmUpdatesAbove > 10_000) {
            throw new IllegalArgumentException(
                    "ODOO_MCP_CONFIRM_UPDATES_ABOVE must be between 0 and 10000, was " + confirmUpdatesAbove);
        }
        confirmKeys = confirmKeys == null
                ? List.of()
                : confirmKeys.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        SealingKeys.parse(confirmKeys, "ODOO_MCP_CONFIRM_KEYS"); // validates
    }

    /** Everything at its default. */
    static ConfirmationProperties defaults() {
        return new ConfirmationProperties(null, null, null, null);
    }

    public Mode mode() {
        return mode(confirm);
    }

    /**
     * The keys that seal confirmations: {@code ODOO_MCP_CONFIRM_KEYS}, else {@code oauthKeys}
     * ({@code OAUTH_TOKEN_KEYS}), else empty (the caller draws a random key).
     */
    Map<String, byte[]> keys(List<String> oauthKeys) {
        if (!confirmKeys.isEmpty()) {
            return SealingKeys.parse(confirmKeys, "ODOO_MCP_CONFIRM_KEYS");
        }
        return SealingKeys.parse(oauthKeys, "OAUTH_TOKEN_KEYS");
    }

    private static Mode mode(String value) {
        return switch (value) {
            case "off", "false", "no", "none" -> Mode.OFF;
            case "destructive" -> Mode.DESTRUCTIVE;
            case "writes", "all" -> Mode.WRITES;
            default ->
                throw new IllegalArgumentException(
                        "ODOO_MCP_CONFIRM must be off, destructive or writes, was '" + value + "'.");
        };
    }
}
