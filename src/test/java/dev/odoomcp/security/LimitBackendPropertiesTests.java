package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad Redis settings stop the start with a message naming the variable, and never echo a password. */
class LimitBackendPropertiesTests {

    @Test
    void aUrlThatIsNotRedisIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new LimitBackendProperties("http://user:hunter2-secret@cache:6379", false, null))
                .hasMessageContaining("REDIS_URL must start with redis:// or rediss://")
                .hasMessageNotContaining("hunter2-secret");
        assertThatThrownBy(() -> new LimitBackendProperties("redis://user:hunter2 secret@cache", false, null))
                .hasMessageContaining("REDIS_URL is not a URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void requiredWithoutAUrlAndTimeoutsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new LimitBackendProperties(null, true, null))
                .hasMessageContaining("REDIS_REQUIRED=true " + "needs REDIS_URL");
        assertThatThrownBy(() -> new LimitBackendProperties("redis://cache:6379", false, Duration.ofMillis(5)))
                .hasMessageContaining("REDIS_TIMEOUT must be between 10ms and 10s");
        assertThatThrownBy(() -> new LimitBackendProperties("redis://cache:6379", false, Duration.ofSeconds(30)))
                .hasMessageContaining("REDIS_TIMEOUT");
    }

    @Test
    void printsWhereRedisIsButNeverItsCredentials() {
        LimitBackendProperties redis =
                new LimitBackendProperties("rediss://default:AVNS_pw-123@valkey.example:25061", true, null);
        assertThat(redis.toString())
                .contains("valkey.example:25061")
                .doesNotContain("AVNS_pw-123")
                .doesNotContain("default:");
        assertThat(new LimitBackendProperties("redis://cache", false, null).where())
                .isEqualTo("cache:6379");
        assertThat(LimitBackendProperties.none().toString()).contains("url=none");
    }
}
