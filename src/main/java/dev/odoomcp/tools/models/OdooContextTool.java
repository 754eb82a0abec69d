package dev.odoomcp.tools.models;

import static dev.odoomcp.tools.JsonSchemas.object;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OdooServer;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.OdooTool;
import dev.odoomcp.tools.OdooValues;
import dev.odoomcp.tools.RecordFormatter;
import dev.odoomcp.tools.ToolArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code odoo_context}: who and where the assistant is working, before it does anything else. */
@Component
class OdooContextTool extends OdooTool<OdooContextTool.Result> {

    /** Every member is always there; {@code current_company}, {@code lang} and {@code tz} may be null. */
    record Result(
            @JsonProperty("server_version") @JsonPropertyDescription("Odoo version, e.g. 18.0 or saas~18.4")
            String serverVersion,

            @JsonPropertyDescription("xmlrpc or json2") String protocol,
            String database,

            @JsonPropertyDescription("id, name and login of the connected user")
            User user,

            @JsonProperty("current_company") @JsonPropertyDescription("the user's current company {id, name}") @Nullable
            Company currentCompany,

            @JsonPropertyDescription("companies the user may use")
            List<Company> companies,

            @Nullable String lang,
            @Nullable String tz) {}

    record User(long id, String name, String login) {}

    record Company(long id, String name) {}

    OdooContextTool(OdooGateway gateway, AccessPolicy policy, JsonMapper json) {
        super(gateway, policy, json);
    }

    /** Names no model: it reads the connected user and their companies. */
    @Override
    protected Access access() {
        return Access.NONE;
    }

    @Override
    protected McpSchema.Tool define() {
        return tool(
                "odoo_context",
                "Odoo connection context",
                "Shows which Odoo you are connected to and as whom: server version, protocol, database, the user "
                        + "(id, name, login), the companies the user may work in, language and timezone. Call it "
                        + "first in a conversation, and whenever you need the user's id (e.g. for 'my tasks') or a "
                        + "company id for company_ids. Takes no arguments.",
                object(),
                Result.class,
                Hints.READS);
    }

    @Override
    protected Result run(ToolArguments arguments, OdooSession session) {
        OdooServer server = session.server();
        JsonNode users = session.execute(OrmCalls.read(
                "res.users", List.of(server.uid()), List.of("name", "login", "company_id", "company_ids")));
        // lang and tz from the user's context: the same on every version, whatever fields res.users has
        JsonNode userContext = session.execute(OrmCalls.contextGet());
        JsonNode user = users.path(0);
        JsonNode current = RecordFormatter.value(null, user.path("company_id"), false);
        List<Company> companies = new ArrayList<>();
        if (user.path("company_ids").isArray() && !user.path("company_ids").isEmpty()) {
            JsonNode rows = session.execute(OrmCalls.searchRead(
                    "res.company",
                    List.of(List.of("id", "in", OdooValues.plain(user.get("company_ids")))),
                    List.of("name"),
                    null,
                    null,
                    null));
            rows.forEach(row -> companies.add(
                    new Company(row.path("id").asLong(), row.path("name").asString())));
        }
        return new Result(
                server.version(),
                server.protocol().name().toLowerCase(Locale.ROOT),
                session.credentials().database(),
                new User(
                        server.uid(),
                        user.path("name").asString(),
                        user.path("login").asString()),
                current.isObject()
                        ? new Company(
                                current.path("id").asLong(),
                                current.path("name").asString())
                        : null,
                companies,
                text(userContext.path("lang")),
                text(userContext.path("tz")));
    }

    private static @Nullable String text(JsonNode value) {
        return value.isString() ? value.asString() : null;
    }
}
