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
    @ValueSource(strings = {"mcp.example.com", "ftp://mcp.example.com", "https://", "https://user:pw@host",
        "https://host/?token=x", "https://ho st"})
    void refusesAServerUrlItCannotUse(String raw) {
        assertThatThrownBy(() -> WrapperConfig.endpoint(raw))
                .isInstanceOf(WrapperConfig.ConfigException.class)
                .hasMessageContaining("MCP_SERVER_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw").doesNotContain("token=x"));
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
        WrapperConfig config = WrapperConfig.fromEnv(Map.of("MCP_SERVER_URL", "https://mcp.example.com",
                "ODOO_URL", "https://acme.odoo.com", "ODOO_API_KEY", " key-123\n", "MCP_ACCESS_TOKEN", "tok-456",
                "ODOO_DB", "", "ODOO_USERNAME", "${user_config.odoo_username}", "MCP_TIMEOUT_SECONDS", "30",
                "MCP_WRAPPER_LOG", "Debug"));

        assertThat(config.headers()).containsExactly(Map.entry("X-Odoo-Url", "https://acme.odoo.com"),
                Map.entry("X-Odoo-Api-Key", "key-123"), Map.entry("X-MCP-Token", "tok-456"));
        assertThat(config.secrets()).containsExactlyInAnyOrder("key-123", "tok-456");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.logLevel()).isEqualTo(WrapperConfig.LogLevel.DEBUG);
    }

    @Test
    void refusesAKeyWithALineBreakInsideWithoutShowingIt() {
        assertThatThrownBy(() -> WrapperConfig.fromEnv(Map.of("MCP_SERVER_URL", "https://mcp.example.com",
                "ODOO_API_KEY", "secret-part-1\nsecret-part-2")))
                .hasMessageContaining("ODOO_API_KEY contains a line break")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-part"));
    }

    @ParameterizedTest
    @CsvSource({"MCP_TIMEOUT_SECONDS, 0", "MCP_TIMEOUT_SECONDS, soon", "MCP_TIMEOUT_SECONDS, 1.5",
        "MCP_WRAPPER_LOG, verbose"})
    void namesTheVariableOfABadValue(String variable, String value) {
        assertThatThrownBy(() -> WrapperConfig.fromEnv(Map.of("MCP_SERVER_URL", "https://mcp.example.com",
                variable, value)))
                .isInstanceOf(WrapperConfig.ConfigException.class)
                .hasMessageStartingWith(variable);
    }
}
