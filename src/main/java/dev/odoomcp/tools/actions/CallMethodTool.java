package dev.odoomcp.tools.actions;

import static dev.odoomcp.tools.JsonSchemas.prop;
import static dev.odoomcp.tools.JsonSchemas.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.ChangePreview;
import dev.odoomcp.tools.JsonSchemas;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.ToolArguments;
import dev.odoomcp.tools.ToolInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code call_method}: run a business action (confirm, validate, post, cancel). When the action
 * answers with a window action, i.e. Odoo wants to show a wizard, the result says how to finish it.
 * It reads or writes its model depending on the method, so it stays listed in read-only mode and
 * refuses the methods that change data there.
 */
@Component
class CallMethodTool extends OdooTool<CallMethodTool.Result> {

    /** {@code result} is always there (null when the method returned nothing or opened a window action). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String model,
            String method,

            @JsonInclude(JsonInclude.Include.ALWAYS)
            @JsonPropertyDescription("what the method returned (any JSON value, null when it returned nothing)")
            @Nullable
            JsonNode result,

            @JsonPropertyDescription("when Odoo answered with a window action (a wizard or a form to open): its "
                    + "model, record and context")
            @Nullable
            ObjectNode action,

            @JsonProperty("next_step") @Nullable String nextStep) {}

    private static final Pattern METHOD = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,127}");
    /** Methods that only read: allowed even when the connection is read-only. */
    private static final Set<String> READ_METHODS = Set.of(
            "read",
            "search_read",
            "search",
            "search_count",
            "fields_get",
            "name_search",
            "read_group",
            "formatted_read_group",
            "default_get",
            "name_get",
            "check_access_rights",
            "has_group",
            "context_get");

    private static final Set<String> REFUSED =
            Set.of("sudo", "with_user", "with_context", "with_env", "with_company", "unlink_all", "init", "browse");
    private static final int MAX_IDS = 100;
    /**
     * Business steps that cannot simply be undone, asked for confirmation in {@code ODOO_MCP_CONFIRM=destructive}
     * mode: posting an accounting entry (it gets its number and hash), validating a transfer or finishing a
     * manufacturing order (stock moves are done; only a return reverses them), applying an inventory count.
     * Besides these, every method whose name contains one of {@link #DESTRUCTIVE_WORDS}.
     */
    static final Set<String> DESTRUCTIVE_METHODS = Set.of(
            "action_post",
            "post",
            "button_validate",
            "action_done",
            "button_mark_done",
            "action_validate",
            "action_apply_inventory");
    /** Deleting and cancelling, whatever the model calls it: unlink, action_cancel, button_cancel, action_delete... */
    static final List<String> DESTRUCTIVE_WORDS = List.of("unlink", "cancel", "delete");

    CallMethodTool(OdooGateway gateway, AccessPolicy policy, JsonMapper json) {
        super(gateway, policy, json);
    }

    /** Reads for the methods that only read, writes for every other. */
    @Override
    protected Access access(ToolArguments arguments) {
        return READ_METHODS.contains(method(arguments)) ? Access.READ : Access.WRITE;
    }

    /**
     * Deleting, cancelling and the irreversible steps ({@link #DESTRUCTIVE_METHODS}); a raw {@code write} like
     * update_records, when it changes many records.
     */
    @Override
    protected boolean destructive(ToolArguments arguments) {
        String method = method(arguments).toLowerCase(java.util.Locale.ROOT);
        if ("write".equals(method)) {
            return arguments.raw("ids") != null && arguments.ids("ids", MAX_IDS).size() > confirmUpdatesAbove();
        }
        return DESTRUCTIVE_METHODS.contains(method)
                || DESTRUCTIVE_WORDS.stream().anyMatch(method::contains);
    }

