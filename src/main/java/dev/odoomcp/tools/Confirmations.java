package dev.odoomcp.tools;

import dev.odoomcp.mcp.InputRetry;
import dev.odoomcp.mcp.McpException;
import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.oauth.OAuthProperties;
import dev.odoomcp.security.LimitBackend;
import dev.odoomcp.security.Sealer;
import dev.odoomcp.security.SealingKeys;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The confirmation step before a tool changes data ({@code ODOO_MCP_CONFIRM}), alike for every
 * {@link OdooTool}: a 2026-07-28 client that can show forms is answered with an input-required result whose
 * question the client puts to the user, and resumes with the answer and the sealed state; any other client
 * gets a preview and a short-lived sealed {@code confirmation_token} to send back with the same arguments
 * once the user agreed. Nothing is stored between the two calls but spent nonces.
 */
@Component
public class Confirmations {

    static final String TOKEN_ARGUMENT = "confirmation_token";
    /** The key of the one input request, and the form's only field. */
    static final String CONFIRM = "confirm";

    /** What to do with a call before it runs. */
    sealed interface Step permits Run, Ask, Confirmed, Answer {}

    /** No confirmation is needed: run it. */
    record Run() implements Step {}

    /** Ask the user first: answer with the preview. */
    record Ask() implements Step {}

    /** The user confirmed: spend the nonce, then run. */
    record Confirmed(ConfirmationSeal.Kind kind, String nonce) implements Step {}

    /** Answer this without running anything (the user declined). */
    record Answer(McpSchema.CallToolResult result) implements Step {}

    private final ConfirmationProperties settings;
    private final ConfirmationSeal seal;
    private final JsonMapper json;

    Confirmations(ConfirmationProperties settings, OAuthProperties oauth, LimitBackend backend, JsonMapper json) {
        this.settings = settings;
        Map<String, byte[]> keys = settings.keys(oauth.tokenKeys());
        this.seal = new ConfirmationSeal(
                new Sealer(keys.isEmpty() ? SealingKeys.random() : keys, Clock.systemUTC()),
                backend,
                settings.confirmTtl());
        this.json = json;
    }

    ConfirmationProperties settings() {
        return settings;
    }

    /** Whether some call of a tool with these hints may need confirmation, so its schema offers the token. */
    boolean offered(McpSchema.ToolAnnotations hints) {
        return switch (settings.mode()) {
            case OFF -> false;
            case DESTRUCTIVE -> Boolean.TRUE.equals(hints.destructiveHint());
            case WRITES -> !Boolean.TRUE.equals(hints.readOnlyHint());
        };
    }

    /** {@code definition} with the optional {@code confirmation_token} argument and a word on the step. */
    McpSchema.Tool offering(McpSchema.Tool definition) {
        ObjectNode input = definition.inputSchema().deepCopy();
        JsonSchemas.prop(
                input,
                TOKEN_ARGUMENT,
                JsonSchemas.string("Only after this tool answered with a preview and "
                        + "the user agreed to it: the confirmation_token of that answer, with the same other arguments. "
                        + "Never invent one."));
        return new McpSchema.Tool(
                definition.name(),
                definition.title(),
                definition.description() + " This server "
                        + "asks the user to confirm "
                        + (settings.mode() == ConfirmationProperties.Mode.WRITES
                                ? "every change"
                                : "this kind of change")
                        + ": the first call changes nothing and returns a preview with a "
                        + "confirmation_token (or the client asks the user itself); show the preview to the user and, only if "
                        + "they agree, call again with the same arguments plus confirmation_token.",
                input,
                definition.outputSchema(),
                definition.annotations());
    }

    /** The arguments without {@code confirmation_token}: what the tool runs on and what a confirmation binds. */
    static ObjectNode withoutToken(ObjectNode arguments) {
        if (!arguments.has(TOKEN_ARGUMENT)) {
            return arguments;
        }
        ObjectNode copy = arguments.deepCopy();
        copy.remove(TOKEN_ARGUMENT);
        return copy;
    }

