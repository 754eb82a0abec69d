package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A private bridge ({@code MCP_ACCESS_TOKEN} set) in OAuth mode: the consent page asks for the operator's
 * access code and refuses to connect without it, header-mode callers still need the token, and the consent
 * page is rate limited per address so it is no oracle for guessing keys or codes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "oauth.token-keys=k1:" + OAuthBridgeTest.KEY_1,
            "mcp.access-token=" + OAuthOperatorTokenTests.OPERATOR,
            "oauth.consent-rate-per-minute=4"
        })
class OAuthOperatorTokenTests {

    static final String OPERATOR = "operator-token-5f1e2d3c4b";
    static final String KEY = "acme-key-operator-01234";
    static FakeOdoo acme;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        acme = FakeOdoo.builder()
                .version("19.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        acme.close();
    }

    private Map<String, String> fields(String accessCode) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "odoo_url", acme.baseUrl().toString(), "odoo_db", "acme", "odoo_login", "admin", "odoo_key", KEY));
        if (accessCode != null) {
            fields.put("access_token", accessCode);
        }
        return fields;
    }

    @Test
    void theConsentPageAsksForTheAccessCodeAndTheTokenThenWorks() {
        OAuthTestClient client = new OAuthTestClient(port);
        String clientId = client.register();
        acme.clearCalls();
        OAuthTestClient.Consent consent =
                client.openConsent(client.authorizeUrl(clientId, OAuthTestClient.Pkce.create(), "s"), "en");
        assertThat(consent.page().body()).contains("<label for=\"access_token\">Access code</label>");
        OAuthTestClient.Answer wrong = client.submit(consent, fields("not-the-operator-token"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("This access code is not right").doesNotContain("not-the-operator-token");
        assertThat(acme.calls())
                .as("no Odoo call for a caller without the access code")
                .isEmpty();

        String access =
                client.connect(clientId, fields(OPERATOR)).get("access_token").asString();
        OAuthTestClient.Answer call = client.callTool(access, "count_records", "{\"model\":\"res.partner\"}", Map.of());
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.body()).contains("\"count\"");
    }

    @Test
    void headerModeStillNeedsTheOperatorToken() {
        OAuthTestClient client = new OAuthTestClient(port);
        Map<String, String> headers = new HashMap<>(Map.of(
                "X-Odoo-Url",
                acme.baseUrl().toString(),
                "X-Odoo-Db",
                "acme",
                "X-Odoo-Username",
                "admin",
                "X-Odoo-Api-Key",
                KEY));
        assertThat(client.callTool(null, "count_records", "{\"model\":\"res.partner\"}", headers)
                        .status())
                .isEqualTo(401);
        assertThat(client.callTool(OPERATOR, "count_records", "{\"model\":\"res.partner\"}", headers)
                        .status())
                .isEqualTo(200);
        headers.put("X-MCP-Token", OPERATOR);
        assertThat(client.callTool(null, "count_records", "{\"model\":\"res.partner\"}", headers)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void oneAddressGetsOnlyAFewTriesAMinute() {
        // The address as a trusted proxy reports it (a header only: no traffic leaves loopback).
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.7");
        OAuthTestClient client = new OAuthTestClient(port);
        OAuthTestClient.Consent consent =
                client.openConsent(client.authorizeUrl(client.register(), OAuthTestClient.Pkce.create(), "s"), "en");
        Map<String, String> guess = fields(OPERATOR);
        guess.put("odoo_key", "guess-0000000000");
        OAuthTestClient.Answer answer = null;
        for (int i = 0; i < 6 && (answer == null || answer.status() != 429); i++) {
            answer = client.submit(consent, guess, from);
        }
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body()).contains("Too many attempts");
        assertThat(client.submit(consent, guess).status())
                .as("another address still gets its own tries")
                .isEqualTo(400);
    }
}
