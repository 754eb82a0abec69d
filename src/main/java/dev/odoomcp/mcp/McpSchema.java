package dev.odoomcp.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP protocol types the bridge sends, in one place, as immutable records that Jackson writes
 * as the specification names them. Absent (null) members are left out of the JSON.
 */
public final class McpSchema {

    private McpSchema() {}

    /** Name and version of a client or server ({@code serverInfo}, {@code clientInfo}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Implementation(String name, String title, String version, String description, String websiteUrl) {}

    /** What this server offers; only features that really exist are advertised. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerCapabilities(
            Map<String, Object> tools,
            Map<String, Object> resources,
            Map<String, Object> prompts,
            Map<String, Object> completions,
            Map<String, Object> logging) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InitializeResult(
            String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo, String instructions) {}

    /** Hints that help a client decide how careful to be with a tool. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolAnnotations(
            String title,
            Boolean readOnlyHint,
            Boolean destructiveHint,
            Boolean idempotentHint,
            Boolean openWorldHint) {}

    /** A tool definition as listed by {@code tools/list}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tool(
            String name,
            String title,
            String description,
            ObjectNode inputSchema,
            ObjectNode outputSchema,
            ToolAnnotations annotations) {}

    /** One piece of content in a tool result: text, or a resource embedded in it. */
    public sealed interface Content permits TextContent, EmbeddedResource {}

    /** One piece of text in a tool result or prompt message. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextContent(String type, String text) implements Content {

        public TextContent(String text) {
            this("text", text);
        }
    }

    /**
     * A resource carried inside a tool result ({@code "type": "resource"}, in every protocol revision
     * the bridge speaks), e.g. a file's bytes: {@code text} for text, {@code blob} (base64) otherwise.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EmbeddedResource(String type, ResourceContents resource) implements Content {

        public EmbeddedResource(ResourceContents resource) {
            this("resource", resource);
        }
    }

    /** The contents of an embedded resource: exactly one of {@code text} and {@code blob}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResourceContents(String uri, String mimeType, String text, String blob) {}

    /**
     * What a tool answers to {@code tools/call}: its result, or (2026-07-28 only) a request for the user's input
     * that the client answers by calling again.
     */
    public sealed interface ToolResponse permits CallToolResult, InputRequiredResult {}

    /** The answer to {@code tools/call}; failures of the tool itself set {@code isError}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallToolResult(List<? extends Content> content, JsonNode structuredContent, Boolean isError)
            implements ToolResponse {

        public static CallToolResult error(String message) {
            return new CallToolResult(List.of(new TextContent(message)), null, true);
        }

        /** The text of the first text block (a tool's JSON or its error message); empty when there is none. */
        public String text() {
            return content.stream()
                    .filter(TextContent.class::isInstance)
                    .map(c -> ((TextContent) c).text())
                    .findFirst()
                    .orElse("");
        }

        /** True unless the tool reported a failure. */
        public boolean succeeded() {
            return !Boolean.TRUE.equals(isError);
        }
    }

    /**
     * 2026-07-28 multi round-trip: the request cannot finish without the client's answers to
     * {@code inputRequests}; the client retries the same request with {@code inputResponses} and the
     * {@code requestState} echoed byte for byte.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputRequiredResult(String resultType, Map<String, InputRequest> inputRequests, String requestState)
            implements ToolResponse {

        public InputRequiredResult(Map<String, InputRequest> inputRequests, String requestState) {
            this("input_required", inputRequests, requestState);
        }
    }

    /** One request embedded in an {@link InputRequiredResult}, e.g. {@code elicitation/create}. */
    public record InputRequest(String method, ObjectNode params) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resource(String uri, String name, String title, String description, String mimeType) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResourceTemplate(
            String uriTemplate, String name, String title, String description, String mimeType) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextResourceContents(String uri, String mimeType, String text) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReadResourceResult(List<TextResourceContents> contents) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromptArgument(String name, String title, String description, Boolean required) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prompt(String name, String title, String description, List<PromptArgument> arguments) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromptMessage(String role, TextContent content) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GetPromptResult(String description, List<PromptMessage> messages) {}

    /** Values offered for one argument by {@code completion/complete}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Completion(List<String> values, Integer total, Boolean hasMore) {}
}
