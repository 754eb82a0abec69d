package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge as its own process, with the container's JVM options (read from the Dockerfile) and
 * a 256 MB heap ({@code -XX:+ExitOnOutOfMemoryError}, as in a 512 MB instance): a dozen tenants
 * ask at once for a model whose {@code fields_get} answer is huge. Before the answer budget,
 * twelve 20 MB answers, each parsed into a tree several times larger, ended the JVM. Now the
 * process must survive them and still answer {@code /health}; each call ends as a result or a
 * clear refusal. The fake Odoo runs in this JVM on 127.0.0.1. Prints the heap figures from the
 * bridge's GC log.
 */
class AnswerMemoryProcessTests {

    private static final int TENANTS = 12;
    private static final Path JDK25 =
            Path.of(System.getenv().getOrDefault("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    void twelveConcurrentHugeAnswersLeaveTheProcessAlive(@TempDir Path work) throws Exception {
        byte[] twentyMb = fieldsGet(20 << 20);
        byte[] underTheCap = fieldsGet(7 << 20);
        Map<String, byte[]> answers = new ConcurrentHashMap<>();
        try (FieldsGetOdoo odoo = new FieldsGetOdoo(answers)) {
            int port = freePort();
            Path log = work.resolve("bridge.log");
            Path gc = work.resolve("gc.log");
            Process bridge = start(port, log, gc);
            try {
                awaitHealthy(port, bridge, log);
                // 1: the case, 20 MB answers without Content-Length (read until a limit stops them)
                answers.put("res.partner", twentyMb);
                List<String> first = describeConcurrently(port, odoo, "res.partner", bridge, log);
                // 2: answers just under ODOO_MAX_RESPONSE_SIZE, with Content-Length
                answers.put("sale.order", underTheCap);
                List<String> second = describeConcurrently(port, odoo, "sale.order", bridge, log);

                assertThat(bridge.isAlive()).as(tail(log)).isTrue();
                assertThat(get(port, "/health")).contains("healthy");
                assertThat(first)
                        .as("20 MB answers")
                        .allSatisfy(text -> assertThat(text)
                                .containsAnyOf("larger than the 8192 KiB limit", "ODOO_ANSWER_MEMORY_BUDGET"));
                assertThat(second)
                        .as("7 MB answers")
                        .allSatisfy(text -> assertThat(text).containsAnyOf("\"model\"", "ODOO_ANSWER_MEMORY_BUDGET"));
                assertThat(second)
                        .as("at least one 7 MB answer was read and described")
                        .anyMatch(t -> t.contains("\"model\""));
                assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
                System.out.printf(
                        "[answer memory] %d + %d concurrent calls (20 MB chunked, 7 MB declared): survived;"
                                + " 20 MB: %s; 7 MB: %s; %s%n",
                        TENANTS, TENANTS, outcomes(first), outcomes(second), heap(gc));
            } finally {
                bridge.destroy();
                if (!bridge.waitFor(20, TimeUnit.SECONDS)) {
                    bridge.destroyForcibly();
                }
            }
        }
    }

    private static List<String> describeConcurrently(
            int port, FieldsGetOdoo odoo, String model, Process bridge, Path log) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(TENANTS);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                String db = model.replace('.', '_') + "_" + i; // one tenant each: no shared cache, no tenant limit
                calls.add(callers.submit(() -> describe(port, odoo.url(), db, model)));
            }
            List<String> texts = new ArrayList<>();
            for (Future<String> call : calls) {
                try {
                    texts.add(call.get(3, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    bridge.waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError(
                            "A call failed (" + e.getCause() + "); the bridge is "
                                    + (bridge.isAlive() ? "alive" : "gone, exit code " + bridge.exitValue()) + ":\n"
                                    + tail(log),
                            e);
                }
            }
            return texts;
        } finally {
            callers.shutdownNow();
        }
    }

    private static String describe(int port, URI odoo, String db, String model)
            throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"describe_model\","
                + "\"arguments\":{\"model\":\"" + model + "\"}}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("X-Odoo-Url", odoo.toString())
                .header("X-Odoo-Db", db)
                .header("X-Odoo-Api-Key", "memory-test-key-" + db)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String outcomes(List<String> texts) {
        long described = texts.stream().filter(t -> t.contains("\"model\"")).count();
        long tooLarge =
                texts.stream().filter(t -> t.contains("larger than the")).count();
        long busy = texts.stream()
                .filter(t -> t.contains("ODOO_ANSWER_MEMORY_BUDGET"))
                .count();
        return described + " described, " + tooLarge + " over the size cap, " + busy + " refused by the budget";
    }