    @Override
    protected ChangePreview preview(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        String method = method(arguments);
        List<Long> ids = arguments.raw("ids") == null ? List.of() : arguments.ids("ids", MAX_IDS);
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        if (arguments.array("args") != null) {
            changes.set("args", arguments.array("args"));
        }
        if (arguments.object("kwargs", false) != null) {
            changes.set("kwargs", arguments.object("kwargs", false));
        }
        String on = ids.isEmpty() ? "the model " + model : records(ids.size()) + " of " + model;
        return ChangePreview.of(
                        "Run " + method + " on " + on
                                + (destructive(arguments) ? " (a step that cannot " + "simply be undone)." : "."),
                        model,
                        ids,
                        session)
                .withMethod(method)
                .withChanges(changes);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode input = JsonSchemas.onModel("sale.order");
        prop(
                input,
                "method",
                JsonSchemas.string("Public method name, e.g. action_confirm, button_confirm, "
                        + "button_validate, action_post, button_cancel, action_assign."));
        prop(
                input,
                "ids",
                JsonSchemas.arrayOf(
                        JsonSchemas.integer(null, 1, null),
                        "Records to run the method on "
                                + "(most business actions need them). Leave out for model-level methods."));
        prop(
                input,
                "args",
                JsonSchemas.arrayOf(
                        JsonSchemas.typed("object", null).put("description", "any JSON value"),
                        "Arguments after the ids, in the method's order. Up to Odoo 18 (XML-RPC) the safe way: modules "
                                + "rename parameters (a timesheet's write takes 'values', not 'vals'). Not on Odoo 19+ JSON-2: use kwargs."));
        prop(input, "kwargs", JsonSchemas.anyObject("Named arguments of the method, sent as given."));
        prop(input, "company_ids", JsonSchemas.companyIds());
        required(input, "model", "method");
        ((ObjectNode) input.path("properties").path("args")).remove("items");
        return tool(
                "call_method",
                "Run an Odoo business action",
                "Runs a public method of a model, typically a button of a business document: confirm a sales "
                        + "order {\"model\": \"sale.order\", \"method\": \"action_confirm\", \"ids\": [42]}; confirm "
                        + "a purchase order (method button_confirm); confirm a manufacturing order (mrp.production, "
                        + "action_confirm); validate a transfer (stock.picking, button_validate); post an invoice "
                        + "(account.move, action_post). Methods starting with '_' are private and refused. If the "
                        + "result contains 'action', Odoo opened a wizard: follow 'next_step'. Business actions change "
                        + "real data: be sure the user wants it.",
                input,
                Result.class,
                Hints.writes(true, false));
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        String method = method(arguments);
        List<Long> ids = arguments.raw("ids") == null ? null : arguments.ids("ids", MAX_IDS);
        ArrayNode args = arguments.array("args");
        List<Object> positional = new ArrayList<>();
        if (args != null) {
            args.forEach(arg -> {
                AccessPolicy.checkNoSecretNames(arg, "args");
                positional.add(OdooValues.plain(arg));
            });
        }
        ObjectNode kwargs = arguments.object("kwargs", false);
        Map<String, Object> named = new LinkedHashMap<>();
        if (kwargs != null) {
            kwargs.properties().forEach(e -> {
                AccessPolicy.checkNotSecret(e.getKey(), "kwargs");
                AccessPolicy.checkNoSecretNames(e.getValue(), "kwargs");
                named.put(e.getKey(), OdooValues.plain(e.getValue()));
            });
        }
        JsonNode answer = session.execute(OrmCalls.method(model, method, ids, positional, named));
        if (answer.isObject() && answer.path("type").asString("").startsWith("ir.actions.act_window")) {
            return new Result(model, method, null, windowAction(answer), nextStep(answer));
        }
        return new Result(
                model, method, answer.isMissingNode() ? null : AccessPolicy.withoutSecrets(answer), null, null);
    }

    /** The method to call, checked: public, well-formed, not one the bridge refuses. */
    private static String method(ToolArguments arguments) {
        String method = arguments.requiredString("method").strip();
        if (method.startsWith("_") || !METHOD.matcher(method).matches()) {
            throw new ToolInputException("Method '" + ToolArguments.abbreviate(method) + "' cannot be called: only "
                    + "public methods (no leading underscore, letters, digits and '_') are allowed.");
        }
        if (REFUSED.contains(method) || AccessPolicy.isSecretField(method)) {
            throw new ToolInputException("Method '" + method + "' is not available through this bridge.");
        }
        return method;
    }

    private static ObjectNode windowAction(JsonNode action) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String key : List.of("type", "name", "res_model", "res_id", "view_mode", "target", "domain")) {
            if (action.has(key)
                    && !action.get(key).isNull()
                    && !(action.get(key).isBoolean() && !action.get(key).asBoolean())) {
                kept.set(key, action.get(key));
            }
        }
        if (action.path("context").isObject()) {
            kept.set("context", action.get("context"));
        }
        return kept;
    }

    private static String nextStep(JsonNode action) {
        String wizard = action.path("res_model").asString("the wizard model");
        if ("new".equals(action.path("target").asString())
                && !action.path("res_id").isIntegralNumber()) {
            return "Odoo wants the user to fill in a wizard (" + wizard + "). To complete it: create_record on '"
                    + wizard + "' with the values the user chooses (the context's default_* keys show what Odoo "
                    + "pre-fills), then call_method on the new wizard record with its confirm button (see "
                    + "describe_model / the wizard's buttons, often 'process', 'action_apply' or 'action_confirm').";
        }
        return "Odoo answered with a view of " + wizard
                + (action.path("res_id").isIntegralNumber()
                        ? " record " + action.get("res_id").asLong()
                        : "") + "; read it with read_records or search_records "
                + "if the user needs its details.";
    }
}
