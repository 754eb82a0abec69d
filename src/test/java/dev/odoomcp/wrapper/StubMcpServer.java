package dev.odoomcp.wrapper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A loopback HTTP server standing in for the MCP endpoint: records each POST and answers with
 * whatever the test's function says, including slow, stalled and streamed answers.
 */
final class StubMcpServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Received(String path, Map<String, List<String>> headers, String body, JsonRpcMessage message) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** How to answer: status, headers and a body writer (which may block or stream). */
    record Answer(int status, Map<String, String> headers, BodyWriter body) {
        static Answer json(String json) {
            return of(200, "application/json", json);
        }

        static Answer of(int status, String contentType, String body) {
            return new Answer(
                    status,
                    Map.of("Content-Type", contentType),
                    out -> out.write(body.getBytes(StandardCharsets.UTF_8)));
        }

        static Answer sse(String... events) {
            return new Answer(200, Map.of("Content-Type", "text/event-stream"), out -> {
                for (String event : events) {
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            });
        }

        static Answer accepted() {
            return new Answer(202, Map.of(), null);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, all, body);
        }
    }

    /** Writes a body; may block (a slow or stalled server). */
    interface BodyWriter {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final JsonCodec codec = new JsonCodec();

    StubMcpServer(Function<Received, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, answers));
        server.start();
    }

    /** Base URL, without {@code /mcp}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    /** Blocks a handler until the server closes (a server that never answers). */
    void hang() throws InterruptedException {
        closing.await();
    }

    private void handle(HttpExchange exchange, Function<Received, Answer> answers) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    codec.parseObject(body));
            received.add(request);
            Answer answer = answers.apply(request);
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), 0);
            answer.body().write(exchange.getResponseBody());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
