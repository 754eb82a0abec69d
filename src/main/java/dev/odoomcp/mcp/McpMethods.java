package dev.odoomcp.mcp;

/** JSON-RPC method names of MCP that this server answers. */
final class McpMethods {

    static final String INITIALIZE = "initialize";
    static final String PING = "ping";
    static final String DISCOVER = "server/discover";
    static final String TOOLS_LIST = "tools/list";
    static final String TOOLS_CALL = "tools/call";
    static final String RESOURCES_LIST = "resources/list";
    static final String RESOURCE_TEMPLATES_LIST = "resources/templates/list";
    static final String RESOURCES_READ = "resources/read";
    static final String PROMPTS_LIST = "prompts/list";
    static final String PROMPTS_GET = "prompts/get";
    static final String COMPLETE = "completion/complete";

    private static final java.util.Set<String> ALL = java.util.Set.of(
            INITIALIZE,
            PING,
            DISCOVER,
            TOOLS_LIST,
            TOOLS_CALL,
            RESOURCES_LIST,
            RESOURCE_TEMPLATES_LIST,
            RESOURCES_READ,
            PROMPTS_LIST,
            PROMPTS_GET,
            COMPLETE);

    /** The method as a bounded metric tag: itself when this server knows it, else "unknown". */
    static String tag(String method) {
        return ALL.contains(method) ? method : "unknown";
    }

    private McpMethods() {}
}
