package dev.odoomcp.tools.activities;

import static dev.odoomcp.tools.JsonSchemas.prop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.HtmlText;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.RecordRef;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.ToolsProperties;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code list_activities}: activities to do, the caller's own by default, optionally only overdue
 * ones or those of one record. It names no model of its own ({@link Access#NONE}): a model given is
 * checked against the policy, and activities on models the policy hides are left out. "Overdue" is
 * decided on the date in the user's time zone, as Odoo does ({@code state} cannot be searched).
 */
@Component
class ListActivitiesTool extends OdooTool<ListActivitiesTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            @PositiveOrZero int total,
            @PositiveOrZero int offset,
            List<Activity> activities,
            @PositiveOrZero int returned,

            @JsonProperty("next_offset") @PositiveOrZero @Nullable
            Integer nextOffset,

            @JsonPropertyDescription("today in the user's time zone, what overdue is measured against") @Nullable
            String today) {}

    /** One activity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Activity(
            long id,

            @JsonPropertyDescription("model of the record it is on")
            String model,

            @JsonProperty("res_id") long resId,
            @JsonProperty("record") @Nullable String recordName,
            @JsonProperty("activity_type") @Nullable RecordRef activityType,
            @Nullable String summary,
            @Nullable String note,
            @JsonProperty("date_deadline") @Nullable String dateDeadline,

            @JsonPropertyDescription("overdue, today or planned") @Nullable
            String state,

            @JsonProperty("assigned_to") @Nullable RecordRef assignedTo) {}

    private static final List<String> FIELDS = List.of(
            "res_model",
            "res_id",
            "res_name",
            "activity_type_id",
            "summary",
            "note",
            "date_deadline",
            "state",
            "user_id");

    private final ToolsProperties limits;

    ListActivitiesTool(OdooGateway gateway, AccessPolicy policy, ToolsProperties limits, JsonMapper json) {
        super(gateway, policy, json);
        this.limits = limits;
    }

    @Override
    protected Access access() {
        return Access.NONE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.object();
        prop(
                input,
                "mine",
                JsonSchemas.bool("Only activities assigned to the connected user (default true, or false "
                        + "when a record is given)."));
        prop(input, "overdue", JsonSchemas.bool("Only activities whose due date has passed (default false)."));
        prop(input, "model", JsonSchemas.string("Only activities on this model, e.g. 'crm.lead'."));
        prop(input, "res_id", JsonSchemas.integer("Only activities on this record (with model).", 1, null));
        prop(
                input,
                "limit",
                JsonSchemas.integer(
                        "Most activities to return (default " + limits.defaultLimit() + ", at most " + limits.maxLimit()
                                + ").",
                        1,
                        limits.maxLimit()));
        prop(input, "offset", JsonSchemas.integer("Activities to skip, for the next page (default 0).", 0, null));
        prop(input, "company_ids", JsonSchemas.companyIds());
        return tool(
                "list_activities",
                "List Odoo activities",
                "Lists scheduled activities (to-dos, calls, meetings), soonest due first, with the record each is "
                        + "on. Without arguments: the connected user's own. Example, my overdue activities: "
                        + "{\"overdue\": true}; everything planned on lead 5: {\"model\": \"crm.lead\", \"res_id\": "
                        + "5}. Mark one done with complete_activity.",
                input,
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.optionalString("model") == null ? null : arguments.model();
        Long resId = arguments.optionalId("res_id");
        if (resId != null && model == null) {
            throw new ToolInputException("Give 'model' with 'res_id' (the record's model, e.g. 'crm.lead').");
        }
        if (model != null) {
            policy().checkRead(model);
        }
        boolean mine = arguments.flag("mine", resId == null);
        boolean overdue = arguments.flag("overdue", false);
        int limit = arguments.limit(limits.defaultLimit(), limits.maxLimit());
        int offset = arguments.integer("offset", 0, 0, Integer.MAX_VALUE);

        List<Object> domain = new ArrayList<>();
        domain.add(List.of("res_model", "not in", policy().deniedModelNames()));
        if (model != null) {
            domain.add(List.of("res_model", "=", model));
        }
        if (resId != null) {
            domain.add(List.of("res_id", "=", resId));
        }
        if (mine) {
            domain.add(List.of("user_id", "=", session.server().uid()));
        }
        String today = null;
        if (overdue) {
            today = today(session).toString();
            domain.add(List.of("date_deadline", "<", today));
        }
        JsonNode rows = session.execute(
                OrmCalls.searchRead("mail.activity", domain, FIELDS, offset, limit, "date_deadline asc, id asc"));
        int total = offset == 0 && rows.size() < limit
                ? rows.size()
                : session.execute(OrmCalls.searchCount("mail.activity", domain)).asInt();
        List<Activity> activities = new ArrayList<>();
        for (JsonNode row : rows) {
            String on = row.path("res_model").asString("");
            if (policy().readable(on)) { // operator patterns (wildcards, allow-list) the domain cannot express
                activities.add(activity(row));
            }
        }
        int returned = rows.size();
        return new Result(
                total,
                offset,
                activities,
                activities.size(),
                offset + returned < total ? offset + returned : null,
                today);
    }

    /** Today in the user's time zone (Odoo's {@code tz}), UTC when it has none. */
    private static LocalDate today(OdooSession session) {
        JsonNode tz = session.execute(OrmCalls.contextGet()).path("tz");
        ZoneId zone = ZoneOffset.UTC;
        if (tz.isString() && !tz.asString().isBlank()) {
            try {
                zone = ZoneId.of(tz.asString());
            } catch (DateTimeException e) {
                zone = ZoneOffset.UTC;
            }
        }
        return LocalDate.now(zone);
    }

    private static Activity activity(JsonNode row) {
        String note = row.path("note").isString() ? HtmlText.of(row.get("note").asString()) : null;
        return new Activity(
                row.path("id").asLong(),
                row.path("res_model").asString(""),
                row.path("res_id").asLong(),
                OdooValues.text(row.path("res_name")),
                RecordRef.of(row.path("activity_type_id")),
                OdooValues.text(row.path("summary")),
                note == null || note.isEmpty() ? null : note,
                OdooValues.text(row.path("date_deadline")),
                OdooValues.text(row.path("state")),
                RecordRef.of(row.path("user_id")));
    }
}
