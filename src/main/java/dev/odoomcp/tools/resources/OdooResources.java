package dev.odoomcp.tools.resources;

import dev.odoomcp.mcp.JsonRpcError;
import dev.odoomcp.mcp.McpException;
import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.mcp.McpResourceProvider;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.tools.models.DescribeModelTool;
import dev.odoomcp.tools.records.ReadRecordsTool;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Odoo records and model schemas as resources: {@code odoo://{model}/{id}} and
 * {@code odoo://{model}/fields}. Reading one is the same as calling read_records or describe_model,
 * so the answers (and the access rules) are the same.
 */
@Component
class OdooResources implements McpResourceProvider {

    private static final Pattern URI = Pattern.compile("odoo://([a-z][a-z0-9_.]*)/([0-9]+|fields)");
    /** Odoo ids are PostgreSQL {@code integer}s. */
    private static final long MAX_ID = Integer.MAX_VALUE;

    private final ReadRecordsTool read;
    private final DescribeModelTool describe;
    private final JsonMapper json;

    OdooResources(ReadRecordsTool read, DescribeModelTool describe, JsonMapper json) {
        this.read = read;
        this.describe = describe;
        this.json = json;
    }

    @Override
    public List<McpSchema.Resource> resources(McpRequestContext context) {
        return List.of(); // what exists depends on each caller's Odoo: use the templates
    }

    @Override
    public List<McpSchema.ResourceTemplate> templates() {
        return List.of(
                new McpSchema.ResourceTemplate(
                        "odoo://{model}/{id}",
                        "odoo-record",
                        "Odoo record",
                        "One record of the caller's Odoo, with its most useful fields, e.g. odoo://res.partner/7.",
                        "application/json"),
                new McpSchema.ResourceTemplate(
                        "odoo://{model}/fields",
                        "odoo-model-fields",
                        "Odoo model fields",
                        "The fields of a model (type, label, required, relation), e.g. odoo://sale.order/fields.",
                        "application/json"));
    }

    @Override
    public Optional<McpSchema.ReadResourceResult> read(String uri, McpRequestContext context) {
        Matcher matcher = URI.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        ObjectNode arguments = json.createObjectNode();
        arguments.put("model", matcher.group(1));
        McpSchema.CallToolResult result;
        JsonNode records = null;
        if ("fields".equals(matcher.group(2))) {
            result = complete(describe.call(arguments, context));
        } else {
            arguments.putArray("ids").add(recordId(uri, matcher.group(2)));
            result = complete(read.call(arguments, context));
            if (result.succeeded()) {
                // the structured content is the text as raw JSON: read the record from the text
                records = json.readTree(result.text()).path("records");
                if (records.isEmpty()) {
                    throw new McpException(
                            JsonRpcError.RESOURCE_NOT_FOUND,
                            "Record " + uri + " does not exist or is " + "not visible to this user.");
                }
            }
        }
        String text = result.text();
        if (!result.succeeded()) {
            throw new McpException(JsonRpcError.INVALID_PARAMS, text);
        }
        String contents = records == null ? text : json.writeValueAsString(records.get(0));
        return Optional.of(new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(uri, "application/json", contents))));
    }

    /** What a read tool answered: reads never ask the user anything. */
    private static McpSchema.CallToolResult complete(McpSchema.ToolResponse response) {
        if (response instanceof McpSchema.CallToolResult result) {
            return result;
        }
        throw new IllegalStateException("A read tool asked for input");
    }

    private static long recordId(String uri, String digits) {
        long id = digits.length() > 10 ? -1 : Long.parseLong(digits);
        if (id < 1 || id > MAX_ID) {
            throw McpException.invalidParams("Resource " + uri + " names no possible record: a record id is a "
                    + "whole number from 1 to " + MAX_ID + ", e.g. odoo://res.partner/7.");
        }
        return id;
    }
}
