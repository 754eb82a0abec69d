package dev.odoomcp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real load balancer (Debian's {@code haproxy}) on a random loopback port, round robin over the
 * given bridge instances on loopback, each request balanced on its own (no stickiness), as App
 * Platform's or a Kubernetes Service's balancer would.
 */
public final class Haproxy implements AutoCloseable {

    private final int port = LocalServers.freePort();
    private final Process process;
    private final Path log;

    private Haproxy(List<Integer> backends) {
        Path binary = LocalServers.program("haproxy", "haproxy");
        try {
            Path config = Files.createTempFile("haproxy-" + port + "-", ".cfg");
            log = Files.createTempFile("haproxy-" + port + "-", ".log");
            Files.writeString(config, config(backends));
            process = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start haproxy", e);
        }
        awaitListening();
    }

    /** Round robin over {@code ports} (bridges on 127.0.0.1). */
    public static Haproxy roundRobin(List<Integer> ports) {
        return new Haproxy(ports);
    }

    public int port() {
        return port;
    }

    private String config(List<Integer> backends) {
        StringBuilder out = new StringBuilder("""
                global
                  maxconn 8192
                defaults
                  mode http
                  timeout connect 5s
                  timeout client 120s
                  timeout server 120s
                  option forwardfor
                frontend mcp
                  bind 127.0.0.1:%d
                  default_backend bridges
                backend bridges
                  balance roundrobin
                """.formatted(port));
        for (int i = 0; i < backends.size(); i++) {
            out.append("  server bridge")
                    .append(i)
                    .append(" 127.0.0.1:")
                    .append(backends.get(i))
                    .append('\n');
        }
        return out.toString();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "haproxy exited with " + process.exitValue() + ":\n" + LocalServers.tail(log));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("haproxy did not listen on port " + port + ":\n" + LocalServers.tail(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
