package dev.odoomcp.mcp;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes one JSON-RPC request to its handler and shapes the result for the protocol era: legacy
 * results exactly as 2025-11-25 defines them; stateless results with {@code resultType}, the
 * server's identity in {@code _meta}, and cache hints on list and read results.
 */
@Component
class McpDispatcher {

    private static final Set<String> CACHEABLE = Set.of(
            McpMethods.DISCOVER,
            McpMethods.TOOLS_LIST,
            McpMethods.RESOURCES_LIST,
            McpMethods.RESOURCE_TEMPLATES_LIST,
            McpMethods.RESOURCES_READ,
            McpMethods.PROMPTS_LIST);

    private final ToolCatalog tools;
    private final ResourceCatalog resources;
    private final PromptCatalog prompts;
    private final CompletionCatalog completions;
    private final McpSchema.Implementation serverInfo;
    private final McpServerProperties properties;
    private final JsonMapper json;

    McpDispatcher(
            ToolCatalog tools,
            ResourceCatalog resources,
            PromptCatalog prompts,
            CompletionCatalog completions,
            BuildProperties build,
            McpServerProperties properties,
            JsonMapper json) {
        this.tools = tools;
        this.resources = resources;
        this.prompts = prompts;
        this.completions = completions;
        this.serverInfo = new McpSchema.Implementation(
                "odoo-mcp-bridge",
                "Odoo MCP Bridge",
                build.getVersion(),
                "Multi-tenant bridge to your own Odoo (14 to 20, Online, Odoo.sh, self-hosted)",
                null);
        this.properties = properties;
        this.json = json;
    }

    ObjectNode handle(JsonRpcMessage.Request request, McpRequestContext context) {
        boolean stateless = McpProtocol.STATELESS_VERSION.equals(context.protocolVersion());
        ObjectNode params = request.params();
        ObjectNode result = switch (request.method()) {
            case McpMethods.INITIALIZE -> stateless ? notFound(request, true) : initialize(params);
            case McpMethods.PING -> stateless ? notFound(request, true) : json.createObjectNode();
            case McpMethods.DISCOVER -> stateless ? discover() : notFound(request, false);
            case McpMethods.TOOLS_LIST -> tools.list(params, context);
            case McpMethods.TOOLS_CALL -> tools.call(requireParams(params), context);
            case McpMethods.RESOURCES_LIST -> resources.list(params, context);
            case McpMethods.RESOURCE_TEMPLATES_LIST -> resources.templates(params);
            case McpMethods.RESOURCES_READ -> resources.read(requireParams(params), context);
            case McpMethods.PROMPTS_LIST -> prompts.list(params);
            case McpMethods.PROMPTS_GET -> prompts.get(requireParams(params), context);
            case McpMethods.COMPLETE ->
                completions.isEmpty()
                        ? notFound(request, stateless)
                        : completions.complete(requireParams(params), context);
            default -> notFound(request, stateless);
        };
        if (stateless) {
            if (!result.has("resultType")) {
                result.put("resultType", "complete"); // tools/call may have answered input_required
            }
            if (CACHEABLE.contains(request.method())) {
                result.put("ttlMs", properties.listCacheTtl().toMillis());
                result.put("cacheScope", "private");
            }
            result.putObject("_meta").set(McpProtocol.META_SERVER_INFO, json.valueToTree(serverInfo));
        }
        return result;
    }

    private ObjectNode initialize(ObjectNode params) {
        String requested = Params.requiredString(requireParams(params), "protocolVersion");
        String negotiated = McpProtocol.isLegacy(requested) ? requested : McpProtocol.LEGACY_VERSIONS.get(0);
        return json.valueToTree(new McpSchema.InitializeResult(negotiated, capabilities(), serverInfo, instructions()));
    }

    private ObjectNode discover() {
        ObjectNode result = json.createObjectNode();
        result.set("supportedVersions", json.valueToTree(McpProtocol.SUPPORTED_VERSIONS));
        result.set("capabilities", json.valueToTree(capabilities()));
        result.put("instructions", instructions());
        result.set("serverInfo", json.valueToTree(serverInfo));
        return result;
    }

    private McpSchema.ServerCapabilities capabilities() {
        Map<String, Object> notChanging = Map.of("listChanged", false);
        return new McpSchema.ServerCapabilities(
                notChanging,
                Map.of("subscribe", false, "listChanged", false),
                notChanging,
                completions.isEmpty() ? null : Map.of(),
                null);
    }

    private String instructions() {
        return properties.instructions().isEmpty() ? McpInstructions.DEFAULT : properties.instructions();
    }

    private static ObjectNode requireParams(ObjectNode params) {
        if (params == null) {
            throw McpException.invalidParams("This method needs params.");
        }
        return params;
    }

    private static ObjectNode notFound(JsonRpcMessage.Request request, boolean stateless) {
        throw new McpException(
                JsonRpcError.METHOD_NOT_FOUND,
                "Method '" + request.method()
                        + "' is not supported by this server"
                        + (stateless ? " in protocol revision " + McpProtocol.STATELESS_VERSION : "") + ".",
                stateless ? 404 : 200,
                null);
    }
}
