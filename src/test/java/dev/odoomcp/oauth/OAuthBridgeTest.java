package dev.odoomcp.oauth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole bridge in OAuth mode on a random loopback port, with two keys (k2 seals, k1 still opens), allowed
 * to reach Odoo fakes on loopback over plain HTTP and no other host. Consent limits are high so that only
 * the tests meant to hit them do. One cached context for all users.
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
            "oauth.token-keys=" + OAuthBridgeTest.KEYS,
            "oauth.consent-rate-per-minute=1000",
            "oauth.consent-host-rate-per-minute=1000",
            "mcp.unverified-rate-per-minute=100000",
            "mcp.client-rate-per-minute=100000"
        })
@interface OAuthBridgeTest {

    String KEY_2 = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    String KEY_1 = "ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";
    /** A key this bridge never had, or had and dropped: what "sealed before rotation" means. */
    String RETIRED_KEY = "ycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+g=";

    String KEYS = "k2:" + KEY_2 + ",k1:" + KEY_1;
}
