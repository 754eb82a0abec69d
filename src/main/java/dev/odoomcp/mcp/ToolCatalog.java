package dev.odoomcp.mcp;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code tools/list} and {@code tools/call} over every {@link McpTool} bean, in stable name order. */
@Component
class ToolCatalog {

    private static final Logger log = LoggerFactory.getLogger(ToolCatalog.class);

    private final Map<String, McpTool> tools;
    private final int pageSize;
    private final JsonMapper json;
    private final Map<String, JsonNode> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    ToolCatalog(List<McpTool> tools, McpServerProperties properties, JsonMapper json) {
        this.tools = tools.stream()
                .sorted(Comparator.comparing(McpTool::name))
                .collect(Collectors.toMap(
                        McpTool::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("Two tools are named " + a.name());
                        },
                        LinkedHashMap::new));
        this.pageSize = properties.pageSize();
        this.json = json;
    }

    ObjectNode list(ObjectNode params, McpRequestContext context) {
        List<JsonNode> visible = tools.values().stream()
                .filter(tool -> tool.unavailableReason(context).isEmpty())
                .map(this::definitionTree)
                .toList();
        Pagination<JsonNode> page = Pagination.of(visible, Params.optionalString(params, "cursor"), pageSize);
        return page.toResult("tools", json);
    }

    /**
     * A tool's definition as JSON, made once: definitions never change, and converting them on every
     * {@code tools/list} was most of its CPU. The nodes are shared by all results and never modified.
     */
    private JsonNode definitionTree(McpTool tool) {
        return definitions.computeIfAbsent(tool.name(), name -> json.valueToTree(tool.definition()));
    }

    ObjectNode call(ObjectNode params, McpRequestContext context) {
        String name = Params.requiredString(params, "name");
        McpTool tool = tools.get(name);
        context.trace().tool(tool == null ? "unknown" : name);
        if (tool == null) {
            throw McpException.invalidParams(
                    "Unknown tool '" + name + "'. Call tools/list to see the tools available.");
        }
        Optional<String> unavailable = tool.unavailableReason(context);
        if (unavailable.isPresent()) {
            context.trace().toolError();
            return json.valueToTree(McpSchema.CallToolResult.error(unavailable.get()));
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw McpException.invalidParams("params.arguments must be a JSON object.");
        }
        ObjectNode args = arguments instanceof ObjectNode object ? object : json.createObjectNode();
        McpRequestContext call = context.stateless() ? context.retrying(InputRetry.of(params)) : context;
        McpSchema.ToolResponse result;
        try {
            result = tool.call(args, call);
            if (result instanceof McpSchema.InputRequiredResult && !call.canElicitForms()) {
                throw new IllegalStateException("input_required answered to a client that cannot elicit");
            }
        } catch (McpException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Tool {} failed unexpectedly", name, e);
            result = McpSchema.CallToolResult.error("The tool '" + name
                    + "' failed because of an internal error in the bridge. Try again; if it persists, "
                    + "report it to the server administrator.");
        }
        if (result instanceof McpSchema.CallToolResult done && !done.succeeded()) {
            context.trace().toolError();
        }
        return json.valueToTree(result);
    }
}
