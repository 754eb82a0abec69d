package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.OdooMcpBridgeApplication;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas behind one public address and one key set, no sticky sessions: each step of two users' flows
 * (registration, consent page, form post, token exchange, tool calls, refreshes) lands on alternating
 * replicas, and every answer is that user's own Odoo. A third bridge with another key set accepts none of
 * their tokens.
 */
class OAuthScaleOutTests {

    static final String PUBLIC = "https://bridge.example.com";
    static final String ACME_KEY = "acme-key-scale-0123456";
    static final String GLOBEX_KEY = "globex-key-scale-0123456";
    static FakeOdoo acme;
    static FakeOdoo globex;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static ConfigurableApplicationContext stranger;

    @BeforeAll
    static void start() {
        acme = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", ACME_KEY))
                .start();
        globex = FakeOdoo.builder()
                .version("19.0")
                .database("globex", FakeOdooDatasets.demoCompany("globex", "boss", GLOBEX_KEY))
                .start();
        first = instance(OAuthBridgeTest.KEYS);
        second = instance(OAuthBridgeTest.KEYS);
        stranger = instance("other:" + OAuthBridgeTest.RETIRED_KEY);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {stranger, second, first, acme, globex}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ConfigurableApplicationContext instance(String keys) {
        return new SpringApplicationBuilder(OdooMcpBridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--odoo.allow-private-networks=true",
                        "--odoo.allow-http=true",
                        "--oauth.token-keys=" + keys,
                        "--public.base-url=" + PUBLIC,
                        "--mcp.tenant-hash-key=shared-by-all-instances");
    }

    private static String base(ConfigurableApplicationContext instance) {
        return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void oneUsersTokensWorkOnEitherReplicaAndNeverAnswerForAnotherTenant() {
        OAuthTestClient a = new OAuthTestClient(base(first), PUBLIC);
        OAuthTestClient b = a.at(base(second));
        String clientId = a.register();

        String alice = flow(
                a,
                b,
                clientId,
                Map.of(
                        "odoo_url",
                        acme.baseUrl().toString(),
                        "odoo_db",
                        "acme",
                        "odoo_login",
                        "admin",
                        "odoo_key",
                        ACME_KEY));
        String bob = flow(
                b,
                a,
                clientId,
                Map.of(
                        "odoo_url",
                        globex.baseUrl().toString(),
                        "odoo_db",
                        "globex",
                        "odoo_login",
                        "boss",
                        "odoo_key",
                        GLOBEX_KEY));
        List<OAuthTestClient> replicas = List.of(a, b);
        for (int round = 0; round < 6; round++) {
            OAuthTestClient here = replicas.get(round % 2);
            OAuthTestClient there = replicas.get((round + 1) % 2);
            assertThat(company(here, alice)).contains("My Company (acme)").doesNotContain("globex");
            assertThat(company(there, bob)).contains("My Company (globex)").doesNotContain("acme");
        }
        OAuthTestClient.Answer third = new OAuthTestClient(base(stranger), PUBLIC)
                .callTool(alice, "count_records", "{\"model\":\"res.partner\"}", Map.of());
        assertThat(third.status()).isEqualTo(401);
        assertThat(third.header("WWW-Authenticate")).contains("invalid_token").contains("no longer uses");
    }

    /** Page from one replica, form to the other, code to the first, refresh on the other; returns an access token. */
    private static String flow(
            OAuthTestClient one, OAuthTestClient other, String clientId, Map<String, String> fields) {
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        OAuthTestClient.Consent consent = one.openConsent(one.authorizeUrl(clientId, pkce, "s"), "en");
        OAuthTestClient.Answer submitted = other.submit(consent, fields);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(303);
        assertThat(OAuthTestClient.query(submitted.header("Location"))).containsEntry("iss", PUBLIC);
        OAuthTestClient.Answer token = one.exchange(
                clientId, OAuthTestClient.query(submitted.header("Location")).get("code"), pkce.verifier());
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String access = token.json().get("access_token").asString();
        assertThat(company(other, access)).contains("My Company");
        OAuthTestClient.Answer refreshed =
                other.refresh(clientId, token.json().get("refresh_token").asString());
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        return refreshed.json().get("access_token").asString();
    }

    private static String company(OAuthTestClient replica, String token) {
        OAuthTestClient.Answer answer = replica.callTool(
                token, "search_records", "{\"model\":\"res.company\",\"fields\":[\"name\"]}", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
