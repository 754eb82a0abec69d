package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.OdooMcpBridgeApplication;
import dev.odoomcp.testing.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code REDIS_REQUIRED=true}, a Redis that stops answering takes the instance out of
 * readiness (and {@code /health}, still the seed's JSON) while liveness stays up, and it comes back
 * by itself with Redis. Calls meanwhile are still served under the local limits (see
 * {@code ClusterLimitsTests}).
 */
class RedisReadinessTests {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessFollowsRedisOnlyWhenRequired() throws Exception {
        try (RedisServer redis = RedisServer.start();
                ConfigurableApplicationContext bridge = new SpringApplicationBuilder(OdooMcpBridgeApplication.class)
                        .run(
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--redis.url=" + redis.url(),
                                "--redis.required=true",
                                "--mcp.tenant-hash-key=readiness-tests-hash-key-91")) {
            int port = Integer.parseInt(bridge.getEnvironment().getProperty("local.server.port"));
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
            assertThat(status(port, "/health")).isEqualTo(200);

            redis.stop();
            awaitStatus(port, "/actuator/health/readiness", 503);
            assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body())
                    .contains("\"status\":\"unhealthy\"", "\"service\":\"" + HealthController.SERVICE + "\"")
                    .doesNotContain("redis");

            redis.restart();
            awaitStatus(port, "/actuator/health/readiness", 200);
            assertThat(status(port, "/health")).isEqualTo(200);
        }
    }

    private void awaitStatus(int port, String path, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status(port, path) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " did not answer " + expected + " within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private int status(int port, String path) throws Exception {
        return get(port, path).statusCode();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
