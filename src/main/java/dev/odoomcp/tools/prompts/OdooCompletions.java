package dev.odoomcp.tools.prompts;

import dev.odoomcp.mcp.McpCompletionProvider;
import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.mcp.McpSchema;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.odoo.OrmCalls;
import dev.odoomcp.security.LimitExceededException;
import dev.odoomcp.tools.Access;
import dev.odoomcp.tools.AccessPolicy;
import dev.odoomcp.tools.OdooGateway;
import dev.odoomcp.tools.OdooSession;
import dev.odoomcp.tools.ToolInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Completes prompt arguments (supplier, employee, product, ...) and the {@code model} of resource
 * templates from the caller's own Odoo, through the same gateway (limits, deadline) as the tools.
 * Without credentials, or when a limit refuses, there is nothing to suggest.
 */
@Component
class OdooCompletions implements McpCompletionProvider {

    /** Which model holds the values of each prompt argument. */
    private static final Map<String, String> ARGUMENT_MODELS = Map.of(
            "supplier",
            "res.partner",
            "employee",
            "hr.employee",
            "product",
            "product.product",
            "project",
            "project.project",
            "warehouse",
            "stock.warehouse",
            "category",
            "product.category");

    private static final int LIMIT = 20;

    private final OdooGateway gateway;
    private final AccessPolicy policy;

    OdooCompletions(OdooGateway gateway, AccessPolicy policy) {
        this.gateway = gateway;
        this.policy = policy;
    }

    @Override
    public Optional<McpSchema.Completion> complete(
            String refType,
            String refName,
            String argument,
            String value,
            Map<String, String> previous,
            McpRequestContext context) {
        boolean modelOfTemplate = "ref/resource".equals(refType) && "model".equals(argument);
        String model = modelOfTemplate ? "ir.model" : ARGUMENT_MODELS.get(argument);
        if (model == null) {
            return Optional.empty();
        }
        try {
            policy.checkRead(model);
            List<String> values = gateway.call(context, Access.READ, List.of(), session -> {
                List<String> found = new ArrayList<>();
                if (modelOfTemplate) {
                    JsonNode rows = session.execute(OrmCalls.searchRead(
                            "ir.model",
                            List.of(List.of("model", "=ilike", value + "%"), List.of("transient", "=", false)),
                            List.of("model"),
                            null,
                            LIMIT,
                            "model"));
                    rows.forEach(row -> found.add(row.path("model").asString()));
                } else {
                    nameSearch(session, argument, model, value)
                            .forEach(pair -> found.add(pair.path(1).asString()));
                }
                return found;
            });
            return Optional.of(new McpSchema.Completion(values, null, values.size() >= LIMIT));
        } catch (OdooException | ToolInputException | LimitExceededException e) {
            return Optional.of(new McpSchema.Completion(List.of(), 0, false));
        }
    }

    /** Names matching {@code value}; a supplier is a partner with a supplier rank where Odoo has one. */
    private static JsonNode nameSearch(OdooSession session, String argument, String model, String value) {
        if ("supplier".equals(argument)) {
            try {
                return session.execute(
                        OrmCalls.nameSearch(model, value, List.of(List.of("supplier_rank", ">", 0)), null, LIMIT));
            } catch (OdooException noPurchaseApp) {
                // no supplier_rank without the purchase/invoicing apps: any partner may be a supplier
            }
        }
        return session.execute(OrmCalls.nameSearch(model, value, null, null, LIMIT));
    }
}
