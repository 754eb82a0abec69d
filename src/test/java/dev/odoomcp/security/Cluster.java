package dev.odoomcp.security;

import dev.odoomcp.OdooMcpBridgeApplication;
import dev.odoomcp.testing.Haproxy;
import dev.odoomcp.testing.McpClient;
import dev.odoomcp.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small cluster on loopback: a real Redis, several bridge instances sharing it (each a whole
 * Spring Boot application on its own port, as separate replicas would be; nothing is shared between
 * them but Redis) and a real haproxy in front, round robin. Reaches only Odoo fakes on loopback.
 */
final class Cluster implements AutoCloseable {

    static final String HASH_KEY = "cluster-tests-shared-hash-key-7f31";

    private final RedisServer redis;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final Haproxy balancer;

    private Cluster(int size, Map<String, String> properties) {
        redis = RedisServer.start();
        try {
            for (int i = 0; i < size; i++) {
                instances.add(instance(properties));
            }
            balancer = Haproxy.roundRobin(instances.stream().map(Cluster::port).toList());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code size} instances with the given {@code mcp.*} / {@code redis.*} properties. */
    static Cluster start(int size, Map<String, String> properties) {
        return new Cluster(size, properties);
    }

    private ConfigurableApplicationContext instance(Map<String, String> properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--odoo.allow-private-networks=true",
                "--odoo.allow-http=true",
                "--odoo.allowed-hosts=127.0.0.1",
                "--mcp.tenant-hash-key=" + HASH_KEY,
                "--redis.url=" + redis.url(),
                "--redis.timeout=2s"));
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(OdooMcpBridgeApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    RedisServer redis() {
        return redis;
    }

    int size() {
        return instances.size();
    }

    /** Through the load balancer: each request to the next instance. */
    McpClient balanced() {
        return McpClient.at(balancer.port());
    }

    /** Straight to instance {@code i}. */
    McpClient direct(int i) {
        return McpClient.at(port(instances.get(i)));
    }

    /** The value of {@code mcp_limits_backend{state=...}} on instance {@code i}. */
    double backendState(int i, String state) {
        return sample(i, "mcp_limits_backend{", "state=\"" + state + "\"");
    }

    /** The {@code tools/call} requests instance {@code i} has served. */
    double toolCalls(int i) {
        return sample(i, "mcp_requests_seconds_count{", "method=\"tools/call\"");
    }

    private double sample(int i, String prefix, String tag) {
        double sum = 0;
        for (String line : direct(i).get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(prefix) && line.contains(tag)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Waits until every instance says the limits count in {@code state}. */
    void awaitState(String state) throws InterruptedException {
        await(
                () -> {
                    for (int i = 0; i < size(); i++) {
                        if (backendState(i, state) != 1.0) {
                            return false;
                        }
                    }
                    return true;
                },
                "every instance in state " + state);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 60 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        if (balancer != null) {
            balancer.close();
        }
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
        redis.close();
    }
}
