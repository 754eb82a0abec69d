package dev.odoomcp.tools;

import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.mcp.McpTool;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.security.LimitExceededException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Base of every tool that talks to the caller's Odoo. A tool declares its definition, what it does
 * to the model it names ({@link #access()}) and a typed result; this class does the rest alike for
 * all: it generates the {@code outputSchema} from the result record, hides write tools in read-only
 * mode, runs the call through the {@link OdooGateway} (credentials, limits, deadline), checks the
 * model against the {@link AccessPolicy} before the tool runs, answers the result as
 * {@code structuredContent} and, for clients that read only text, as the same JSON in a text block,
 * and turns every failure (bad arguments, missing credentials, Odoo refusals, unreachable Odoo,
 * limits) into a result with {@code isError} and an actionable message. A call that changes data asks the
 * user first when {@code ODOO_MCP_CONFIRM} says so ({@link Confirmations}); a tool says which of its calls are
 * destructive ({@link #destructive}) and what the user is shown ({@link #preview}).
 *
 * @param <R> the tool's result: a record whose JSON is the structured content
 */
public abstract class OdooTool<R extends Record> implements McpTool {

    private final OdooGateway gateway;
    private final AccessPolicy policy;
    private final JsonMapper json;
    private volatile McpSchema.@Nullable Tool definition;

    protected OdooTool(OdooGateway gateway, AccessPolicy policy, JsonMapper json) {
        this.gateway = gateway;
        this.policy = policy;
        this.json = json;
    }

    /** What the assistant may touch, for tools that filter what they show (list_models). */
    protected final AccessPolicy policy() {
        return policy;
    }

    /** The mapper of the application, for tools that build or measure JSON. */
    protected final JsonMapper json() {
        return json;
    }

    /** The tool's definition; build it with {@link #tool}. */
    protected abstract McpSchema.Tool define();

    /**
     * Runs the tool, after the model it names has passed the access check; throws
     * {@link ToolInputException} or {@link OdooException} on failure.
     */
    protected abstract R run(ToolArguments arguments, OdooSession session);

    /**
     * What the tool does to the model in its {@code model} argument: {@link Access#READ} unless
     * overridden. {@link Access#WRITE} tools are hidden, and refused before anything is sent, in
     * read-only mode.
     */
    protected Access access() {
        return Access.READ;
    }

    /** What this call does to its model, for tools that decide per call (call_method); {@link #access()} otherwise. */
    protected Access access(ToolArguments arguments) {
        return access();
    }

    /**
     * Whether this call is destructive or irreversible, so that {@code ODOO_MCP_CONFIRM=destructive} asks the
     * user first: what the tool's {@code destructiveHint} says unless overridden per call (update_records on
     * many records, call_method on cancel/post/validate...). Runs before anything is sent to Odoo.
     */
    protected boolean destructive(ToolArguments arguments) {
        return Boolean.TRUE.equals(definition().annotations().destructiveHint());
    }

    /**
     * What the user is shown before confirming this call; it may read Odoo (bounded) and must check the
     * arguments as {@link #run} would. By default: the tool, the records named by {@code ids} and the other
     * arguments.
     */
    protected ChangePreview preview(ToolArguments arguments, OdooSession session) {
        String model = arguments.model();
        List<Long> ids = arguments.raw("ids") == null ? List.of() : arguments.ids("ids", 1_000);
        ObjectNode rest = arguments.json().deepCopy();
        rest.remove(List.of("model", "ids", "company_ids"));
        return ChangePreview.of(
                        definition().title() + " (" + name() + ") on " + model
                                + (ids.isEmpty() ? "" : ", " + records(ids.size())) + ".",
                        model,
                        ids,
                        session)
                .withChanges(rest);
    }

    /** "1 record", "3 records". */
    protected static String records(int count) {
        return count == 1 ? "1 record" : count + " records";
    }

    /** Above how many records {@code ODOO_MCP_CONFIRM_UPDATES_ABOVE} counts a bulk change as destructive. */
    protected final int confirmUpdatesAbove() {
        return gateway.confirmations().settings().confirmUpdatesAbove();
    }

    /**
     * A definition whose {@code outputSchema} is generated from {@code result} and whose annotations
     * carry the title.
     */
    protected final McpSchema.Tool tool(
            String name, String title, String description, ObjectNode inputSchema, Class<R> result, Hints hints) {
        return new McpSchema.Tool(
                name,
                title,
                description,
                inputSchema,
                ResultSchemas.of(result),
                new McpSchema.ToolAnnotations(title, hints.readOnly(), hints.destructive(), hints.idempotent(), true));
    }

    /** Generated once, when the tool catalog is built at start-up. */
    @Override
    public final McpSchema.Tool definition() {
        McpSchema.Tool defined = definition;
        if (defined == null) {
            defined = define();
            if (gateway.confirmations().offered(defined.annotations())) {
                defined = gateway.confirmations().offering(defined);
            }
            definition = defined;
        }
        return defined;
    }

    @Override
    public Optional<String> unavailableReason(McpRequestContext context) {
        if (access() == Access.WRITE && policy.readOnly(context.caller().readOnly())) {
            return Optional.of(
                    "The tool '" + name() + "' is disabled in read-only mode. " + AccessPolicy.READ_ONLY_EXPLANATION);
        }
        return Optional.empty();
    }

    @Override
    public final McpSchema.ToolResponse call(ObjectNode arguments, McpRequestContext context) {
        try {
            Confirmations confirmations = gateway.confirmations();
            ToolArguments args = new ToolArguments(Confirmations.withoutToken(arguments));
            Confirmations.Step step = confirmations.step(this, arguments, args, context);
            if (step instanceof Confirmations.Answer answer) {
                return answer.result();
            }
            return gateway.call(context, access(), args.companyIds(), session -> {
                if (access() != Access.NONE) {
                    String model = args.model();
                    policy.check(access(args), model, session.readOnly());
                }
                if (step instanceof Confirmations.Ask) {
                    return confirmations.ask(this, args, context, session);
                }
                if (step instanceof Confirmations.Confirmed confirmed) {
                    confirmations.spend(confirmed, name());
                }
                return result(run(args, session));
            });
        } catch (ToolInputException | OdooException | LimitExceededException e) {
            return McpSchema.CallToolResult.error(e.getMessage());
        }
    }

    /**
     * A successful result: the record's JSON as text and the very same characters as structured
     * content, then whatever {@link #moreContent} adds. The record is written once;
     * {@code structuredContent} is a raw JSON node holding that text, so the answer embeds it as it is
     * instead of copying it into a tree and writing it again. To look inside a result, parse its text.
     */
    private McpSchema.CallToolResult result(R value) {
        String text = json.writeValueAsString(value);
        List<McpSchema.Content> more = moreContent(value);
        List<McpSchema.Content> content = new java.util.ArrayList<>(1 + more.size());
        content.add(new McpSchema.TextContent(text));
        content.addAll(more);
        return new McpSchema.CallToolResult(content, json.getNodeFactory().rawValueNode(new RawValue(text)), null);
    }

    /** Content blocks after the JSON text, e.g. a file as an embedded resource; none unless overridden. */
    protected List<McpSchema.Content> moreContent(R value) {
        return List.of();
    }

    /**
     * The hints a client reads to decide how careful to be ({@code readOnlyHint}, {@code destructiveHint},
     * {@code idempotentHint}); every tool reaches the caller's Odoo, an open world.
     */
    protected record Hints(boolean readOnly, boolean destructive, boolean idempotent) {

        /** Reads only. */
        public static final Hints READS = new Hints(true, false, true);

        /** Changes data in Odoo. */
        public static Hints writes(boolean destructive, boolean idempotent) {
            return new Hints(false, destructive, idempotent);
        }
    }
}
