package dev.odoomcp.tools;

import static dev.odoomcp.tools.JsonSchemas.object;
import static dev.odoomcp.tools.JsonSchemas.prop;

import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.odoo.OdooServer;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code odoo_context}: who and where the assistant is working, before it does anything else. */
@Component
class OdooContextTool extends OdooTool {

    OdooContextTool(ToolSupport support) {
        super(support);
    }

    @Override
    protected McpSchema.Tool define() {
        ObjectNode output = object();
        prop(output, "server_version", JsonSchemas.string("Odoo version, e.g. 18.0 or saas~18.4"));
        prop(output, "protocol", JsonSchemas.string("xmlrpc or json2"));
        prop(output, "database", JsonSchemas.string(null));
        prop(output, "user", JsonSchemas.anyObject("id, name and login of the connected user"));
        prop(output, "current_company", JsonSchemas.anyObject("the user's current company {id, name}"));
        prop(output, "companies", JsonSchemas.arrayOf(JsonSchemas.anyObject(null), "companies the user may use"));
        prop(output, "lang", JsonSchemas.string(null));
        prop(output, "tz", JsonSchemas.string(null));
        return new McpSchema.Tool("odoo_context", "Odoo connection context",
                "Shows which Odoo you are connected to and as whom: server version, protocol, database, the user "
                        + "(id, name, login), the companies the user may work in, language and timezone. Call it "
                        + "first in a conversation, and whenever you need the user's id (e.g. for 'my tasks') or a "
                        + "company id for company_ids. Takes no arguments.",
                object(), output, readOnlyAnnotations("Odoo connection context"));
    }

    @Override
    protected JsonNode run(ToolArguments arguments, OdooSession session) {
        OdooServer server = session.server();
        JsonNode users = session.execute(OrmCalls.read("res.users", List.of(server.uid()),
                List.of("name", "login", "company_id", "company_ids")));
        // lang and tz from the user's context: the same on every version, whatever fields res.users has
        JsonNode userContext = session.execute(OrmCalls.contextGet());
        JsonNode user = users.path(0);
        ObjectNode result = support.object();
        result.put("server_version", server.version());
        result.put("protocol", server.protocol().name().toLowerCase(java.util.Locale.ROOT));
        result.put("database", session.credentials().database());
        ObjectNode userNode = result.putObject("user");
        userNode.put("id", server.uid());
        userNode.set("name", user.path("name"));
        userNode.set("login", user.path("login"));
        result.set("current_company", RecordFormatter.value(null, user.path("company_id"), false));
        ArrayNode companies = result.putArray("companies");
        if (user.path("company_ids").isArray() && !user.path("company_ids").isEmpty()) {
            JsonNode rows = session.execute(OrmCalls.searchRead("res.company",
                    List.of(List.of("id", "in", OdooValues.plain(user.get("company_ids")))), List.of("name"), null, null, null));
            rows.forEach(row -> companies.addObject().put("id", row.path("id").asLong()).set("name", row.path("name")));
        }
        result.set("lang", userContext.path("lang").isString() ? userContext.get("lang") : null);
        result.set("tz", userContext.path("tz").isString() ? userContext.get("tz") : null);
        return result;
    }
}
