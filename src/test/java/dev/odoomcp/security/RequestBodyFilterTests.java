package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies over real loopback sockets: a client trickling its body holds no in-flight slot and
 * is cut off once {@code MCP_REQUEST_BODY_TIMEOUT} has passed, and bodies held at once are bounded by
 * {@code MCP_MAX_REQUEST_BYTES_IN_FLIGHT}. One slot in flight, so any slot a trickler held would show.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "mcp.max-in-flight=1",
            "mcp.request-body-timeout=3s",
            "mcp.max-request-size=4KB",
            "mcp.max-request-bytes-in-flight=8KB"
        })
class RequestBodyFilterTests {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @LocalServerPort
    int port;

    @Autowired
    RequestBodyFilter filter;

    @Test
    void aTricklingClientHoldsNoSlotAndIsCutOffAfterTheBodyTimeout() throws Exception {
        long start = System.nanoTime();
        try (Trickler trickler = new Trickler(port, 1000)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> filter.availableBytes() < 8192);
            // the only in-flight slot is free for others while the trickler is still sending
            RawHttp.Answer other = ping();
            assertThat(other.status()).isEqualTo(200);
            assertThat(trickler.isSending()).as("the trickler is still sending").isTrue();

            String answer = trickler.answer().get(30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(answer).startsWith("HTTP/1.1 408").contains("MCP_REQUEST_BODY_TIMEOUT");
            // 3 s allowed; a byte every 100 ms: cut off at the first read after the deadline
            assertThat(seconds).as("seconds until the trickler was answered").isLessThan(20);
            // not drained: the connection is closed at the trickler's next byte, not kept open while it trickles
            trickler.closed().get(15, TimeUnit.SECONDS);
            System.out.printf(
                    "trickler answered 408 after %.1f s (timeout 3 s), connection closed after %.1f s%n",
                    seconds, (System.nanoTime() - start) / 1e9);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> filter.availableBytes() == 8192);
    }

    @Test
    void pastTheByteBudgetABodyIsRefusedWith503UntilBytesAreGivenBack() throws Exception {
        try (Trickler first = new Trickler(port, 4096);
                Trickler second = new Trickler(port, 4096)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> filter.availableBytes() == 0);
            RawHttp.Answer refused = ping();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.head()).contains("Retry-After: 1");
            JsonNode error = JsonMapper.shared().readTree(refused.body()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32000);
            assertThat(error.path("message").asString()).contains("MCP_MAX_REQUEST_BYTES_IN_FLIGHT", "retry in 1 s");
            first.answer().get(30, TimeUnit.SECONDS);
            second.answer().get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> filter.availableBytes() == 8192);
        assertThat(ping().status()).isEqualTo(200);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413WhetherDeclaredOrChunked() throws Exception {
        byte[] big = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000)
                        + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer declared = RawHttp.send(port, "POST", "/mcp", headers(), big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body()).contains("MCP_MAX_REQUEST_SIZE");

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
                            + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n\r\n"
                            + Integer.toHexString(big.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(big);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("MCP_MAX_REQUEST_SIZE");
        }
        assertThat(filter.availableBytes()).isEqualTo(8192);
    }

    private RawHttp.Answer ping() throws IOException {
        return RawHttp.send(port, "POST", "/mcp", headers(), PING.getBytes(StandardCharsets.UTF_8));
    }

    private static List<byte[]> headers() {
        List<byte[]> lines = new ArrayList<>();
        lines.add("Content-Type: application/json".getBytes(StandardCharsets.US_ASCII));
        lines.add("Accept: application/json, text/event-stream".getBytes(StandardCharsets.US_ASCII));
        return lines;
    }

    /**
     * A client that declares {@code length} bytes of body and then sends one byte every 100 ms (for at
     * most 60 s, or until the server closes the connection) while another thread reads the answer.
     */
    private static final class Trickler implements AutoCloseable {

        private final Socket socket;
        private final Thread sender;
        private final CompletableFuture<String> answer = new CompletableFuture<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();

        Trickler(int port, int length) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Accept: application/json, text/event-stream\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sender = new Thread(
                    () -> {
                        try {
                            // like an attacker, go on sending after the answer, until the connection is closed
                            for (int i = 0; i < Math.min(length, 600) && !closed.isDone(); i++) {
                                out.write(' ');
                                out.flush();
                                Thread.sleep(100);
                            }
                        } catch (IOException | InterruptedException stopped) {
                            // cut off by the server, or closed by the test
                        }
                    },
                    "trickler");
            sender.setDaemon(true);
            sender.start();
            Thread reader = new Thread(this::readAnswer, "trickler-reader");
            reader.setDaemon(true);
            reader.start();
        }

        boolean isSending() {
            return sender.isAlive() && !answer.isDone();
        }

        CompletableFuture<String> answer() {
            return answer;
        }

        /** Completes when the server has closed the connection. */
        CompletableFuture<Void> closed() {
            return closed;
        }

        /** Everything up to the end of the answer's body, read as it arrives (the connection may stay open). */
        private void readAnswer() {
            try {
                InputStream in = socket.getInputStream();
                StringBuilder text = new StringBuilder();
                byte[] buffer = new byte[4096];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (text.indexOf("\r\n\r\n") >= 0 && text.toString().endsWith("}}")) {
                        break;
                    }
                }
                answer.complete(text.toString());
                while (in.read(buffer) >= 0) {
                    // drain until the server closes the connection
                }
                closed.complete(null);
            } catch (IOException e) {
                answer.completeExceptionally(e);
                closed.complete(null);
            }
        }

        @Override
        public void close() throws IOException {
            answer.complete("");
            closed.complete(null);
            socket.close();
        }
    }
}
