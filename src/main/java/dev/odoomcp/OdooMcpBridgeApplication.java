package dev.odoomcp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of the multi-tenant bridge: one deployment, many AI clients, each reaching its own
 * Odoo with credentials it sends on every request.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OdooMcpBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(OdooMcpBridgeApplication.class, args);
    }
}
