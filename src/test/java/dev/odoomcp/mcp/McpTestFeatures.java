package dev.odoomcp.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Small tools, a prompt and a resource that exercise the protocol layer without any Odoo. */
@TestConfiguration
class McpTestFeatures {

    @Bean
    McpTool echoTool() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode schema = json.readValue("""
                {"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""", ObjectNode.class);
        return new McpTool() {
            @Override
            public McpSchema.Tool definition() {
                return new McpSchema.Tool("aa_echo", "Echo", "Echoes text back (test tool).", schema, null, null);
            }

            @Override
            public McpSchema.CallToolResult call(ObjectNode arguments, McpRequestContext context) {
                if (!arguments.path("text").isString()) {
                    return McpSchema.CallToolResult.error("Argument 'text' is required and must be a string.");
                }
                String text = arguments.get("text").asString() + " via " + context.protocolVersion();
                return new McpSchema.CallToolResult(List.of(new McpSchema.TextContent(text)), null, null);
            }
        };
    }

    @Bean
    McpTool failingTool() {
        JsonMapper json = JsonMapper.builder().build();
        return new McpTool() {
            @Override
            public McpSchema.Tool definition() {
                return new McpSchema.Tool(
                        "aa_fail",
                        null,
                        "Always throws (test tool).",
                        json.readValue("{\"type\":\"object\"}", ObjectNode.class),
                        null,
                        null);
            }

            @Override
            public McpSchema.CallToolResult call(ObjectNode arguments, McpRequestContext context) {
                throw new IllegalStateException("secret internal detail at /opt/app/Foo.java:12");
            }
        };
    }

    @Bean
    McpResourceProvider staticResource() {
        return new McpResourceProvider() {
            @Override
            public List<McpSchema.Resource> resources(McpRequestContext context) {
                return List.of(new McpSchema.Resource("test://hello", "hello", null, "A test resource", "text/plain"));
            }

            @Override
            public List<McpSchema.ResourceTemplate> templates() {
                return List.of(new McpSchema.ResourceTemplate("test://{name}", "greeting", null, null, "text/plain"));
            }

            @Override
            public Optional<McpSchema.ReadResourceResult> read(String uri, McpRequestContext context) {
                return "test://hello".equals(uri)
                        ? Optional.of(new McpSchema.ReadResourceResult(
                                List.of(new McpSchema.TextResourceContents(uri, "text/plain", "hello"))))
                        : Optional.empty();
            }
        };
    }

    @Bean
    McpPrompt greetPrompt() {
        return new McpPrompt() {
            @Override
            public McpSchema.Prompt definition() {
                return new McpSchema.Prompt(
                        "aa_greet",
                        null,
                        "Greets someone (test prompt).",
                        List.of(new McpSchema.PromptArgument("who", null, "Who to greet", true)));
            }

            @Override
            public McpSchema.GetPromptResult get(Map<String, String> arguments, McpRequestContext context) {
                return new McpSchema.GetPromptResult(
                        null,
                        List.of(new McpSchema.PromptMessage(
                                "user", new McpSchema.TextContent("Say hello to " + arguments.get("who")))));
            }
        };
    }
}
