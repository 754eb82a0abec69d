package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OAuth flow end to end over real HTTP, from discovery to a tool call on the user's own Odoo and a refresh. */
@OAuthBridgeTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class OAuthFlowTests {

    static final String ACME_KEY = "acme-key-0123456789";
    static final String GLOBEX_KEY = "globex-key-0123456789";
    static FakeOdoo acme;
    static FakeOdoo globex;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startOdoo() {
        acme = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", ACME_KEY))
                .start();
        globex = FakeOdoo.builder()
                .version("19.0")
                .database("globex", FakeOdooDatasets.demoCompany("globex", "boss", GLOBEX_KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        acme.close();
        globex.close();
    }

    static Map<String, String> acmeFields() {
        return Map.of(
                "odoo_url", acme.baseUrl().toString(), "odoo_db", "acme", "odoo_login", "admin", "odoo_key", ACME_KEY);
    }

    static Map<String, String> globexFields() {
        return Map.of(
                "odoo_url",
                globex.baseUrl().toString(),
                "odoo_db",
                "globex",
                "odoo_login",
                "boss",
                "odoo_key",
                GLOBEX_KEY);
    }

    @Test
    void anUnauthenticatedRequestIsChallengedAndDiscoveryDescribesTheBridge() {
        OAuthTestClient client = new OAuthTestClient(port);
        OAuthTestClient.Answer challenge =
                client.callTool(null, "count_records", "{\"model\":\"res.partner\"}", Map.of());
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("WWW-Authenticate"))
                .isEqualTo("Bearer resource_metadata=\"" + client.base + "/.well-known/oauth-protected-resource/mcp\"");

        for (String path :
                new String[] {"/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"}) {
            JsonNode prm = client.get(path, Map.of()).json();
            assertThat(prm.get("resource").asString()).isEqualTo(client.base + "/mcp");
            assertThat(prm.get("authorization_servers").get(0).asString()).isEqualTo(client.base);
        }
        for (String path :
                new String[] {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
            JsonNode as = client.get(path, Map.of()).json();
            assertThat(as.get("issuer").asString()).isEqualTo(client.base);
            assertThat(as.get("authorization_endpoint").asString()).isEqualTo(client.base + "/oauth/authorize");
            assertThat(as.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
            assertThat(as.get("authorization_response_iss_parameter_supported").asBoolean())
                    .isTrue();
            assertThat(as.get("client_id_metadata_document_supported").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void aDisguisedMcpPathIsRefusedOrChallengedNeverServed() {
        OAuthTestClient client = new OAuthTestClient(port);
        for (String path : new String[] {"/mcp;jsessionid=x", "/./mcp"}) {
            // the edge firewall refuses what cannot be matched safely, before any token is looked at
            assertThat(client.postJson(
                                    path,
                                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                                    Map.of("Accept", "application/json, text/event-stream"))
                            .status())
                    .as(path)
                    .isEqualTo(400);
        }
        for (String path : new String[] {"/%6dcp", "/m%63p"}) {
            OAuthTestClient.Answer answer = client.postJson(
                    path,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                    Map.of("Accept", "application/json, text/event-stream"));
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(path).startsWith("Bearer resource_metadata=");
        }
    }

    @Test
    void forwardedHostAndProtoNameTheResourceAsTheUserTypedIt() {
        OAuthTestClient client = new OAuthTestClient(port);
        JsonNode prm = client.get(
                        "/.well-known/oauth-protected-resource/mcp",
                        Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "odoo-mcp.example.com"))
                .json();
        assertThat(prm.get("resource").asString()).isEqualTo("https://odoo-mcp.example.com/mcp");
        assertThat(prm.get("authorization_servers").get(0).asString()).isEqualTo("https://odoo-mcp.example.com");
    }

    @Test
    void aRequestWithOdooHeadersIsNeverChallenged() {
        OAuthTestClient client = new OAuthTestClient(port);
        OAuthTestClient.Answer answer = client.callTool(
                null,
                "count_records",
                "{\"model\":\"res.partner\"}",
                Map.of(
                        "X-Odoo-Url",
                        acme.baseUrl().toString(),
                        "X-Odoo-Db",
                        "acme",
                        "X-Odoo-Username",
                        "admin",
                        "X-Odoo-Api-Key",
                        ACME_KEY));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("WWW-Authenticate")).isNull();
        assertThat(answer.body()).contains("\"count\"");
        // an unrelated bearer value beside the headers changes nothing (no operator token is configured here)
        OAuthTestClient.Answer withBearer = client.callTool(
                "some-unrelated-value",
                "count_records",
                "{\"model\":\"res.partner\"}",
                Map.of(
                        "X-Odoo-Url",
                        acme.baseUrl().toString(),
                        "X-Odoo-Db",
                        "acme",
                        "X-Odoo-Username",
                        "admin",
                        "X-Odoo-Api-Key",
                        ACME_KEY));
        assertThat(withBearer.status()).isEqualTo(200);
        assertThat(withBearer.header("WWW-Authenticate")).isNull();
    }

    @Test
    void dcrClientConnectsCallsItsOwnOdooAndRefreshes(org.springframework.boot.test.system.CapturedOutput output) {
        OAuthTestClient client = new OAuthTestClient(port);
        String clientId = client.register();
        JsonNode tokens = client.connect(clientId, acmeFields());
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(8 * 3600);
        String access = tokens.get("access_token").asString();
        String refresh = tokens.get("refresh_token").asString();
        System.out.println("oauth token sizes: access " + access.length() + " chars, refresh " + refresh.length()
                + " chars, DCR client id " + clientId.length() + " chars");

        OAuthTestClient.Answer call = client.callTool(
                access, "search_records", "{\"model\":\"res.company\",\"fields\":[\"name\"]}", Map.of());
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        assertThat(call.body()).contains("My Company (acme)").doesNotContain("isError\":true");

        OAuthTestClient.Answer refreshed = client.refresh(clientId, refresh);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String access2 = refreshed.json().get("access_token").asString();
        String refresh2 = refreshed.json().get("refresh_token").asString();
        assertThat(refresh2).isNotEqualTo(refresh);
        assertThat(client.callTool(
                                access2,
                                "search_records",
                                "{\"model\":\"res.company\",\"fields\":[\"name\"]}",
                                Map.of())
                        .body())
                .contains("My Company (acme)");
        // rotation: the old refresh token is spent
        OAuthTestClient.Answer reused = client.refresh(clientId, refresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(reused.body()).doesNotContain(refresh);
        // Nothing secret in any log line of the whole flow: neither the API key nor any token.
        assertThat(output.getAll())
                .contains("token=oauth")
                .doesNotContain(ACME_KEY)
                .doesNotContain(access)
                .doesNotContain(refresh)
                .doesNotContain(access2)
                .doesNotContain(refresh2)
                .doesNotContain(access.substring(access.lastIndexOf('.') - 40));
    }

    @Test
    void refreshFailsOnlyWhenOdooDefinitelyRefusesTheKey() throws Exception {
        OAuthTestClient client = new OAuthTestClient(port);
        String clientId = client.register();
        try (FakeOdoo initech = FakeOdoo.builder()
                .version("18.0")
                .database("initech", FakeOdooDatasets.demoCompany("initech", "peter", "initech-key-0123456789"))
                .start()) {
            JsonNode tokens = client.connect(
                    clientId,
                    Map.of(
                            "odoo_url",
                            initech.baseUrl().toString(),
                            "odoo_db",
                            "initech",
                            "odoo_login",
                            "peter",
                            "odoo_key",
                            "initech-key-0123456789"));
            // Odoo slow to answer or down for a moment: no reason to log the user out.
            initech.override("/xmlrpc/2/object", exchange -> {
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
            });
            OAuthTestClient.Answer unavailable =
                    client.refresh(clientId, tokens.get("refresh_token").asString());
            assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(200);
            // The key revoked in Odoo (its recorded answer to a wrong key): the refresh is refused.
            byte[] accessDenied = OdooFixtureBodies.wrongKeyExecute();
            initech.override("/xmlrpc/2/object", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
                exchange.sendResponseHeaders(200, accessDenied.length);
                exchange.getResponseBody().write(accessDenied);
                exchange.close();
            });
            OAuthTestClient.Answer revoked = client.refresh(
                    clientId, unavailable.json().get("refresh_token").asString());
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(400);
            assertThat(revoked.json().get("error").asString()).isEqualTo("invalid_grant");
            assertThat(revoked.json().get("error_description").asString()).contains("no longer accepts the API key");
        }
    }

    @Test
    void twoUsersOnOneBridgeEachReachOnlyTheirOwnOdoo() {
        OAuthTestClient client = new OAuthTestClient(port);
        String clientId = client.register();
        String alice =
                client.connect(clientId, acmeFields()).get("access_token").asString();
        String bob =
                client.connect(clientId, globexFields()).get("access_token").asString();
        for (int i = 0; i < 5; i++) {
            String a = client.callTool(
                            alice, "search_records", "{\"model\":\"res.company\",\"fields\":[\"name\"]}", Map.of())
                    .body();
            String b = client.callTool(
                            bob, "search_records", "{\"model\":\"res.company\",\"fields\":[\"name\"]}", Map.of())
                    .body();
            assertThat(a).contains("My Company (acme)").doesNotContain("globex");
            assertThat(b).contains("My Company (globex)").doesNotContain("acme");
        }
    }

    @Test
    void headersNeverOverrideTheOdooATokenCarries() {
        OAuthTestClient client = new OAuthTestClient(port);
        String alice = client.connect(client.register(), acmeFields())
                .get("access_token")
                .asString();
        String answer = client.callTool(
                        alice,
                        "search_records",
                        "{\"model\":\"res.company\",\"fields\":[\"name\"]}",
                        Map.of(
                                "X-Odoo-Url",
                                globex.baseUrl().toString(),
                                "X-Odoo-Db",
                                "globex",
                                "X-Odoo-Username",
                                "boss",
                                "X-Odoo-Api-Key",
                                GLOBEX_KEY))
                .body();
        assertThat(answer).contains("My Company (acme)").doesNotContain("globex");
    }

    @Test
    void readOnlyChosenOnTheConsentPageRefusesWrites() {
        OAuthTestClient client = new OAuthTestClient(port);
        String clientId = client.register();
        Map<String, String> fields = new java.util.HashMap<>(acmeFields());
        fields.put("read_only", "on");
        String access = client.connect(clientId, fields).get("access_token").asString();
        String answer = client.callTool(
                        access, "create_record", "{\"model\":\"res.partner\",\"values\":{\"name\":\"X\"}}", Map.of())
                .body();
        assertThat(answer).contains("isError\":true").contains("read-only");
    }
}
