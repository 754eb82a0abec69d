package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetAddressPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Client ID Metadata Documents are checked as the draft requires, fetched once, and fetched only where the SSRF guard allows. */
class OAuthClientsTests {

    static final String ID = "https://app.example.com/oauth/client.json";
    private final AtomicInteger fetches = new AtomicInteger();

    private OAuthClients clients(String document) {
        return new OAuthClients(
                url -> {
                    fetches.incrementAndGet();
                    return document.getBytes(StandardCharsets.UTF_8);
                },
                TokenSealerTests.sealer(TokenSealerTests.NOW, "a", TokenSealerTests.KEY_A),
                new RedirectPolicy(OAuthProperties.defaults()),
                JsonMapper.builder().build(),
                Duration.ofMinutes(5));
    }

    private static String doc(String extra) {
        return "{\"client_id\":\"" + ID + "\",\"client_name\":\"Example\",\"redirect_uris\":[\"https://claude.ai/cb\"]"
                + extra + "}";
    }

    @Test
    void aGoodDocumentIsFetchedOnceAndCached() {
        OAuthClients clients = clients(doc(",\"token_endpoint_auth_method\":\"none\""));
        OAuthClient client = clients.resolve(ID);
        assertThat(client.name()).isEqualTo("Example");
        assertThat(client.redirectUris()).containsExactly("https://claude.ai/cb");
        assertThat(client.metadataDocument()).isTrue();
        clients.resolve(ID);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void badDocumentsAreRefusedWithTheReasonAndTheFailureIsCachedBriefly() {
        String[][] cases = {
            {
                "{\"client_id\":\"https://other.example.com/c.json\",\"redirect_uris\":[\"https://claude.ai/cb\"]}",
                "not exactly the URL"
            },
            {doc(",\"client_secret\":\"s\""), "client secret"},
            {doc(",\"token_endpoint_auth_method\":\"private_key_jwt\""), "private_key_jwt"},
            {
                "{\"client_id\":\"" + ID + "\",\"redirect_uris\":[\"https://evil.example.com/cb\"]}",
                "OAUTH_REDIRECT_HOSTS"
            },
            {"{\"client_id\":\"" + ID + "\"}", "redirect_uris"},
            {doc(",\"grant_types\":[\"client_credentials\"]"), "client_credentials"},
            {"[1,2]", "not a JSON object"},
            {"<html>", "not valid JSON"}
        };
        for (String[] c : cases) {
            fetches.set(0);
            OAuthClients clients = clients(c[0]);
            assertThatThrownBy(() -> clients.resolve(ID)).isInstanceOfSatisfying(OAuthException.class, e -> {
                assertThat(e.error()).isEqualTo("invalid_client");
                assertThat(e.getMessage()).contains(c[1]);
            });
            assertThatThrownBy(() -> clients.resolve(ID)).isInstanceOf(OAuthException.class);
            assertThat(fetches).as(c[1]).hasValue(1);
        }
    }

    @Test
    void clientIdsThatAreNoDocumentUrlsOrRegistrationsAreUnknown() {
        OAuthClients clients = clients(doc(""));
        for (String id : new String[] {
            "https://app.example.com/",
            "https://app.example.com",
            "http://app.example.com/c",
            "https://app.example.com/a/../c",
            "random-client",
            ""
        }) {
            assertThatThrownBy(() -> clients.resolve(id)).isInstanceOf(OAuthException.class);
        }
        assertThat(fetches).hasValue(0);
    }

    @Test
    void theFetcherRefusesPrivateAddressesBeforeConnecting() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        GuardedDnsResolver resolver = new GuardedDnsResolver(new TargetAddressPolicy(false), host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {
                InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})
            };
        });
        try (ClientMetadataFetcher fetcher = new ClientMetadataFetcher(resolver, SSLContext.getDefault())) {
            assertThatThrownBy(() -> fetcher.fetch(URI.create("https://metadata.example.com/client.json")))
                    .isInstanceOfSatisfying(
                            OAuthException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("could not be fetched")
                                    .contains("link-local"));
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void registrationSealsTheMetadataAndASecretOnlyAsItsDigest() {
        OAuthClients clients = clients(doc(""));
        OAuthClients.Registration registration = clients.register(JsonMapper.builder()
                .build()
                .readTree("{\"client_name\":\"ChatGPT\",\"redirect_uris\":[\"https://chatgpt.com/cb\"],"
                        + "\"token_endpoint_auth_method\":\"client_secret_post\"}"));
        assertThat(registration.secret()).hasSize(43);
        assertThat(registration.client().clientId())
                .doesNotContain(registration.secret())
                .doesNotContain("chatgpt");
        OAuthClient resolved = clients.resolve(registration.client().clientId());
        assertThat(resolved.name()).isEqualTo("ChatGPT");
        assertThat(resolved.confidential()).isTrue();
        assertThat(Secrets.same(Secrets.digest(registration.secret()), resolved.secretDigest()))
                .isTrue();
        assertThat(registration.toString()).doesNotContain(registration.secret());
    }
}
