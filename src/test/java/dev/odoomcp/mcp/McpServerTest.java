package dev.odoomcp.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The whole server on a random loopback port, with small test features; one cached context for all users. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mcp.max-request-size=4KB", "mcp.page-size=2", "server.address=127.0.0.1"})
@Import(McpTestFeatures.class)
@interface McpServerTest {}
