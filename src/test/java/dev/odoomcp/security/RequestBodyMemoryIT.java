package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.odoomcp.bench.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many strangers sending the largest body allowed at the same moment must not take down the server.
 * The bridge runs in a JVM of its own with the Dockerfile's options (JDK 25, virtual threads, serial
 * collector, {@code -XX:+ExitOnOutOfMemoryError}) and the heap a 512 MB container gives it (256 MB).
 * {@link #CLIENTS} clients, each its own tenant, each send all but the last byte of a 1 MiB
 * {@code tools/call} whose arguments are the costliest JSON to hold as a tree (an array of empty
 * objects: about 27 MB of heap per MiB), wait for each other, then send the last byte together. The
 * tool calls go to an "Odoo" on loopback that does not answer, so every body the server accepted and
 * its parsed tree stay on the heap at once. The process must survive and answer {@code /health}.
 */
class RequestBodyMemoryIT {

    static final int CLIENTS = Integer.getInteger("mcp.bodies.clients", 128);
    static final int BODY_BYTES = 1 << 20;
    private static final Path JDK =
            Path.of(System.getenv().getOrDefault("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Test
    void survivesManyConcurrentLargestBodiesOnTheContainersHeap(@TempDir Path work) throws Exception {
        assumeTrue(Files.isExecutable(JDK.resolve("bin/java")), "JDK 25 not found at " + JDK);
        List<String> options = new ArrayList<>(containerJvmOptions());
        options.add("-Xmx256m");
        ServerProcess.Launch launch = new ServerProcess.Launch(
                JDK.resolve("bin/java"),
                List.of("-cp", System.getProperty("java.class.path"), "dev.odoomcp.OdooMcpBridgeApplication"));
        CountDownLatch release = new CountDownLatch(1);
        try (RawStub silentOdoo = new RawStub((socket, head, stub) -> release.await(3, TimeUnit.MINUTES));
                ServerProcess server = ServerProcess.start(
                        launch,
                        options,
                        Map.of(
                                "LOG_FORMAT",
                                "",
                                "ODOO_ALLOW_PRIVATE_NETWORKS",
                                "true",
                                "ODOO_ALLOW_HTTP",
                                "true",
                                "ODOO_ALLOWED_HOSTS",
                                "127.0.0.1",
                                "MCP_TENANT_RATE_PER_MINUTE",
                                "100000"),
                        work.resolve("server.log"))) {
            server.awaitHealthy(Duration.ofSeconds(90));
            double rssBefore = server.peakRssMb();
            URI mcp = server.mcp();
            AtomicInteger answered = new AtomicInteger();
            CyclicBarrier lastByte = new CyclicBarrier(CLIENTS);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    byte[] body = body(i);
                    String tenant = "X-Odoo-Url: " + silentOdoo.url("http") + "\r\nX-Odoo-Db: tenant" + i
                            + "\r\nX-Odoo-Username: user@example.com\r\nX-Odoo-Api-Key: key-0123456789abcdef\r\n";
                    answers.add(clients.submit(() -> send(mcp.getPort(), tenant, body, lastByte, answered)));
                }
                // every accepted call is now waiting on the silent Odoo with its body and tree held
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> !server.isAlive() || answered.get() + silentOdoo.connections() >= CLIENTS);
                double rssHeld = server.peakRssMb();
                assertThat(server.isAlive())
                        .as("the server process survived; its log:\n%s", server.tail())
                        .isTrue();
                int waiting = silentOdoo.connections();
                release.countDown();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (Future<Integer> answer : answers) {
                    statuses.merge(answer.get(3, TimeUnit.MINUTES), 1, Integer::sum);
                }
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(mcp.resolve("/health"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(statuses.getOrDefault(200, 0))
                        .as("some calls were served: %s", statuses)
                        .isPositive();
                System.out.printf(
                        "%d concurrent %d-byte tools/call bodies on a 256 MB heap: %d held at the silent Odoo "
                                + "at once; answers by HTTP status (0 = connection closed before an answer) %s; peak RSS %.0f MB "
                                + "(%.0f MB before)%n",
                        CLIENTS, BODY_BYTES, waiting, statuses, rssHeld, rssBefore);
            } finally {
                release.countDown();
                clients.shutdownNow();
            }
        }
    }

    /** The Dockerfile's JAVA_TOOL_OPTIONS without the heap percentage (replaced by a fixed heap). */
    private static List<String> containerJvmOptions() throws IOException {
        String line = Files.readAllLines(Path.of("Dockerfile")).stream()
                .filter(l -> l.startsWith("ENV JAVA_TOOL_OPTIONS="))
                .findFirst()
                .orElseThrow();
        String value = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
        return Arrays.stream(value.split(" "))
                .filter(o -> !o.startsWith("-XX:MaxRAMPercentage"))
                .toList();
    }

    /** The HTTP status of the answer, or 0 when the connection was closed before one could be read. */
    private static int send(int port, String tenantHeaders, byte[] body, CyclicBarrier lastByte, AtomicInteger answered)
            throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(180_000);
            OutputStream out = socket.getOutputStream();
            boolean written = true;
            try {
                out.write(
                        ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                                        + "Accept: application/json, text/event-stream\r\n" + tenantHeaders
                                        + "Content-Length: "
                                        + body.length + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length - 1);
                out.flush();
            } catch (IOException refusedEarly) {
                written = false; // answered (503) and closed before the body was taken
            }
            lastByte.await(2, TimeUnit.MINUTES);
            try {
                if (written) {
                    out.write(body[body.length - 1]);
                    out.flush();
                }
                return status(socket.getInputStream(), answered);
            } catch (IOException closed) {
                answered.incrementAndGet();
                return 0;
            }
        }
    }

    private static int status(InputStream in, AtomicInteger answered) throws IOException {
        byte[] head = in.readNBytes(12);
        answered.incrementAndGet();
        String text = new String(head, StandardCharsets.US_ASCII);
        return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : 0;
    }

    /** A {@code tools/call} of exactly {@link #BODY_BYTES} bytes carrying an array of empty objects. */
    private static byte[] body(int id) {
        String head = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"count_records\",\"arguments\":{\"model\":\"res.partner\",\"pad\":[{}";
        String tail = "]}}}";
        int room = BODY_BYTES - head.length() - tail.length();
        return (head + ",{}".repeat(room / 3) + " ".repeat(room % 3) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
