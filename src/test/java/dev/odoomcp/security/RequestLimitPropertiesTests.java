package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RequestLimitPropertiesTests {

    @Test
    void defaultsAreSensible() {
        RequestLimitProperties limits = RequestLimitProperties.defaults();
        assertThat(limits.tenantRatePerMinute()).isEqualTo(300);
        assertThat(limits.tenantMaxConcurrent()).isEqualTo(8);
        assertThat(limits.maxInFlight()).isEqualTo(512);
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(limits.maxTrackedTenants()).isEqualTo(100_000);
    }

    @Test
    void environmentVariablesBind() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env",
                        Map.of(
                                "MCP_TENANT_RATE_PER_MINUTE",
                                "60",
                                "MCP_TENANT_MAX_CONCURRENT",
                                "2",
                                "MCP_MAX_IN_FLIGHT",
                                "100",
                                "MCP_REQUEST_TIMEOUT",
                                "15s")));
        RequestLimitProperties limits = Binder.get(env).bindOrCreate("mcp", RequestLimitProperties.class);
        assertThat(limits.tenantRatePerMinute()).isEqualTo(60);
        assertThat(limits.tenantMaxConcurrent()).isEqualTo(2);
        assertThat(limits.maxInFlight()).isEqualTo(100);
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimitProperties(0, null, null, null, null))
                .withMessageContaining("MCP_TENANT_RATE_PER_MINUTE");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimitProperties(null, -1, null, null, null))
                .withMessageContaining("MCP_TENANT_MAX_CONCURRENT");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimitProperties(null, null, 0, null, null))
                .withMessageContaining("MCP_MAX_IN_FLIGHT");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimitProperties(null, null, null, Duration.ZERO, null))
                .withMessageContaining("MCP_REQUEST_TIMEOUT");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimitProperties(null, null, null, Duration.ofHours(2), null))
                .withMessageContaining("MCP_REQUEST_TIMEOUT");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RequestLimitProperties(null, null, null, null, 1))
                .withMessageContaining("MCP_MAX_TRACKED_TENANTS");
    }
}
