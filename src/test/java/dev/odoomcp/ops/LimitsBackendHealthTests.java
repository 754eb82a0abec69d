package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.security.LimitBackend;
import dev.odoomcp.security.LimitBackendProperties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Readiness reflects Redis only when the operator asked for it. */
class LimitsBackendHealthTests {

    private final AtomicReference<LimitBackend.State> state = new AtomicReference<>(LimitBackend.State.REDIS);
    private final LimitBackend backend = new LimitBackend() {
        @Override
        public KeyCounters counters(String scope, String key, int perMinute, int maxConcurrent, Shared shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public State state() {
            return state.get();
        }

        @Override
        public boolean firstUse(String scope, String id, java.time.Duration ttl) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void outOfServiceWhileRedisIsDownOnlyWithRedisRequired() {
        LimitsBackendHealth required =
                new LimitsBackendHealth(backend, new LimitBackendProperties("redis://r:6379", true, null));
        LimitsBackendHealth optional =
                new LimitsBackendHealth(backend, new LimitBackendProperties("redis://r:6379", false, null));
        assertThat(required.health().getStatus()).isEqualTo(Status.UP);
        state.set(LimitBackend.State.FALLBACK);
        assertThat(required.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(optional.health().getStatus()).isEqualTo(Status.UP);
        state.set(LimitBackend.State.REDIS);
        assertThat(required.health().getStatus()).isEqualTo(Status.UP);
    }
}
