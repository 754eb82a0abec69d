package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every refusal of OAuth mode is a clear OAuth error, never a 500 and never a token in the answer: bad tokens
 * at {@code /mcp} (expired, tampered, wrong audience, wrong kind, retired key, malformed), bad exchanges at
 * the token endpoint (wrong PKCE verifier, replayed or expired code, other client, other redirect URI), and
 * bad authorization requests (unregistered redirect URI, no PKCE, another resource).
 */
@OAuthBridgeTest
class OAuthRefusalTests {

    static final String KEY = "acme-key-0123456789";
    static FakeOdoo acme;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    private double events(String event, String outcome) {
        io.micrometer.core.instrument.Counter counter = metrics.find("mcp.oauth.events")
                .tag("event", event)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @BeforeAll
    static void startOdoo() {
        acme = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
    }

    @AfterAll
    static void stopOdoo() {
        acme.close();
    }

    private OAuthTestClient client() {
        return new OAuthTestClient(port);
    }

    private Map<String, String> fields() {
        return Map.of("odoo_url", acme.baseUrl().toString(), "odoo_db", "acme", "odoo_login", "admin", "odoo_key", KEY);
    }

    private Grant grant(String resource, String clientId) {
        return new Grant(
                new Grant.OdooFields(acme.baseUrl().toString(), "acme", "admin", KEY, null),
                clientId,
                resource,
                false,
                null,
                Instant.now());
    }

    private static TokenSealer sealer(String kid, String key, Instant now) {
        return new TokenSealer(Map.of(kid, Base64.getDecoder().decode(key)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static OAuthTokens tokens(TokenSealer sealer) {
        return new OAuthTokens(sealer, OAuthProperties.defaults());
    }

    private void assertInvalidToken(String bearer, String why) {
        OAuthTestClient.Answer answer =
                client().callTool(bearer, "count_records", "{\"model\":\"res.partner\"}", Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate"))
                .startsWith("Bearer resource_metadata=\"")
                .contains("error=\"invalid_token\"")
                .contains(why);
        assertThat(answer.body()).contains(why).doesNotContain(bearer).doesNotContain(KEY);
        assertThat(acme.callsTo("res.partner", "search_count")).isEmpty();
    }

    @Test
    void aValidTokenSealedWithTheSecondKeyIsStillAccepted() {
        String resource = client().base + "/mcp";
        String token = tokens(sealer("k1", OAuthBridgeTest.KEY_1, Instant.now()))
                .issue(grant(resource, "c"))
                .accessToken();
        OAuthTestClient.Answer answer =
                client().callTool(token, "count_records", "{\"model\":\"res.partner\"}", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"count\"");
        acme.clearCalls();
    }

    @Test
    void expiredAccessToken() {
        String resource = client().base + "/mcp";
        String token = tokens(sealer("k2", OAuthBridgeTest.KEY_2, Instant.now().minus(Duration.ofHours(9))))
                .issue(grant(resource, "c"))
                .accessToken();
        double before = events("bearer", "expired");
        assertInvalidToken(token, "has expired");
        assertThat(events("bearer", "expired")).isEqualTo(before + 1);
    }

    @Test
    void tamperedAccessToken() {
        String resource = client().base + "/mcp";
        String token = tokens(sealer("k2", OAuthBridgeTest.KEY_2, Instant.now()))
                .issue(grant(resource, "c"))
                .accessToken();
        String[] parts = token.split("\\.");
        char[] cipher = parts[3].toCharArray();
        cipher[10] = cipher[10] == 'A' ? 'B' : 'A';
        parts[3] = new String(cipher);
        assertInvalidToken(String.join(".", parts), "does not verify");
    }

    @Test
    void accessTokenForAnotherResource() {
        String token = tokens(sealer("k2", OAuthBridgeTest.KEY_2, Instant.now()))
                .issue(grant("https://other-bridge.example.com/mcp", "c"))
                .accessToken();
        assertInvalidToken(token, "issued for another resource");
    }

    @Test
    void refreshTokenUsedAsAccessToken() {
        String resource = client().base + "/mcp";
        String refresh = tokens(sealer("k2", OAuthBridgeTest.KEY_2, Instant.now()))
                .issue(grant(resource, "c"))
                .refreshToken();
        assertInvalidToken(refresh, "is a refresh token, not a access token");
    }

    @Test
    void tokenSealedWithARetiredKey() {
        String resource = client().base + "/mcp";
        String token = tokens(sealer("k0", OAuthBridgeTest.RETIRED_KEY, Instant.now()))
                .issue(grant(resource, "c"))
                .accessToken();
        assertInvalidToken(token, "key this bridge no longer uses");
    }

    @Test
    void tokenForgedUnderAKnownKeyIdWithAnotherKey() {
        String resource = client().base + "/mcp";
        String token = tokens(sealer("k2", OAuthBridgeTest.RETIRED_KEY, Instant.now()))
                .issue(grant(resource, "c"))
                .accessToken();
        assertInvalidToken(token, "does not verify");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-token",
                "a.b.c.d.e",
                "eyJhbGciOiJub25lIn0.e30.",
                "eyJ0eXAiOiJvZG9vbWNwLWF0K2p3ZSJ9.x.y.z.w"
            })
    void malformedBearerValues(String value) {
        assertInvalidToken(value, "neither an access token of this bridge");
    }

    @Test
    void wrongPkceVerifierIsInvalidGrant() {
        OAuthTestClient client = client();
        String clientId = client.register();
        String code = code(client, clientId, OAuthTestClient.Pkce.create());
        OAuthTestClient.Answer answer =
                client.exchange(clientId, code, OAuthTestClient.Pkce.create().verifier());
        assertOAuthError(answer, 400, "invalid_grant", "code_verifier does not match");
    }

    @Test
    void replayedCodeIsInvalidGrant() {
        OAuthTestClient client = client();
        String clientId = client.register();
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = code(client, clientId, pkce);
        assertThat(client.exchange(clientId, code, pkce.verifier()).status()).isEqualTo(200);
        double before = events("token", "invalid_grant");
        assertOAuthError(client.exchange(clientId, code, pkce.verifier()), 400, "invalid_grant", "already used");
        assertThat(events("token", "invalid_grant")).isEqualTo(before + 1);
        assertThat(metrics.find("mcp.oauth.events").counters())
                .allSatisfy(c -> assertThat(c.getId().getTags().toString())
                        .doesNotContain(code.substring(0, 20))
                        .doesNotContain(clientId.substring(0, 20)));
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        OAuthTestClient client = client();
        String clientId = client.register();
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = tokens(sealer("k2", OAuthBridgeTest.KEY_2, Instant.now().minusSeconds(120)))
                .code(grant(client.base + "/mcp", clientId), OAuthTestClient.REDIRECT, pkce.challenge());
        assertOAuthError(client.exchange(clientId, code, pkce.verifier()), 400, "invalid_grant", "has expired");
    }

    @Test
    void codeOfAnotherClientOrRedirectIsInvalidGrant() {
        OAuthTestClient client = client();
        String clientId = client.register();
        OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
        String code = code(client, clientId, pkce);
        assertOAuthError(
                client.exchange(client.register(), code, pkce.verifier()), 400, "invalid_grant", "another client");
        OAuthTestClient.Answer otherRedirect = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        "http://127.0.0.1:9/other",
                        "client_id",
                        clientId,
                        "code_verifier",
                        pkce.verifier()),
                Map.of());
        assertOAuthError(otherRedirect, 400, "invalid_grant", "redirect_uri");
    }

    @Test
    void accessTokenUsedAsCodeOrRefreshToken() {
        OAuthTestClient client = client();
        String clientId = client.register();
        JsonNode tokens = client.connect(clientId, fields());
        assertOAuthError(
                client.exchange(clientId, tokens.get("access_token").asString(), "x".repeat(43)),
                400,
                "invalid_grant",
                "not a authorization code");
        assertOAuthError(
                client.refresh(clientId, tokens.get("access_token").asString()),
                400,
                "invalid_grant",
                "not a refresh token");
    }

    @Test
    void tokenEndpointRefusesJunkWithOAuthErrors() {
        OAuthTestClient client = client();
        assertOAuthError(
                client.postJson("/oauth/token", "{}", Map.of()), 400, "invalid_request", "x-www-form-urlencoded");
        assertOAuthError(
                client.postForm("/oauth/token", Map.of("client_id", client.register()), Map.of()),
                400,
                "invalid_request",
                "grant_type");
        assertOAuthError(
                client.postForm(
                        "/oauth/token", Map.of("client_id", client.register(), "grant_type", "password"), Map.of()),
                400,
                "unsupported_grant_type",
                "authorization_code");
        assertOAuthError(
                client.postForm(
                        "/oauth/token",
                        Map.of("grant_type", "authorization_code", "code", "x", "client_id", "nobody"),
                        Map.of()),
                401,
                "invalid_client",
                "Unknown client_id");
        assertOAuthError(
                client.postForm(
                        "/oauth/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                "junk",
                                "client_id",
                                client.register(),
                                "code_verifier",
                                "v".repeat(43)),
                        Map.of()),
                400,
                "invalid_grant",
                "not a token");
    }

    @Test
    void confidentialClientsMustAuthenticate() {
        OAuthTestClient client = client();
        for (String method : new String[] {"client_secret_post", "client_secret_basic"}) {
            JsonNode registered = client.postJson(
                            "/oauth/register",
                            "{\"client_name\":\"Hosted\",\"redirect_uris\":[\"" + OAuthTestClient.REDIRECT
                                    + "\"],\"token_endpoint_auth_method\":\"" + method + "\"}",
                            Map.of())
                    .json();
            String clientId = registered.get("client_id").asString();
            String secret = registered.get("client_secret").asString();
            assertThat(registered.get("token_endpoint_auth_method").asString()).isEqualTo(method);
            OAuthTestClient.Pkce pkce = OAuthTestClient.Pkce.create();
            String code = code(client, clientId, pkce);
            Map<String, String> form = new HashMap<>(Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    code,
                    "redirect_uri",
                    OAuthTestClient.REDIRECT,
                    "client_id",
                    clientId,
                    "code_verifier",
                    pkce.verifier()));
            assertOAuthError(client.postForm("/oauth/token", form, Map.of()), 401, "invalid_client", "client_secret");
            form.put("client_secret", "wrong-" + secret);
            assertOAuthError(client.postForm("/oauth/token", form, Map.of()), 401, "invalid_client", "client_secret");
            Map<String, String> headers = Map.of();
            if (method.equals("client_secret_basic")) {
                form.remove("client_secret");
                headers = Map.of(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + secret)
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } else {
                form.put("client_secret", secret);
            }
            OAuthTestClient.Answer ok = client.postForm("/oauth/token", form, headers);
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
    }

    @Test
    void unregisteredRedirectUriIsShownNotRedirected() {
        OAuthTestClient client = client();
        String clientId = client.register();
        String url = client.authorizeUrl(clientId, OAuthTestClient.Pkce.create(), "s")
                .replace("127.0.0.1%3A9%2Fcallback", "127.0.0.1%3A9%2Fcallback-evil");
        OAuthTestClient.Answer answer = client.get(url, Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.body()).contains("has not registered");
        OAuthTestClient.Answer phishing = client.get(
                client.authorizeUrl(clientId, OAuthTestClient.Pkce.create(), "s")
                        .replace("http%3A%2F%2F127.0.0.1%3A9%2Fcallback", "https%3A%2F%2Fevil.example.com%2Fcb"),
                Map.of());
        assertThat(phishing.status()).isEqualTo(400);
        assertThat(phishing.header("Location")).isNull();
    }

    @Test
    void registrationRefusesRedirectsOutsideTheAllowList() {
        OAuthTestClient client = client();
        for (String uri : new String[] {
            "https://evil.example.com/cb", "http://claude.ai/cb", "javascript:alert(1)", "https://claude.ai/cb#frag"
        }) {
            OAuthTestClient.Answer answer =
                    client.postJson("/oauth/register", "{\"redirect_uris\":[\"" + uri + "\"]}", Map.of());
            assertOAuthError(answer, 400, "invalid_redirect_uri", "Redirect URI refused");
        }
        assertThat(client.postJson(
                                "/oauth/register",
                                "{\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"]}",
                                Map.of())
                        .status())
                .isEqualTo(201);
        assertOAuthError(
                client.postJson("/oauth/register", "not json", Map.of()),
                400,
                "invalid_client_metadata",
                "not valid JSON");
    }

    @Test
    void authorizationRequestsWithoutS256OrForAnotherResourceAreRedirectedWithAnError() {
        OAuthTestClient client = client();
        String clientId = client.register();
        String good = client.authorizeUrl(clientId, OAuthTestClient.Pkce.create(), "st-9");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(good.replace("code_challenge_method=S256", "code_challenge_method=plain"), "invalid_request");
        cases.put(good.replaceAll("code_challenge=[^&]+&", ""), "invalid_request");
        cases.put(good.replace("resource=http", "resource=https"), "invalid_target");
        cases.put(good.replace("response_type=code", "response_type=token"), "unsupported_response_type");
        cases.forEach((url, error) -> {
            OAuthTestClient.Answer answer = client.get(url, Map.of());
            assertThat(answer.status()).as(url).isEqualTo(303);
            Map<String, String> query = OAuthTestClient.query(answer.header("Location"));
            assertThat(answer.header("Location")).startsWith(OAuthTestClient.REDIRECT + "?");
            assertThat(query)
                    .containsEntry("error", error)
                    .containsEntry("state", "st-9")
                    .containsEntry("iss", client.base);
        });
    }

    @Test
    void consentRefusalsStayOnThePage() {
        OAuthTestClient client = client();
        String clientId = client.register();
        OAuthTestClient.Consent consent =
                client.openConsent(client.authorizeUrl(clientId, OAuthTestClient.Pkce.create(), "s"), "en");
        assertThat(consent.page().header("Content-Security-Policy"))
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self' http://127.0.0.1:9");
        assertThat(consent.page().header("Cache-Control")).isEqualTo("no-store");
        assertThat(consent.cookie()).startsWith("odoomcp_consent=");

        Map<String, String> badKey = new HashMap<>(fields());
        badKey.put("odoo_key", "wrong-key-77777777");
        OAuthTestClient.Answer wrong = client.submit(consent, badKey);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("Odoo refused this login and API key")
                .doesNotContain("wrong-key-77777777")
                .contains("value=\"" + acme.baseUrl() + "\"");

        OAuthTestClient.Answer noCookie =
                client.submit(new OAuthTestClient.Consent(consent.page(), consent.txn(), null), fields());
        assertThat(noCookie.status()).isEqualTo(400);
        assertThat(noCookie.body()).contains("has expired");
        OAuthTestClient.Answer forged = client.submit(
                new OAuthTestClient.Consent(
                        consent.page(),
                        consent.txn().substring(0, consent.txn().length() - 3) + "AAA",
                        consent.cookie()),
                fields());
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("has expired");

        OAuthTestClient.Answer denied = client.submit(consent, Map.of("decision", "deny"));
        assertThat(denied.status()).isEqualTo(303);
        assertThat(OAuthTestClient.query(denied.header("Location")))
                .containsEntry("error", "access_denied")
                .containsEntry("state", "s");
    }

    @Test
    void anApplicationNameCannotInjectMarkupOrReorderText() {
        OAuthTestClient client = client();
        String clientId = client.postJson(
                        "/oauth/register",
                        "{\"client_name\":\"<script>alert(1)</script>\u202eCl\"," + "\"redirect_uris\":[\""
                                + OAuthTestClient.REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"}",
                        Map.of())
                .json()
                .get("client_id")
                .asString();
        String page = client.openConsent(client.authorizeUrl(clientId, OAuthTestClient.Pkce.create(), "s"), "en")
                .page()
                .body();
        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;Cl")
                .doesNotContain("<script")
                .doesNotContain("\u202e");
    }

    @Test
    void consentPageSpeaksSpanish() {
        OAuthTestClient client = client();
        OAuthTestClient.Consent consent = client.openConsent(
                client.authorizeUrl(client.register(), OAuthTestClient.Pkce.create(), "s"), "es-ES,es;q=0.9,en;q=0.5");
        assertThat(consent.page().body())
                .contains("<html lang=\"es\">")
                .contains("Conecta tu Odoo")
                .contains("Clave API");
    }

    private String code(OAuthTestClient client, String clientId, OAuthTestClient.Pkce pkce) {
        OAuthTestClient.Consent consent = client.openConsent(client.authorizeUrl(clientId, pkce, "s"), "en");
        OAuthTestClient.Answer submitted = client.submit(consent, fields());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(303);
        return OAuthTestClient.query(submitted.header("Location")).get("code");
    }

    private static void assertOAuthError(OAuthTestClient.Answer answer, int status, String error, String text) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("error_description").asString()).contains(text);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
}
