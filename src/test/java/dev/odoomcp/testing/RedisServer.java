package dev.odoomcp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (Debian's {@code redis-server}) on a random loopback port, without persistence, for
 * the tests of the cluster-wide limits: started, stopped and started again on the same port, as an
 * outage would.
 */
public final class RedisServer implements AutoCloseable {

    private final Path binary = LocalServers.program("redis-server", "redis-server");
    private final int port = LocalServers.freePort();
    private final String password;
    private final Path log;
    private Process process;

    private RedisServer(String password) {
        this.password = password;
        try {
            this.log = Files.createTempFile("redis-" + port + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started server without a password. */
    public static RedisServer start() {
        return startWithPassword(null);
    }

    /** A started server that asks for {@code password} (user {@code default}). */
    public static RedisServer startWithPassword(String password) {
        RedisServer server = new RedisServer(password);
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again, on the same port, empty) and waits until it answers PING. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--protected-mode",
                "yes"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + binary, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "redis-server exited with " + process.exitValue() + ":\n" + LocalServers.tail(log));
            }
            if (answers()) {
                return;
            }
            sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer on port " + port + ":\n" + LocalServers.tail(log));
    }

    /** Stops the server the hard way (as a crash or a network cut would) and waits until it is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64];
            int n = in.read(buffer);
            // +PONG, or -NOAUTH when a password is required: either way the server is up.
            return n > 0 && (buffer[0] == '+' || buffer[0] == '-');
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
