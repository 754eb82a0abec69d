package dev.odoomcp.tools;

import dev.odoomcp.odoo.OdooCall;
import dev.odoomcp.odoo.OdooClient;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One tool call's connection to the caller's Odoo: the client for the caller's credentials plus
 * what applies to every call it makes (read-only, the companies to act in). Lives for one call.
 *
 * @param client the caller's Odoo
 * @param credentials the caller's credentials (for cache keys only; never shown)
 * @param readOnly writes refused for this request
 * @param companyIds companies to act in ({@code allowed_company_ids}), empty for the user's default
 */
public record OdooSession(OdooClient client, OdooCredentials credentials, boolean readOnly, List<Long> companyIds) {

    public OdooSession {
        companyIds = List.copyOf(companyIds);
    }

    /** Sends {@code call}, in the session's companies; Odoo's answer, or its failure as {@link dev.odoomcp.odoo.OdooException}. */
    public JsonNode execute(OdooCall call) {
        if (companyIds.isEmpty()) {
            return client.execute(call);
        }
        Map<String, Object> context = new LinkedHashMap<>();
        if (call.options().get("context") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> context.put(String.valueOf(k), v));
        }
        context.put("allowed_company_ids", companyIds);
        return client.execute(call.option("context", context));
    }

    /** The caller's Odoo: version, protocol, uid. */
    public OdooServer server() {
        return client.server();
    }
}
