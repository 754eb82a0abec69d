package dev.odoomcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.mcp.McpServerProperties;
import dev.odoomcp.security.AccessTokenProperties;
import dev.odoomcp.security.LimitBackendProperties;
import dev.odoomcp.security.RequestBodyProperties;
import dev.odoomcp.security.RequestLimitProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The environment variable names README documents bind to the settings they claim to set. */
class EnvironmentVariablesTests {

    @Test
    void mcpVariables() {
        McpServerProperties mcp = bind(
                "mcp",
                McpServerProperties.class,
                Map.of(
                        "MCP_ALLOWED_ORIGINS",
                        "https://claude.ai,https://*.example.com",
                        "MCP_PAGE_SIZE",
                        "7",
                        "MCP_LIST_CACHE_TTL",
                        "30s",
                        "MCP_INSTRUCTIONS",
                        "Be brief."));
        assertThat(mcp.allowedOrigins()).containsExactly("https://claude.ai", "https://*.example.com");
        assertThat(mcp.pageSize()).isEqualTo(7);
        assertThat(mcp.listCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mcp.instructions()).isEqualTo("Be brief.");
    }

    @Test
    void limitVariables() {
        RequestLimitProperties limits = bind(
                "mcp",
                RequestLimitProperties.class,
                Map.of(
                        "MCP_TENANT_RATE_PER_MINUTE",
                        "100",
                        "MCP_TENANT_MAX_CONCURRENT",
                        "4",
                        "MCP_MAX_IN_FLIGHT",
                        "50",
                        "MCP_REQUEST_TIMEOUT",
                        "15s",
                        "MCP_QUEUE_TIMEOUT",
                        "2s",
                        "MCP_CLIENT_RATE_PER_MINUTE",
                        "500",
                        "MCP_CLIENT_MAX_CONCURRENT",
                        "20",
                        "MCP_UNVERIFIED_RATE_PER_MINUTE",
                        "9"));
        assertThat(limits.tenantRatePerMinute()).isEqualTo(100);
        assertThat(limits.tenantMaxConcurrent()).isEqualTo(4);
        assertThat(limits.maxInFlight()).isEqualTo(50);
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(limits.queueTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.clientRatePerMinute()).isEqualTo(500);
        assertThat(limits.clientMaxConcurrent()).isEqualTo(20);
        assertThat(limits.unverifiedRatePerMinute()).isEqualTo(9);
    }

