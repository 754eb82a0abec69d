package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The optional shared and named access tokens, over a real socket. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "mcp.access-token=shared-token-0123456789",
            "mcp.access-tokens=acme:acme-token-0123456789,globex:globex-token-012345"
        })
class AccessTokenFilterTests {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @LocalServerPort
    int port;

    @Test
    void missingOrWrongTokenIs401WithAJsonRpcErrorThatNeverRepeatsTheToken() throws Exception {
        for (Map<String, String> headers : new Map[] {
            Map.of(),
            Map.of("X-MCP-Token", "wrong-token-value-123"),
            Map.of("Authorization", "Bearer shared-token-012345678"),
            Map.of("Authorization", "Basic abc")
        }) {
            HttpResponse<String> response = post(headers);
            assertThat(response.statusCode()).as(headers.toString()).isEqualTo(401);
            assertThat(response.body())
                    .contains("\"error\"", "X-MCP-Token", "MCP_ACCESS_TOKEN")
                    .doesNotContain("wrong-token-value-123")
                    .doesNotContain("shared-token");
        }
    }

    @Test
    void anyConfiguredTokenIsAcceptedInEitherHeader() throws Exception {
        assertThat(post(Map.of("X-MCP-Token", "shared-token-0123456789")).statusCode())
                .isEqualTo(200);
        assertThat(post(Map.of("X-MCP-Token", "acme-token-0123456789")).statusCode())
                .isEqualTo(200);
        assertThat(post(Map.of("Authorization", "Bearer globex-token-012345")).statusCode())
                .isEqualTo(200);
        assertThat(post(Map.of("Authorization", "bearer  acme-token-0123456789 "))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthStaysOpen() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void matchNamesTheTokenWithoutRevealingIt() {
        AccessTokenFilter filter = new AccessTokenFilter(
                new AccessTokenProperties("shared-token-0123456789", java.util.List.of("acme:acme-token-0123456789")));
        assertThat(filter.match("acme-token-0123456789")).isEqualTo("acme");
        assertThat(filter.match("shared-token-0123456789")).isEqualTo("shared");
        assertThat(filter.match("acme-token-012345678")).isNull();
        assertThat(filter.match(null)).isNull();
        assertThat(new AccessTokenProperties.NamedToken("acme", "acme-token-0123456789").toString())
                .doesNotContain("acme-token");
    }

    private HttpResponse<String> post(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(PING));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
