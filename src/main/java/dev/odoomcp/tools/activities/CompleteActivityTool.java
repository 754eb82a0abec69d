package dev.odoomcp.tools.activities;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OdooCall;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import dev.odoomcp.tools.attachments.Attachments;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code complete_activity}: marks an activity done with {@code action_feedback(feedback,
 * attachment_ids)}, which posts the "done" message on the record and answers its id (an int or
 * False in every version, so safe over XML-RPC). The model named is checked against the policy and
 * must be the one the activity is on.
 */
@Component
class CompleteActivityTool extends OdooTool<CompleteActivityTool.Result> {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            @JsonProperty("activity_id") @Min(1) long activityId,
            String model,
            @JsonProperty("res_id") long resId,
            @Nullable String summary,
            boolean done,

            @JsonProperty("message_id") @JsonPropertyDescription("the chatter message that records it") @Nullable
            Long messageId) {}

    CompleteActivityTool(OdooGateway gateway, AccessPolicy policy, JsonMapper json) {
        super(gateway, policy, json);
    }

    @Override
    protected Access access() {
        return Access.WRITE;
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("res.partner");
        ((ObjectNode) input.path("properties").path("model"))
                .put(
                        "description",
                        "Model of the record the activity "
                                + "is on ('model' in list_activities), e.g. 'res.partner'.");
        prop(input, "activity_id", JsonSchemas.integer("Id of the activity (from list_activities).", 1, null));
        prop(input, "feedback", JsonSchemas.string("What was done, plain text; it is logged in the record's chatter."));
        prop(
                input,
                "attachment_ids",
                JsonSchemas.arrayOf(
                        JsonSchemas.integer(null, 1, null),
                        "Files to add to the " + "done message: ids from upload_attachment on the same record."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "activity_id");
        return tool(
                "complete_activity",
                "Mark an Odoo activity as done",
                "Marks an activity done, with optional feedback logged in the record's chatter; Odoo then removes "
                        + "it from the to-do list. Example: {\"model\": \"res.partner\", \"activity_id\": 12, "
                        + "\"feedback\": \"Called, delivery moved to Monday.\"}. Find ids with list_activities.",
                input,
                Result.class,
                Hints.writes(false, false));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        long id = arguments.id("activity_id");
        String feedback = arguments.optionalString("feedback");
        List<Long> attachments =
                arguments.raw("attachment_ids") == null ? List.of() : arguments.ids("attachment_ids", 20);
        JsonNode rows = session.execute(OrmCalls.searchRead(
                "mail.activity",
                List.of(List.of("id", "=", id)),
                List.of("res_model", "res_id", "summary"),
                null,
                1,
                null));
        if (rows.isEmpty()) {
            throw new ToolInputException("Activity " + id + " does not exist, is already done or is not visible to "
                    + "this user; call list_activities to see the open ones.");
        }
        JsonNode activity = rows.get(0);
        String on = activity.path("res_model").asString("");
        if (!model.equals(on)) {
            throw new ToolInputException("Activity " + id + " is on a record of '" + on + "', not '" + model
                    + "'; call complete_activity again with model '" + on + "'.");
        }
        long resId = activity.path("res_id").asLong();
        Attachments.requireOn(session, attachments, model, resId);
        OdooCall done = OdooCall.onRecords("mail.activity", "action_feedback", List.of(id))
                .param("feedback", feedback == null || feedback.isBlank() ? null : feedback.strip(), false)
                .param(
                        "attachment_ids",
                        attachments.isEmpty()
                                ? null
                                : attachments.stream().map(Long::intValue).toList(),
                        List.of());
        JsonNode answer = session.execute(done);
        long messageId = OdooValues.answeredId(answer);
        return new Result(
                id,
                model,
                resId,
                activity.path("summary").isString() ? activity.get("summary").asString() : null,
                true,
                messageId > 0 ? messageId : null);
    }
}