    /** Largest heap before a collection and largest after one, from {@code -Xlog:gc}. */
    private static String heap(Path gc) throws IOException {
        int before = 0;
        int after = 0;
        int committed = 0;
        for (String line : Files.readAllLines(gc)) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                before = Math.max(before, Integer.parseInt(m.group(1)));
                after = Math.max(after, Integer.parseInt(m.group(2)));
                committed = Math.max(committed, Integer.parseInt(m.group(3)));
            }
        }
        return "heap (-Xmx256m, " + (Files.isExecutable(JDK25.resolve("bin/java")) ? "JDK 25" : "this JDK") + "): peak "
                + before + " MB before a GC, peak " + after + " MB live after one, " + committed + " MB committed";
    }

    private static Process start(int port, Path log, Path gc) throws IOException {
        boolean jdk25 = Files.isExecutable(JDK25.resolve("bin/java"));
        Path java = jdk25 ? JDK25.resolve("bin/java") : Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        for (String option : containerJvmOptions()) {
            if (option.startsWith("-XX:MaxRAMPercentage=")) {
                command.add("-Xmx256m");
            } else if (jdk25 || !option.equals("-XX:+UseCompactObjectHeaders")) {
                command.add(option);
            }
        }
        command.add("-Xlog:gc:file=" + gc);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.odoomcp.OdooMcpBridgeApplication"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment()
                .putAll(Map.of(
                        "PORT",
                        Integer.toString(port),
                        "SERVER_ADDRESS",
                        "127.0.0.1",
                        "LOG_FORMAT",
                        "ecs",
                        "ODOO_ALLOW_PRIVATE_NETWORKS",
                        "true",
                        "ODOO_ALLOW_HTTP",
                        "true",
                        "ODOO_ALLOWED_HOSTS",
                        "127.0.0.1"));
        return builder.start();
    }

    /** The Dockerfile's JAVA_TOOL_OPTIONS, the options the container runs the bridge with. */
    private static List<String> containerJvmOptions() throws IOException {
        String line = Files.readAllLines(Path.of("Dockerfile")).stream()
                .filter(l -> l.startsWith("ENV JAVA_TOOL_OPTIONS="))
                .findFirst()
                .orElseThrow();
        String value = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
        return Arrays.asList(value.trim().split("\\s+"));
    }

    private static void awaitHealthy(int port, Process bridge, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(bridge.isAlive()).as(tail(log)).isTrue();
            try {
                if (get(port, "/health").contains("healthy")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The bridge was not healthy after 120 s:\n" + tail(log));
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A fields_get answer of about {@code size} bytes, shaped like Odoo's (many fields, a few attributes each). */
    static byte[] fieldsGet(int size) {
        StringBuilder json = new StringBuilder(size + 1024).append('{');
        for (int i = 0; json.length() < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("\"x_field_")
                    .append(i)
                    .append("\":{\"string\":\"Field ")
                    .append(i)
                    .append("\",\"type\":\"selection\",\"required\":false,\"readonly\":false,\"store\":true,")
                    .append("\"help\":\"Helps you keep track of the state of the document, e.g. draft or done\",")
                    .append(
                            "\"selection\":[[\"draft\",\"Quotation\"],[\"sent\",\"Quotation Sent\"],[\"sale\",\"Sales Order\"]]}");
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Just enough of an Odoo 19 for {@code describe_model} over JSON-2: {@code /web/version} and
     * {@code fields_get} of the models it was given (20 MB ones chunked, the others with a length).
     */
    static final class FieldsGetOdoo implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        FieldsGetOdoo(Map<String, byte[]> answers) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setExecutor(threads);
            server.createContext(
                    "/web/version",
                    exchange -> send(
                            exchange,
                            200,
                            "{\"version\":\"19.0\",\"version_info\":[19,0,0,\"final\",0,\"\"]}"
                                    .getBytes(StandardCharsets.UTF_8),
                            false));
            server.createContext("/json/2/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String[] parts = exchange.getRequestURI().getPath().split("/");
                byte[] answer = parts.length == 5 && parts[4].equals("fields_get") ? answers.get(parts[3]) : null;
                if (answer == null) {
                    send(
                            exchange,
                            404,
                            "{\"name\":\"werkzeug.exceptions.NotFound\",\"message\":\"404 Not Found: nope\"}"
                                    .getBytes(StandardCharsets.UTF_8),
                            false);
                } else {
                    send(exchange, 200, answer, answer.length > (16 << 20));
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 64 * 1024) {
                    out.write(body, at, Math.min(64 * 1024, body.length - at));
                }
            } catch (IOException bridgeHungUp) {
                // the bridge refused the rest of the answer: what the limits are for
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
