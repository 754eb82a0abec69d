package dev.odoomcp.oauth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What OAuth mode did, for the operator's dashboard and alerts (a burst of refused consents or tokens is
 * someone guessing): counter {@code mcp.oauth.events} tagged {@code event} ({@code authorize}, {@code consent},
 * {@code token}, {@code refresh}, {@code register}, {@code bearer}) and {@code outcome} ({@code ok} or a reason
 * from a bounded set: an OAuth error code, a token refusal reason, a consent problem). Never a token, client
 * id, tenant or URL.
 */
@Component
class OAuthMetrics {

    private final MeterRegistry registry;

    OAuthMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    void record(String event, String outcome) {
        Counter.builder("mcp.oauth.events")
                .description("OAuth endpoint and token outcomes")
                .tag("event", event)
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
