package dev.odoomcp.tools.activities;

import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.RecordRef;
import dev.odoomcp.tools.ToolInputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Finds the {@code mail.activity.type} an assistant means, by id or by name (case-insensitive), among
 * the types Odoo offers for the model ({@code res_model} empty or the model). An unknown type is
 * refused with the list of the ones that exist.
 */
final class ActivityTypes {

    private static final List<String> FIELDS = List.of("name", "res_model");

    private ActivityTypes() {}

    static RecordRef resolve(OdooSession session, String model, @Nullable Long id, @Nullable String name) {
        List<Object> forModel = List.of("|", List.of("res_model", "=", false), List.of("res_model", "=", model));
        List<Object> domain = new ArrayList<>(forModel);
        if (id != null) {
            domain.add(List.of("id", "=", id));
        } else if (name != null) {
            domain.add(List.of("name", "=ilike", name.strip()));
        } else {
            throw new ToolInputException("Give the activity type: 'activity_type' (a name such as 'To-Do' or 'Call') "
                    + "or 'activity_type_id'.");
        }
        JsonNode found = session.execute(OrmCalls.searchRead("mail.activity.type", domain, FIELDS, null, 1, null));
        if (!found.isEmpty()) {
            return new RecordRef(
                    found.get(0).path("id").asLong(), found.get(0).path("name").asString(""));
        }
        List<String> available = new ArrayList<>();
        session.execute(OrmCalls.searchRead("mail.activity.type", forModel, FIELDS, null, 50, null))
                .forEach(type -> available.add("'" + type.path("name").asString("") + "' (id "
                        + type.path("id").asLong() + ")"));
        throw new ToolInputException("Activity type " + (id != null ? "id " + id : "'" + name + "'")
                + " does not exist for " + model + ". Available types: "
                + (available.isEmpty() ? "none (activities are not set up in this Odoo)" : String.join(", ", available))
                + ".");
    }
}
