package dev.odoomcp.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the answer the project's original README promised administrators and load
 * balancers, backed by Actuator's health so that a failing health indicator turns it into a 503.
 * Never needs a token.
 */
@RestController
class HealthController {

    static final String SERVICE = "mcp-server-odoo-multi-tenant";
    static final String INFO = "Send Odoo credentials via headers on every request to /mcp: "
            + "X-Odoo-Url, X-Odoo-Db, X-Odoo-Username and X-Odoo-Api-Key "
            + "(plus X-MCP-Token when the server requires an access token).";

    private final HealthEndpoint health;
    private final String version;

    HealthController(HealthEndpoint health, BuildProperties build) {
        this.health = health;
        this.version = build.getVersion();
    }

    @GetMapping(path = "/health", produces = "application/json")
    ResponseEntity<Map<String, Object>> health() {
        boolean up = Status.UP.equals(health.health().getStatus());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "healthy" : "unhealthy");
        body.put("service", SERVICE);
        body.put("mode", "multi-tenant");
        body.put("info", INFO);
        body.put("version", version);
        return ResponseEntity.status(up ? 200 : 503).body(body);
    }
}
