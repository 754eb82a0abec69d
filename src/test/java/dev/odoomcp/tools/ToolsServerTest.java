package dev.odoomcp.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole bridge on a random loopback port, allowed to reach a {@link dev.odoomcp.testing.FakeOdoo}
 * on loopback over plain HTTP. Classes with this annotation and no further properties share one
 * cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "odoo.allow-private-networks=true", "odoo.allow-http=true"})
@interface ToolsServerTest {}
