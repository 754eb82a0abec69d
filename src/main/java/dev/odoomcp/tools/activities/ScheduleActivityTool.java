package dev.odoomcp.tools.activities;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.Documents;
import dev.odoomcp.tools.HtmlText;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.ModelCatalog;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.RecordRef;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code schedule_activity}: a to-do, call or meeting on a record, for the caller or another user.
 * Creates the {@code mail.activity} directly with its {@code res_model_id}: {@code activity_schedule}
 * answers a recordset that XML-RPC cannot marshal on 16 to 18 (a fault after the commit).
 */
@Component
class ScheduleActivityTool extends OdooTool<ScheduleActivityTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            @JsonProperty("activity_id") @Min(1) long activityId,
            String model,
            @JsonProperty("res_id") @Min(1) long resId,

            @JsonPropertyDescription("the record's display name")
            String record,

            @JsonProperty("activity_type") RecordRef activityType,

            @JsonProperty("user_id") @JsonPropertyDescription("the user it is assigned to") @Min(1)
            long userId,

            @JsonProperty("date_deadline") @Nullable String dateDeadline,
            @Nullable String summary) {}

    private final ModelCatalog catalog;

    ScheduleActivityTool(OdooGateway gateway, AccessPolicy policy, ModelCatalog catalog, JsonMapper json) {
        super(gateway, policy, json);
        this.catalog = catalog;
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("res.partner");
        prop(input, "res_id", JsonSchemas.integer("Id of the record the activity is about.", 1, null));
        prop(
                input,
                "activity_type",
                JsonSchemas.string("Activity type by name, e.g. 'To-Do', 'Call', 'Email', "
                        + "'Meeting' (as named in this Odoo; an unknown name answers the list)."));
        prop(input, "activity_type_id", JsonSchemas.integer("Activity type by id, instead of activity_type.", 1, null));
        prop(input, "date_deadline", JsonSchemas.string("Due date, YYYY-MM-DD (default: today)."));
        prop(input, "user_id", JsonSchemas.integer("User to assign it to (default: the connected user).", 1, null));
        prop(input, "summary", JsonSchemas.string("Short title, e.g. 'Call about the late delivery'."));
        prop(input, "note", JsonSchemas.string("Details, plain text."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "res_id");
        return tool(
                "schedule_activity",
                "Schedule an activity on an Odoo record",
                "Schedules an activity (to-do, call, e-mail, meeting) on a record of a model with activities, "
                        + "assigned to the connected user unless user_id is given. Example, remind me to call supplier "
                        + "14 on Friday: {\"model\": \"res.partner\", \"res_id\": 14, \"activity_type\": \"Call\", "
                        + "\"date_deadline\": \"2026-12-04\", \"summary\": \"Call about the late delivery\"}. Work "
                        + "out dates from today's date (odoo_context) and confirm them with the user.",
                input,
                Result.class,
                Hints.writes(false, false));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        long resId = arguments.id("res_id");
        Long typeId = arguments.optionalId("activity_type_id");
        String typeName = typeId == null ? arguments.optionalString("activity_type") : null;
        LocalDate due = arguments.date("date_deadline");
        Long user = arguments.optionalId("user_id");
        String summary = arguments.optionalString("summary");
        String note = arguments.optionalString("note");
        Documents.requireActivities(catalog.metadata(session, model));
        String record = Documents.displayName(session, model, resId);
        RecordRef type = ActivityTypes.resolve(session, model, typeId, typeName);
        long userId = user != null ? user : session.server().uid();

        Map<String, Object> vals = new LinkedHashMap<>();
        vals.put("res_model_id", modelId(session, model));
        vals.put("res_id", resId);
        vals.put("activity_type_id", type.id());
        vals.put("user_id", userId);
        if (due != null) {
            vals.put("date_deadline", due.toString());
        }
        if (summary != null && !summary.isBlank()) {
            vals.put("summary", summary.strip());
        }
        if (note != null && !note.isBlank()) {
            vals.put("note", HtmlText.fromPlain(note));
        }
        JsonNode created = session.execute(OrmCalls.create("mail.activity", vals));
        long id = OdooValues.answeredId(created);
        if (id <= 0) {
            throw new ToolInputException("Odoo did not return the id of the new activity.");
        }
        JsonNode saved = session.execute(OrmCalls.read("mail.activity", List.of(id), List.of("date_deadline")))
                .path(0);
        return new Result(
                id,
                model,
                resId,
                record,
                type,
                userId,
                saved.path("date_deadline").isString()
                        ? saved.get("date_deadline").asString()
                        : null,
                summary == null || summary.isBlank() ? null : summary.strip());
    }

    /** The {@code ir.model} id of {@code model}, which {@code mail.activity} requires. */
    private static long modelId(OdooSession session, String model) {
        JsonNode rows = session.execute(OrmCalls.searchRead(
                "ir.model", List.of(List.of("model", "=", model)), List.of("model"), null, 1, null));
        if (rows.isEmpty()) {
            throw new ToolInputException("Odoo does not list model '" + model + "' in ir.model; call list_models.");
        }
        return rows.get(0).path("id").asLong();
    }
}
