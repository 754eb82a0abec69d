package dev.odoomcp.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole bridge on a random loopback port, allowed to reach Odoo stubs on loopback over plain
 * HTTP (and to no other host: the allow-list refuses any other name before a DNS look-up), with small limits that hostile answers run into quickly: 1 MB answers, 2 s per tool call.
 * Tenant and client limits are high so that only the tests meant to hit them do. One cached context for all users.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "odoo.allowed-hosts=127.0.0.1",
            "odoo.max-response-size=1MB",
            "odoo.response-timeout=20s",
            "odoo.connect-timeout=5s",
            "mcp.request-timeout=2s",
            "mcp.tenant-rate-per-minute=1000000",
            "mcp.tenant-max-concurrent=64",
            "mcp.max-in-flight=256",
            "mcp.client-rate-per-minute=10000000",
            "mcp.client-max-concurrent=256",
            "mcp.unverified-rate-per-minute=1000000"
        })
@interface LoopbackBridgeTest {}
