package dev.odoomcp.mcp;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code prompts/list} and {@code prompts/get} over every {@link McpPrompt} bean, in stable name order. */
@Component
class PromptCatalog {

    private final Map<String, McpPrompt> prompts;
    private final int pageSize;
    private final JsonMapper json;

    PromptCatalog(List<McpPrompt> prompts, McpServerProperties properties, JsonMapper json) {
        this.prompts = prompts.stream()
                .sorted(Comparator.comparing(p -> p.definition().name()))
                .collect(Collectors.toMap(
                        p -> p.definition().name(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.pageSize = properties.pageSize();
        this.json = json;
    }

    ObjectNode list(ObjectNode params) {
        List<McpSchema.Prompt> all =
                prompts.values().stream().map(McpPrompt::definition).toList();
        Pagination<McpSchema.Prompt> page = Pagination.of(all, Params.optionalString(params, "cursor"), pageSize);
        return page.toResult("prompts", json);
    }

    ObjectNode get(ObjectNode params, McpRequestContext context) {
        String name = Params.requiredString(params, "name");
        McpPrompt prompt = prompts.get(name);
        if (prompt == null) {
            throw McpException.invalidParams("Unknown prompt '" + name + "'. Call prompts/list to see the prompts.");
        }
        Map<String, String> arguments = stringMap(Params.optionalObject(params, "arguments"), "params.arguments");
        for (McpSchema.PromptArgument argument : prompt.definition().arguments()) {
            if (Boolean.TRUE.equals(argument.required()) && !arguments.containsKey(argument.name())) {
                throw McpException.invalidParams("Prompt '" + name + "' needs the argument '" + argument.name() + "'.");
            }
        }
        return json.valueToTree(prompt.get(arguments, context));
    }

    static Map<String, String> stringMap(ObjectNode object, String what) {
        Map<String, String> values = new LinkedHashMap<>();
        if (object != null) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!entry.getValue().isString()) {
                    throw McpException.invalidParams(what + "." + entry.getKey() + " must be a string.");
                }
                values.put(entry.getKey(), entry.getValue().asString());
            }
        }
        return values;
    }
}
