package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WrapperConfigTests {

    @ParameterizedTest
    @CsvSource({
        "https://mcp.example.com, https://mcp.example.com/mcp",
        "https://mcp.example.com/, https://mcp.example.com/mcp",
        "https://mcp.example.com/mcp, https://mcp.example.com/mcp",
        "https://mcp.example.com/mcp/, https://mcp.example.com/mcp",
        "https://mcp.example.com/MCP, https://mcp.example.com/mcp",
        "http://127.0.0.1:8080/odoo, http://127.0.0.1:8080/odoo/mcp",
        "'  https://mcp.example.com  ', https://mcp.example.com/mcp",
    })
    void acceptsTheServerUrlWithOrWithoutMcp(String raw, String endpoint) {
        assertThat(WrapperConfig.endpoint(raw)).hasToString(endpoint);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mcp.example.com",
                "ftp://mcp.example.com",
                "https://",
                "https://user:pw@host",
                "https://host/?token=x",
                "https://ho st"
            })
    void refusesAServerUrlItCannotUse(String raw) {
        assertThatThrownBy(() -> WrapperConfig.endpoint(raw))
                .isInstanceOf(WrapperConfig.ConfigException.class)
                .hasMessageContaining("MCP_SERVER_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw").doesNotContain("token=x"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://mcp.example.com",
                "http://10.0.0.5:8080",
                "http://127.0.0.1.example.com",
                "http://localhost.example.com",
                "http://[::2]:8080",
                "http://128.0.0.1"
            })
    void refusesPlainHttpToAnythingButLoopback(String raw) {
        assertThatThrownBy(() -> WrapperConfig.endpoint(raw))
                .isInstanceOf(WrapperConfig.ConfigException.class)
                .hasMessageContaining("MCP_SERVER_URL must use https://");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080",
                "http://LOCALHOST",
                "http://127.0.0.1:8080",
                "http://127.10.0.1",
                "http://[::1]:8080",
                "http://[0:0:0:0:0:0:0:1]",
                "https://10.0.0.5",
                "https://mcp.example.com"
            })
    void acceptsHttpsAnywhereAndPlainHttpOnLoopback(String raw) {
        assertThat(WrapperConfig.endpoint(raw).getPath()).isEqualTo("/mcp");
    }

    @ParameterizedTest
    @CsvSource({"1, true", "TRUE, true", "Yes, true", "on, true", "0, false", "false, false", "NO, false", "Off, false"
    })
    void readOnlyAcceptsTheUsualWordsAndSendsTrueOrFalse(String word, String sent) {
        WrapperConfig config =
                WrapperConfig.fromEnv(Map.of("MCP_SERVER_URL", "https://mcp.example.com", "ODOO_READ_ONLY", word));
        assertThat(config.headers()).containsEntry("X-Odoo-Read-Only", sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "tru", "y", "enabled"})
    void readOnlyRefusesAnyOtherWordAtStartUp(String word) {
        assertThatThrownBy(() -> WrapperConfig.fromEnv(
                        Map.of("MCP_SERVER_URL", "https://mcp.example.com", "ODOO_READ_ONLY", word)))
                .isInstanceOf(WrapperConfig.ConfigException.class)
                .hasMessageContaining("ODOO_READ_ONLY must be one of 1, true, yes, on")
                .hasMessageContaining(word);
    }

    @Test
    void needsTheServerUrlButNotTheOdooVariables() {
        assertThatThrownBy(() -> WrapperConfig.fromEnv(Map.of("ODOO_URL", "https://acme.odoo.com")))
                .hasMessageContaining("MCP_SERVER_URL is not set");

        WrapperConfig config = WrapperConfig.fromEnv(Map.of("MCP_SERVER_URL", "https://mcp.example.com"));

        assertThat(config.headers()).isEmpty();
        assertThat(config.hasAccessToken()).isFalse();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.logLevel()).isEqualTo(WrapperConfig.LogLevel.INFO);
    }

    @Test
    void mapsVariablesToHeadersAndRemembersWhichValuesAreSecret() {
        WrapperConfig config = WrapperConfig.fromEnv(Map.of(
                "MCP_SERVER_URL",
                "https://mcp.example.com",
                "ODOO_URL",
                "https://acme.odoo.com",
                "ODOO_API_KEY",
                " key-123\n",
                "MCP_ACCESS_TOKEN",
                "tok-456",
                "ODOO_DB",
                "",
                "ODOO_USERNAME",
                "${user_config.odoo_username}",
                "MCP_TIMEOUT_SECONDS",
                "30",
                "MCP_WRAPPER_LOG",
                "Debug"));

        assertThat(config.headers())
                .containsExactly(
                        Map.entry("X-Odoo-Url", "https://acme.odoo.com"),
                        Map.entry("X-Odoo-Api-Key", "key-123"),
                        Map.entry("X-MCP-Token", "tok-456"));
        assertThat(config.secrets()).containsExactlyInAnyOrder("key-123", "tok-456");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.logLevel()).isEqualTo(WrapperConfig.LogLevel.DEBUG);
    }

    @Test
    void refusesAKeyWithALineBreakInsideWithoutShowingIt() {
        assertThatThrownBy(() -> WrapperConfig.fromEnv(Map.of(
                        "MCP_SERVER_URL", "https://mcp.example.com", "ODOO_API_KEY", "secret-part-1\nsecret-part-2")))
                .hasMessageContaining("ODOO_API_KEY contains a line break")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-part"));
    }

    @ParameterizedTest
    @CsvSource({
        "MCP_TIMEOUT_SECONDS, 0",
        "MCP_TIMEOUT_SECONDS, soon",
        "MCP_TIMEOUT_SECONDS, 1.5",
        "MCP_WRAPPER_LOG, verbose"
    })
    void namesTheVariableOfABadValue(String variable, String value) {
        assertThatThrownBy(() ->
                        WrapperConfig.fromEnv(Map.of("MCP_SERVER_URL", "https://mcp.example.com", variable, value)))
                .isInstanceOf(WrapperConfig.ConfigException.class)
                .hasMessageStartingWith(variable);
    }
}
