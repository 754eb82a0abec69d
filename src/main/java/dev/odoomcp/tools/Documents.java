package dev.odoomcp.tools;

import dev.odoomcp.odoo.OrmCalls;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The business record ("document") that messages, activities and attachments hang on: whether
 * its model has a chatter or activities, and whether the record exists for this user. Shared by
 * the chatter, activity and attachment tools so that each refuses alike, with a hint.
 */
public final class Documents {

    private Documents() {}

    /** Refuses a model without chatter (not a {@code mail.thread}), saying what to do instead. */
    public static void requireChatter(ModelMetadata metadata) {
        if (!metadata.hasChatter()) {
            throw new ToolInputException("Model '" + metadata.model() + "' has no chatter (it does not inherit "
                    + "mail.thread), so its records have no messages or notes. Post on the business document it "
                    + "belongs to instead (e.g. the order rather than an order line), or change a field with "
                    + "update_records.");
        }
    }

    /** Refuses a model whose records take no activities (not a {@code mail.activity.mixin}). */
    public static void requireActivities(ModelMetadata metadata) {
        if (!metadata.hasActivities()) {
            throw new ToolInputException("Model '" + metadata.model() + "' has no activities (it does not inherit "
                    + "mail.activity.mixin), so nothing can be scheduled on its records. Schedule the activity on "
                    + "the business document it belongs to instead (an order, a contact, a task).");
        }
    }

    /** The record's display name; a clear error when it does not exist or the user cannot see it. */
    public static String displayName(OdooSession session, String model, long id) {
        JsonNode rows = session.execute(
                OrmCalls.searchRead(model, List.of(List.of("id", "=", id)), List.of("display_name"), null, 1, null));
        if (rows.isEmpty()) {
            throw new ToolInputException("Record " + model + " " + id + " does not exist or is not visible to this "
                    + "user; find its id with name_search or search_records.");
        }
        return rows.get(0).path("display_name").asString(model + "," + id);
    }
}
