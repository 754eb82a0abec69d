package dev.odoomcp.tools;

import dev.odoomcp.mcp.Caller;
import dev.odoomcp.mcp.McpRequestContext;
import dev.odoomcp.odoo.OdooClientFactory;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooProtocol;
import dev.odoomcp.security.CallKeys;
import dev.odoomcp.security.TenantCallGuard;
import dev.odoomcp.security.TenantIds;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The one way from a request to its caller's Odoo, used by tools, resources and completions alike:
 * it takes the credentials parsed for the request, refuses writes in read-only mode, opens an
 * {@link OdooSession} and runs the work within the limits and the deadline of {@link TenantCallGuard}
 * (charged to the tenant only once Odoo has accepted the credentials). Nothing reaches Odoo
 * another way, so no path can skip a limit.
 */
@Component
public class OdooGateway {

    private final OdooClientFactory odoo;
    private final AccessPolicy policy;
    private final TenantCallGuard guard;
    private final TenantIds tenantIds;
    private final Confirmations confirmations;

    OdooGateway(
            OdooClientFactory odoo,
            AccessPolicy policy,
            TenantCallGuard guard,
            TenantIds tenantIds,
            Confirmations confirmations) {
        this.odoo = odoo;
        this.policy = policy;
        this.guard = guard;
        this.tenantIds = tenantIds;
        this.confirmations = confirmations;
    }

    /** The confirmation step every tool goes through before it changes data. */
    Confirmations confirmations() {
        return confirmations;
    }

    /**
     * Runs {@code work} against the caller's Odoo.
     *
     * @param access {@link Access#WRITE} is refused in read-only mode before anything is sent
     * @param companyIds companies to act in ({@code allowed_company_ids}); empty for the user's default
     * @throws ToolInputException a write in read-only mode
     * @throws dev.odoomcp.odoo.OdooException missing or invalid credentials, or Odoo's failure
     * @throws dev.odoomcp.security.LimitExceededException a limit refused the call or its deadline passed
     */
    public <T> T call(McpRequestContext context, Access access, List<Long> companyIds, Function<OdooSession, T> work) {
        Caller caller = context.caller();
        boolean readOnly = policy.readOnly(caller.readOnly());
        if (access == Access.WRITE) {
            policy.checkNotReadOnly(readOnly);
        }
        OdooCredentials credentials = caller.requireCredentials();
        context.trace().odooTarget(credentials.url(), credentials.database());
        OdooSession session = new OdooSession(odoo.clientFor(credentials), credentials, readOnly, companyIds);
        CallKeys keys = new CallKeys(
                tenantIds.of(credentials.url(), credentials.database()),
                credentials.fingerprint(),
                caller.clientKey(),
                () -> odoo.recentlyAccepted(credentials));
        try {
            return guard.call(keys, () -> work.apply(session));
        } finally {
            context.trace().protocol(session.client().protocolInUse().map(OdooProtocol::tag));
        }
    }
}
