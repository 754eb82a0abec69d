package dev.odoomcp.mcp;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code resources/list}, {@code resources/templates/list} and {@code resources/read} over every provider. */
@Component
class ResourceCatalog {

    private final List<McpResourceProvider> providers;
    private final int pageSize;
    private final JsonMapper json;

    ResourceCatalog(List<McpResourceProvider> providers, McpServerProperties properties, JsonMapper json) {
        this.providers = List.copyOf(providers);
        this.pageSize = properties.pageSize();
        this.json = json;
    }

    ObjectNode list(ObjectNode params, McpRequestContext context) {
        List<McpSchema.Resource> all =
                providers.stream().flatMap(p -> p.resources(context).stream()).toList();
        return Pagination.of(all, Params.optionalString(params, "cursor"), pageSize)
                .toResult("resources", json);
    }

    ObjectNode templates(ObjectNode params) {
        List<McpSchema.ResourceTemplate> all =
                providers.stream().flatMap(p -> p.templates().stream()).toList();
        return Pagination.of(all, Params.optionalString(params, "cursor"), pageSize)
                .toResult("resourceTemplates", json);
    }

    ObjectNode read(ObjectNode params, McpRequestContext context) {
        String uri = Params.requiredString(params, "uri");
        for (McpResourceProvider provider : providers) {
            Optional<McpSchema.ReadResourceResult> result = provider.read(uri, context);
            if (result.isPresent()) {
                return json.valueToTree(result.get());
            }
        }
        // 2026-07-28 renumbered "resource not found" to Invalid params.
        int code = McpProtocol.STATELESS_VERSION.equals(context.protocolVersion())
                ? JsonRpcError.INVALID_PARAMS
                : JsonRpcError.RESOURCE_NOT_FOUND;
        throw new McpException(
                code,
                "Resource not found: " + uri
                        + ". Call resources/templates/list to see the URI forms this server understands.");
    }
}