    @Test
    void requestBodyVariables() {
        RequestBodyProperties body = bind(
                "mcp",
                RequestBodyProperties.class,
                Map.of(
                        "MCP_MAX_REQUEST_SIZE",
                        "2MB",
                        "MCP_MAX_REQUEST_BYTES_IN_FLIGHT",
                        "48MB",
                        "MCP_REQUEST_BODY_TIMEOUT",
                        "5s"));
        assertThat(body.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(body.maxRequestBytesInFlight()).isEqualTo(DataSize.ofMegabytes(48));
        assertThat(body.requestBodyTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void redisVariables() {
        LimitBackendProperties redis = bind(
                "redis",
                LimitBackendProperties.class,
                Map.of(
                        "REDIS_URL",
                        "rediss://default:s3cret-pass@db-valkey.example.com:25061",
                        "REDIS_REQUIRED",
                        "true",
                        "REDIS_TIMEOUT",
                        "150ms"));
        assertThat(redis.url()).isEqualTo("rediss://default:s3cret-pass@db-valkey.example.com:25061");
        assertThat(redis.required()).isTrue();
        assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(150));
        assertThat(redis.where()).isEqualTo("db-valkey.example.com:25061");
        LimitBackendProperties none = bind("redis", LimitBackendProperties.class, Map.of());
        assertThat(none.url()).isNull();
        assertThat(none.required()).isFalse();
        assertThat(none.timeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void tokenVariables() {
        AccessTokenProperties tokens = bind(
                "mcp",
                AccessTokenProperties.class,
                Map.of(
                        "MCP_ACCESS_TOKEN",
                        "shared-token-0123456789",
                        "MCP_ACCESS_TOKENS",
                        "acme:acme-token-0123456789,b:b-token-0123456789xx"));
        assertThat(tokens.accessToken()).isEqualTo("shared-token-0123456789");
        assertThat(tokens.accessTokens()).hasSize(2);
    }

    @Test
    void oauthVariables() {
        var oauth = bind(
                "oauth",
                dev.odoomcp.oauth.OAuthProperties.class,
                Map.of(
                        "OAUTH_TOKEN_KEYS",
                        "k2:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,k1:ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=",
                        "OAUTH_CODE_LIFETIME",
                        "30s",
                        "OAUTH_ACCESS_TOKEN_LIFETIME",
                        "2h",
                        "OAUTH_REFRESH_TOKEN_LIFETIME",
                        "7d",
                        "OAUTH_REFRESH_MAX_LIFETIME",
                        "30d",
                        "OAUTH_REDIRECT_HOSTS",
                        "claude.ai,*.example.com",
                        "OAUTH_REQUIRE_ACCESS_TOKEN",
                        "false",
                        "OAUTH_CONSENT_RATE_PER_MINUTE",
                        "5",
                        "OAUTH_CONSENT_HOST_RATE_PER_MINUTE",
                        "50",
                        "OAUTH_CLIENT_METADATA_CACHE_TTL",
                        "1m"));
        assertThat(oauth.enabled()).isTrue();
        assertThat(oauth.tokenKeys()).hasSize(2);
        assertThat(oauth.codeLifetime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(oauth.accessTokenLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(oauth.refreshTokenLifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(oauth.refreshMaxLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(oauth.redirectHosts()).containsExactly("claude.ai", "*.example.com");
        assertThat(oauth.requireAccessToken()).isFalse();
        assertThat(oauth.consentRatePerMinute()).isEqualTo(5);
        assertThat(oauth.consentHostRatePerMinute()).isEqualTo(50);
        assertThat(oauth.clientMetadataCacheTtl()).isEqualTo(Duration.ofMinutes(1));
        var url = bind(
                "public",
                dev.odoomcp.oauth.PublicUrlProperties.class,
                Map.of("PUBLIC_BASE_URL", "https://odoo-mcp.example.com"));
        assertThat(url.baseUrl()).isEqualTo("https://odoo-mcp.example.com");
    }

    @Test
    void toolVariables() {
        var tools = bind(
                "odoo-mcp",
                dev.odoomcp.tools.ToolsProperties.class,
                Map.of(
                        "ODOO_MCP_READ_ONLY",
                        "true",
                        "ODOO_MCP_MAX_LIMIT",
                        "200",
                        "ODOO_MCP_DEFAULT_LIMIT",
                        "10",
                        "ODOO_MCP_MAX_RESULT_CHARS",
                        "50000",
                        "ODOO_MCP_DENIED_MODELS",
                        "hr.payslip,account.*",
                        "ODOO_MCP_ALLOWED_MODELS",
                        "sale.*",
                        "ODOO_MCP_METADATA_CACHE_SIZE",
                        "8MB"));
        assertThat(tools.metadataCacheSize()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(tools.readOnly()).isTrue();
        assertThat(tools.maxLimit()).isEqualTo(200);
        assertThat(tools.defaultLimit()).isEqualTo(10);
        assertThat(tools.maxResultChars()).isEqualTo(50_000);
        assertThat(tools.deniedModels()).isEqualTo(List.of("hr.payslip", "account.*"));
        assertThat(tools.allowedModels()).isEqualTo(List.of("sale.*"));
    }

    @Test
    void attachmentVariables() {
        var files = bind(
                "odoo",
                dev.odoomcp.tools.attachments.AttachmentProperties.class,
                Map.of("ODOO_MAX_ATTACHMENT_BYTES", "2MB"));
        assertThat(files.maxAttachmentBytes()).isEqualTo(DataSize.ofMegabytes(2));
        var bytes = bind(
                "odoo",
                dev.odoomcp.tools.attachments.AttachmentProperties.class,
                Map.of("ODOO_MAX_ATTACHMENT_BYTES", "1048576"));
        assertThat(bytes.maxAttachmentBytes()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(bind("odoo", dev.odoomcp.tools.attachments.AttachmentProperties.class, Map.of())
                        .maxAttachmentBytes())
                .isEqualTo(DataSize.ofMegabytes(5));
    }

    @Test
    void confirmationVariables() {
        var confirm = bind(
                "odoo-mcp",
                dev.odoomcp.tools.ConfirmationProperties.class,
                Map.of(
                        "ODOO_MCP_CONFIRM",
                        "writes",
                        "ODOO_MCP_CONFIRM_TTL",
                        "2m",
                        "ODOO_MCP_CONFIRM_UPDATES_ABOVE",
                        "25",
                        "ODOO_MCP_CONFIRM_KEYS",
                        "c2:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,c1:ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q="));
        assertThat(confirm.mode()).isEqualTo(dev.odoomcp.tools.ConfirmationProperties.Mode.WRITES);
        assertThat(confirm.confirmTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(confirm.confirmUpdatesAbove()).isEqualTo(25);
        assertThat(confirm.confirmKeys()).hasSize(2);
        var defaults = bind("odoo-mcp", dev.odoomcp.tools.ConfirmationProperties.class, Map.of());
        assertThat(defaults.mode()).isEqualTo(dev.odoomcp.tools.ConfirmationProperties.Mode.DESTRUCTIVE);
        assertThat(bind("odoo-mcp", dev.odoomcp.tools.ConfirmationProperties.class, Map.of("ODOO_MCP_CONFIRM", "off"))
                        .mode())
                .isEqualTo(dev.odoomcp.tools.ConfirmationProperties.Mode.OFF);
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate(prefix, type);
    }
}
