package dev.odoomcp.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code completion/complete}: asks each provider in turn; no suggestion is an empty list, not an error. */
@Component
class CompletionCatalog {

    private static final int MAX_VALUES = 100;

    private final List<McpCompletionProvider> providers;
    private final JsonMapper json;

    CompletionCatalog(List<McpCompletionProvider> providers, JsonMapper json) {
        this.providers = List.copyOf(providers);
        this.json = json;
    }

    boolean isEmpty() {
        return providers.isEmpty();
    }

    ObjectNode complete(ObjectNode params, McpRequestContext context) {
        ObjectNode ref = Params.optionalObject(params, "ref");
        ObjectNode argument = Params.optionalObject(params, "argument");
        if (ref == null || argument == null) {
            throw McpException.invalidParams("completion/complete needs params.ref and params.argument.");
        }
        String type = Params.requiredString(ref, "type");
        String refName = switch (type) {
            case "ref/prompt" -> Params.requiredString(ref, "name");
            case "ref/resource" -> Params.requiredString(ref, "uri");
            default -> throw McpException.invalidParams("params.ref.type must be ref/prompt or ref/resource.");
        };
        String argumentName = Params.requiredString(argument, "name");
        String value =
                Optional.ofNullable(Params.optionalString(argument, "value")).orElse("");
        ObjectNode contextNode = Params.optionalObject(params, "context");
        Map<String, String> previous = PromptCatalog.stringMap(
                contextNode == null ? null : Params.optionalObject(contextNode, "arguments"),
                "params.context.arguments");
        McpSchema.Completion completion = providers.stream()
                .map(p -> p.complete(type, refName, argumentName, value, previous, context))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(new McpSchema.Completion(List.of(), 0, false));
        if (completion.values().size() > MAX_VALUES) {
            completion = new McpSchema.Completion(
                    completion.values().subList(0, MAX_VALUES),
                    completion.values().size(),
                    true);
        }
        ObjectNode result = json.createObjectNode();
        result.set("completion", json.valueToTree(completion));
        return result;
    }
}
