package dev.odoomcp.ops;

import dev.odoomcp.odoo.OdooProperties;
import dev.odoomcp.security.AccessTokenProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, one warning line each, when the bridge is more open than a public server should
 * be: no access token (anyone who reaches it may use {@code /mcp} and read the metrics), plain-HTTP
 * Odoo URLs allowed, private-network Odoo targets allowed. Settings an operator made on purpose for a
 * private deployment still deserve a line in the log that a reviewer of a public one would notice.
 */
@Component
class OpenServerWarnings {

    private static final Logger log = LoggerFactory.getLogger(OpenServerWarnings.class);

    private final AccessTokenProperties tokens;
    private final OdooProperties odoo;

    OpenServerWarnings(AccessTokenProperties tokens, OdooProperties odoo) {
        this.tokens = tokens;
        this.odoo = odoo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        warnings().forEach(log::warn);
    }

    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!tokens.required()) {
            warnings.add("No access token is set (MCP_ACCESS_TOKEN / MCP_ACCESS_TOKENS): anyone who can reach this "
                    + "server can use /mcp and read /actuator/prometheus. Set one unless only trusted clients can "
                    + "reach it.");
        }
        if (odoo.allowHttp()) {
            warnings.add("ODOO_ALLOW_HTTP is on: Odoo URLs over plain http:// are accepted, so API keys can cross "
                    + "the network unencrypted. Turn it off unless every Odoo is on a trusted network.");
        }
        if (odoo.allowPrivateNetworks()) {
            warnings.add("ODOO_ALLOW_PRIVATE_NETWORKS is on: callers may point the bridge at loopback, private and "
                    + "link-local addresses (this host, your internal network, cloud metadata). Turn it off on a "
                    + "public server.");
        }
        return warnings;
    }
}
