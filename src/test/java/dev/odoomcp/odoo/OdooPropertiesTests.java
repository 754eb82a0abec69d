package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The operator's environment variables bind by their documented names, and bad values fail start-up. */
class OdooPropertiesTests {

    private static OdooProperties bind(Map<String, Object> env) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("env", env));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("odoo", OdooProperties.class);
    }

    @Test
    void defaultsAreSafe() {
        OdooProperties p = bind(Map.of());
        assertThat(p.allowedHosts()).isEmpty();
        assertThat(p.allowPrivateNetworks()).isFalse();
        assertThat(p.allowHttp()).isFalse();
        assertThat(p.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(8));
        assertThat(p.answerMemoryBudget()).isEqualTo(DataSize.ofMegabytes(96));
        assertThat(p.maxConnections()).isEqualTo(200);
        assertThat(p.maxConcurrentPerHost()).isEqualTo(16);
        assertThat(p.authFailureCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p).isEqualTo(OdooProperties.defaults());
    }

    @Test
    void bindsTheDocumentedEnvironmentVariables() {
        OdooProperties p = bind(Map.of(
                "ODOO_ALLOWED_HOSTS", "*.odoo.com,erp.example.com",
                "ODOO_ALLOW_PRIVATE_NETWORKS", "true",
                "ODOO_ALLOW_HTTP", "true",
                "ODOO_RESPONSE_TIMEOUT", "45s",
                "ODOO_MAX_RESPONSE_SIZE", "4MB",
                "ODOO_ANSWER_MEMORY_BUDGET", "200MB",
                "ODOO_MAX_CONCURRENT_PER_HOST", "4",
                "ODOO_UID_CACHE_TTL", "2m"));
        assertThat(p.allowedHosts()).containsExactly("*.odoo.com", "erp.example.com");
        assertThat(p.allowPrivateNetworks()).isTrue();
        assertThat(p.allowHttp()).isTrue();
        assertThat(p.responseTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(p.maxResponseSize()).isEqualTo(DataSize.ofMegabytes(4));
        assertThat(p.answerMemoryBudget()).isEqualTo(DataSize.ofMegabytes(200));
        assertThat(p.maxConcurrentPerHost()).isEqualTo(4);
        assertThat(p.uidCacheTtl()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void badValuesNameTheEnvironmentVariable() {
        assertThatThrownBy(() -> new OdooProperties(
                        List.of("http://x.com/"),
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("ODOO_ALLOWED_HOSTS");
        assertThatThrownBy(() -> new OdooProperties(
                        null, false, false, null, Duration.ZERO, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("ODOO_RESPONSE_TIMEOUT");
        assertThatThrownBy(() -> new OdooProperties(
                        null, false, false, null, null, null, null, 0, null, null, null, null, null, null))
                .hasMessageContaining("ODOO_MAX_CONCURRENT_PER_HOST");
        assertThatThrownBy(() -> new OdooProperties(
                        null,
                        false,
                        false,
                        null,
                        null,
                        DataSize.ofBytes(10),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("ODOO_MAX_RESPONSE_SIZE");
    }

    @Test
    void theAnswerBudgetMustHoldTheLargestAllowedAnswer() {
        assertThatThrownBy(() -> bind(Map.of("ODOO_MAX_RESPONSE_SIZE", "32MB")))
                .rootCause()
                .hasMessageContaining("ODOO_ANSWER_MEMORY_BUDGET (96MB) must be at least 11 x ODOO_MAX_RESPONSE_SIZE")
                .hasMessageContaining("352MB");
        assertThat(bind(Map.of("ODOO_MAX_RESPONSE_SIZE", "32MB", "ODOO_ANSWER_MEMORY_BUDGET", "352MB"))
                        .answerMemoryBudget())
                .isEqualTo(DataSize.ofMegabytes(352));
        assertThatThrownBy(() -> bind(Map.of("ODOO_MAX_RESPONSE_SIZE", "256MB", "ODOO_ANSWER_MEMORY_BUDGET", "4GB")))
                .rootCause()
                .hasMessageContaining("ODOO_MAX_RESPONSE_SIZE must be between 1KB and 128MB");
    }

    @Test
    void aHostsShareCannotExceedAllConnections() {
        assertThatThrownBy(() -> bind(Map.of("ODOO_MAX_CONCURRENT_PER_HOST", "300")))
                .rootCause()
                .hasMessageContaining("ODOO_MAX_CONCURRENT_PER_HOST (300) must not exceed ODOO_MAX_CONNECTIONS (200)");
    }

    @Test
    void theApplicationGetsAnOdooClientFactoryBean() {
        new ApplicationContextRunner()
                .withUserConfiguration(OdooConfiguration.class)
                .withPropertyValues("odoo.allowed-hosts=*.odoo.com")
                .run(context -> {
                    assertThat(context).hasSingleBean(OdooClientFactory.class);
                    OdooClientFactory factory = context.getBean(OdooClientFactory.class);
                    Map<String, String> headers =
                            Map.of("X-Odoo-Url", "https://erp.example.com", "X-Odoo-Db", "x", "X-Odoo-Api-Key", "k");
                    assertThatThrownBy(() -> factory.credentialsFrom(headers::get))
                            .isInstanceOfSatisfying(
                                    OdooException.class,
                                    e -> assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED));
                });
    }

    @Test
    void invalidSettingFailsStartUpNamingTheVariable() {
        new ApplicationContextRunner()
                .withUserConfiguration(OdooConfiguration.class)
                .withPropertyValues("odoo.max-concurrent-per-host=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("ODOO_MAX_CONCURRENT_PER_HOST"));
    }
}
