package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPolicyTests {

    private final RedirectPolicy policy = new RedirectPolicy(OAuthProperties.defaults());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://claude.ai/api/mcp/auth_callback",
                "https://claude.com/api/mcp/auth_callback",
                "https://chatgpt.com/connector_platform_oauth_redirect",
                "http://127.0.0.1:33418/callback",
                "http://localhost:6274/oauth/callback",
                "http://[::1]:8080/cb"
            })
    void theDefaultClientsAndLoopbackMayBeRegistered(String uri) {
        assertThat(policy.problemWith(uri)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example.com/cb",
                "http://claude.ai/cb",
                "https://claude.ai.evil.com/cb",
                "https://claude.ai/cb#x",
                "https://user@claude.ai/cb",
                "javascript:alert(1)",
                "claude.ai/cb",
                "com.example.app:/cb",
                "http://10.0.0.1/cb",
                ""
            })
    void everythingElseIsRefused(String uri) {
        assertThat(policy.problemWith(uri)).isNotNull();
    }

    @Test
    void matchingIsExactButForTheLoopbackPort() {
        List<String> registered = List.of("https://claude.ai/api/mcp/auth_callback", "http://127.0.0.1/callback");
        assertThat(policy.matches(registered, "https://claude.ai/api/mcp/auth_callback"))
                .isTrue();
        assertThat(policy.matches(registered, "https://claude.ai/api/mcp/auth_callback/"))
                .isFalse();
        assertThat(policy.matches(registered, "https://claude.ai/api/mcp/auth_callback?x=1"))
                .isFalse();
        assertThat(policy.matches(registered, "https://CLAUDE.ai/api/mcp/auth_callback"))
                .isFalse();
        assertThat(policy.matches(registered, "http://127.0.0.1:49152/callback"))
                .isTrue();
        assertThat(policy.matches(registered, "http://127.0.0.1:49152/other")).isFalse();
        assertThat(policy.matches(registered, "http://localhost:49152/callback"))
                .isFalse();
        assertThat(policy.matches(registered, null)).isFalse();
    }

    @Test
    void theOperatorChoosesTheHosts() {
        RedirectPolicy own = new RedirectPolicy(
                new OAuthProperties(null, null, null, null, null, List.of("*.example.com"), null, null, null, null));
        assertThat(own.problemWith("https://app.example.com/cb")).isNull();
        assertThat(own.problemWith("https://claude.ai/cb")).contains("OAUTH_REDIRECT_HOSTS");
    }
}