    /**
     * Decides, before anything is sent to Odoo, whether {@code tool} may run {@code args} now.
     *
     * @throws ToolInputException a confirmation that does not hold (with what to do instead)
     */
    Step step(OdooTool<?> tool, ObjectNode raw, ToolArguments args, McpRequestContext context) {
        boolean needed = switch (settings.mode()) {
            case OFF -> false;
            case DESTRUCTIVE -> tool.destructive(args);
            case WRITES -> tool.access(args) == Access.WRITE;
        };
        if (!needed) {
            return new Run();
        }
        JsonNode token = raw.get(TOKEN_ARGUMENT);
        if (token != null && !token.isNull()) {
            if (!token.isString()) {
                throw new ToolInputException("Argument 'confirmation_token' must be the string a preview of "
                        + tool.name() + " gave. Nothing was changed in Odoo.");
            }
            return new Confirmed(
                    ConfirmationSeal.Kind.TOKEN,
                    seal.verify(ConfirmationSeal.Kind.TOKEN, token.asString(), binding(tool, args, context)));
        }
        InputRetry retry = context.retry();
        if (!context.canElicitForms() || retry.requestState() == null) {
            return new Ask();
        }
        String nonce = seal.verify(ConfirmationSeal.Kind.STATE, retry.requestState(), binding(tool, args, context));
        JsonNode answer = retry.response(CONFIRM);
        if (answer == null || !answer.isObject()) {
            return new Ask(); // not answered: ask again (MRTR: a new input-required result, not an error)
        }
        String action = answer.path("action").asString("");
        JsonNode confirmed = answer.path("content").path(CONFIRM);
        if ("accept".equals(action) && confirmed.isBoolean() && confirmed.asBoolean()) {
            return new Confirmed(ConfirmationSeal.Kind.STATE, nonce);
        }
        if ("accept".equals(action) && !confirmed.isBoolean()) {
            return new Ask();
        }
        if (!List.of("accept", "decline", "cancel").contains(action)) {
            throw McpException.invalidParams("params.inputResponses.confirm.action must be accept, decline or cancel.");
        }
        seal.spend(ConfirmationSeal.Kind.STATE, nonce, tool.name());
        return new Answer(McpSchema.CallToolResult.error("Cancelled: the user did not confirm " + tool.name()
                + ", so nothing was changed in Odoo. Do not try again unless the user asks for it."));
    }

    /** Spends a confirmation just before its change is made. */
    void spend(Confirmed confirmed, String tool) {
        seal.spend(confirmed.kind(), confirmed.nonce(), tool);
    }

    /** The question for the user: an input-required result where the client can ask, else a preview with a token. */
    McpSchema.ToolResponse ask(OdooTool<?> tool, ToolArguments args, McpRequestContext context, OdooSession session) {
        ChangePreview preview = tool.preview(args, session);
        ConfirmationSeal.Binding binding = binding(tool, args, context);
        if (context.canElicitForms()) {
            ConfirmationSeal.Issued state = seal.seal(ConfirmationSeal.Kind.STATE, binding);
            return new McpSchema.InputRequiredResult(
                    Map.of(CONFIRM, new McpSchema.InputRequest("elicitation/create", elicitation(preview))),
                    state.value());
        }
        ConfirmationSeal.Issued token = seal.seal(ConfirmationSeal.Kind.TOKEN, binding);
        return ConfirmationAnswers.preview(tool.name(), preview, token, seal.ttl(), json);
    }

    private ObjectNode elicitation(ChangePreview preview) {
        ObjectNode params = json.createObjectNode();
        params.put("mode", "form");
        params.put("message", preview.words() + "\nNothing has been changed yet. Do you want to go ahead?");
        ObjectNode schema = params.putObject("requestedSchema");
        schema.put("type", "object");
        ObjectNode field = schema.putObject("properties").putObject(CONFIRM);
        field.put("type", "boolean");
        field.put("title", "Go ahead");
        field.put("description", "Tick to make this change in Odoo.");
        field.put("default", false);
        schema.putArray("required").add(CONFIRM);
        return params;
    }

    private ConfirmationSeal.Binding binding(OdooTool<?> tool, ToolArguments args, McpRequestContext context) {
        return ConfirmationSeal.Binding.of(
                tool.name(), args.json(), context.caller().requireCredentials(), json);
    }
}
