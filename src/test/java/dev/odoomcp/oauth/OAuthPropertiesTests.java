package dev.odoomcp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OAuthPropertiesTests {

    private static OAuthProperties keys(String... entries) {
        return new OAuthProperties(List.of(entries), null, null, null, null, null, null, null, null, null);
    }

    @Test
    void offByDefaultWithTheIssueDefaults() {
        OAuthProperties defaults = OAuthProperties.defaults();
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.codeLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.accessTokenLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(defaults.refreshTokenLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.redirectHosts()).containsExactly("claude.ai", "claude.com", "chatgpt.com");
        assertThat(defaults.requiresAccessToken(true)).isTrue();
        assertThat(defaults.requiresAccessToken(false)).isFalse();
    }

    @Test
    void keysInOrderStandardOrUrlBase64() {
        OAuthProperties properties = keys(
                "new:" + OAuthBridgeTest.KEY_2,
                "old:" + OAuthBridgeTest.KEY_1.replace('+', '-').replace('/', '_'));
        assertThat(properties.enabled()).isTrue();
        assertThat(properties.keys()).containsOnlyKeys("new", "old");
        assertThat(properties.keys().keySet().iterator().next()).isEqualTo("new");
    }

    @Test
    void badKeysStopStartUpNamingTheVariableAndNeverShowingTheKey() {
        String shortKey = "c2hvcnQta2V5";
        assertThatThrownBy(() -> keys("k1:" + shortKey))
                .hasMessageContaining("OAUTH_TOKEN_KEYS entry 1 (id k1)")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> keys(OAuthBridgeTest.KEY_2))
                .hasMessageContaining("id:base64-key")
                .hasMessageNotContaining(OAuthBridgeTest.KEY_2);
        assertThatThrownBy(() -> keys("a:" + OAuthBridgeTest.KEY_2, "a:" + OAuthBridgeTest.KEY_1))
                .hasMessageContaining("repeats the key id a");
        assertThatThrownBy(() -> keys("k:not base64!")).hasMessageContaining("OAUTH_TOKEN_KEYS entry 1");
    }

    @Test
    void lifetimesAndHostsAreChecked() {
        assertThatThrownBy(() ->
                        new OAuthProperties(null, Duration.ofHours(1), null, null, null, null, null, null, null, null))
                .hasMessageContaining("OAUTH_CODE_LIFETIME");
        assertThatThrownBy(() -> new OAuthProperties(
                        null, null, null, Duration.ofDays(60), Duration.ofDays(30), null, null, null, null, null))
                .hasMessageContaining("OAUTH_REFRESH_MAX_LIFETIME");
        assertThatThrownBy(() -> new OAuthProperties(
                        null, null, null, null, null, List.of("https://claude.ai"), null, null, null, null))
                .hasMessageContaining("OAUTH_REDIRECT_HOSTS");
        assertThatThrownBy(() -> new PublicUrlProperties("https://bridge.example.com/mcp"))
                .hasMessageContaining("PUBLIC_BASE_URL");
        assertThat(new PublicUrlProperties("https://Bridge.Example.com/").baseUrl())
                .isEqualTo("https://bridge.example.com");
    }
}
