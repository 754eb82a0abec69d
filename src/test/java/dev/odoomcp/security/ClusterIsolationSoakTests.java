package dev.odoomcp.security;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The isolation soak ({@link IsolationSoak}: 20 tenants, 10,000 interleaved calls) once through a
 * real haproxy over three instances sharing Redis: consecutive calls of one tenant land on
 * different instances, each with its own caches, and no answer ever carries another tenant's data.
 */
class ClusterIsolationSoakTests {

    @Test
    void noCrossTenantAnswerThroughTheBalancerOverThreeInstances() throws Exception {
        try (Cluster cluster = Cluster.start(
                3,
                Map.of(
                        "mcp.request-timeout",
                        "20s",
                        "mcp.tenant-rate-per-minute",
                        "1000000",
                        "mcp.tenant-max-concurrent",
                        "64",
                        "mcp.max-in-flight",
                        "256",
                        "mcp.client-rate-per-minute",
                        "10000000",
                        "mcp.client-max-concurrent",
                        "256",
                        "mcp.unverified-rate-per-minute",
                        "1000000"))) {
            IsolationSoak.run(cluster.balanced(), "3 instances behind haproxy, limits on Redis");
        }
    }
}
