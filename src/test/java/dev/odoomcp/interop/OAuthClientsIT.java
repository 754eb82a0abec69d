package dev.odoomcp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.oauth.ClientMetadataTls;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Real OAuth clients nobody here wrote, against the bridge in OAuth mode and a fake Odoo on loopback: the
 * official TypeScript SDK client's auth provider for Streamable HTTP, once with a Client ID Metadata
 * Document (served over https on loopback) and once with Dynamic Client Registration, each through the
 * consent page, the token exchange, a tool call, a refresh and a second call; and mcp-remote's own OAuth
 * flow (with DCR, and with a metadata document), its browser played by a script that fills the consent form.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "oauth.token-keys=k1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="
        })
class OAuthClientsIT {

    static final String KEY = "interop-oauth-key-4e2a";
    static final FakeOdoo odoo = FakeOdoo.builder()
            .version("19.0")
            .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
            .start();
    static final LoopbackHttps https = start();

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Tls {
        @Bean
        ClientMetadataTls clientMetadataTls() {
            return new ClientMetadataTls(https.trust());
        }
    }

    private static LoopbackHttps start() {
        try {
            return new LoopbackHttps();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        odoo.close();
        https.close();
    }

    private String fields() {
        return "{\"odoo_url\":\"" + odoo.baseUrl() + "\",\"odoo_db\":\"acme\",\"odoo_login\":\"admin\",\"odoo_key\":\""
                + KEY + "\"}";
    }

    private Map<String, String> sdkEnv() {
        return new HashMap<>(Map.of(
                "ODOO_FIELDS",
                fields(),
                "CALL_TOOL",
                "search_records",
                "CALL_ARGS",
                "{\"model\":\"stock.warehouse\",\"fields\":[\"name\",\"code\"]}",
                "EXPECT_TEXT",
                "Main Store"));
    }

    @Test
    void officialSdkClientWithAClientMetadataDocument() {
        String documentUrl = https.url("/oauth/sdk-client.json");
        https.serve(
                "/oauth/sdk-client.json",
                "{\"client_id\":\"" + documentUrl + "\",\"client_name\":\"SDK OAuth interop "
                        + "(CIMD)\",\"redirect_uris\":[\"http://127.0.0.1:9/callback\"],\"grant_types\":[\"authorization_code\","
                        + "\"refresh_token\"],\"response_types\":[\"code\"],\"token_endpoint_auth_method\":\"none\"}");
        Map<String, String> env = sdkEnv();
        env.put("CLIENT_METADATA_URL", documentUrl);
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(2), env, "oauth-client.mjs", mcpUrl());
        System.out.println("sdk oauth client (CIMD): " + run.all());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout())
                .contains("\"registration\":\"cimd\"")
                .contains("Main Store")
                .doesNotContain(KEY);
        assertThat(https.requests("/oauth/sdk-client.json"))
                .as("fetched once, then cached")
                .isEqualTo(1);
    }

    @Test
    void officialSdkClientWithDynamicClientRegistration() {
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(2), sdkEnv(), "oauth-client.mjs", mcpUrl());
        System.out.println("sdk oauth client (DCR): " + run.all());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout())
                .contains("\"registration\":\"dcr\"")
                .contains("Main Store")
                .doesNotContain(KEY);
    }

    @Test
    void sdkClientGetsAClearErrorWhenTheMetadataDocumentCannotBeFetched() {
        Map<String, String> env = sdkEnv();
        env.put("CLIENT_METADATA_URL", https.url("/oauth/missing.json"));
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(2), env, "oauth-client.mjs", mcpUrl());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("could not be fetched").contains("HTTP 404");
    }

    @Test
    void mcpRemoteRunsItsOwnOAuthFlowWithTheConsentPage() throws Exception {
        mcpRemote(List.of());
    }

    @Test
    void mcpRemoteWithAClientMetadataDocument() throws Exception {
        String documentUrl = https.url("/oauth/mcp-remote.json");
        // mcp-remote listens on a loopback port of its choosing: loopback redirect URIs match on any port (RFC 8252).
        https.serve(
                "/oauth/mcp-remote.json",
                "{\"client_id\":\"" + documentUrl + "\",\"client_name\":\"mcp-remote "
                        + "(CIMD)\",\"redirect_uris\":[\"http://localhost/oauth/callback\"],\"grant_types\":"
                        + "[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"],"
                        + "\"token_endpoint_auth_method\":\"none\"}");
        mcpRemote(List.of("--client-metadata-url", documentUrl));
        assertThat(https.requests("/oauth/mcp-remote.json"))
                .as("the bridge read mcp-remote's document")
                .isPositive();
    }

    private void mcpRemote(List<String> extra) throws Exception {
        Path log = Files.createTempFile("consent", ".log");
        Map<String, String> env = Map.of(
                "ODOO_FIELDS",
                fields(),
                "BROWSER",
                NodeTools.DIR.resolve("consent-browser.sh").toString(),
                "CONSENT_LOG",
                log.toString(),
                "CALL_TOOL",
                "search_records",
                "CALL_ARGS",
                "{\"model\":\"stock.warehouse\",\"fields\":[\"name\",\"code\"]}",
                "EXPECT_TEXT",
                "Main Store",
                "TIMEOUT_MS",
                "60000");
        // A free loopback port for mcp-remote's callback server (else it derives one that may be taken).
        int callbackPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            callbackPort = probe.getLocalPort();
        }
        List<String> args = new java.util.ArrayList<>(List.of(
                "mcp-client.mjs",
                "stdio",
                NodeTools.node().toString(),
                NodeTools.module("mcp-remote/dist/proxy.js"),
                mcpUrl(),
                Integer.toString(callbackPort),
                "--transport",
                "http-only",
                "--auth-timeout",
                "60"));
        args.addAll(extra);
        NodeTools.Run run = NodeTools.node(Duration.ofMinutes(2), env, args.toArray(String[]::new));
        System.out.println("mcp-remote oauth " + extra + ": " + run.stdout() + "\nconsent: " + Files.readString(log));
        assertThat(run.exitCode()).as(run.all() + Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("consent ok");
        assertThat(run.stdout()).contains("Main Store");
    }

    private String mcpUrl() {
        return "http://127.0.0.1:" + port + "/mcp";
    }
}
