package dev.odoomcp.tools;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A related record as the tools answer it ({@code {"id": 7, "name": "Mitchell Admin"}}), made from
 * the {@code [id, name]} pair Odoo sends for a many2one.
 */
public record RecordRef(long id, String name) {

    /** The reference in a many2one value, or null when it is empty ({@code false}). */
    public static @Nullable RecordRef of(JsonNode many2one) {
        if (many2one.isArray() && many2one.size() == 2 && many2one.get(0).isIntegralNumber()) {
            return new RecordRef(many2one.get(0).asLong(), many2one.get(1).asString(""));
        }
        return null;
    }
}
