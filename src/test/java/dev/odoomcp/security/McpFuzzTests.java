package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes {@code /mcp} over a bare socket with seeded random input: arbitrary bytes, every method's
 * message with one field replaced by a value of a random type, deep nesting, huge strings and
 * arrays, and hostile header values (RTL marks, NUL, CR/LF injection, overlong, raw UTF-8). Every
 * answer must be a JSON-RPC answer or a clean HTTP error, never a 5xx, never a stack trace, and the
 * log must hold no error. Tool calls that get through reach a fake Odoo on 127.0.0.1; the test
 * context's host allow-list refuses every other host before any DNS look-up.
 *
 * <p>Short run in {@code ./mvnw test} (1,000 tries, a few seconds); a long one:
 * {@code ./mvnw test -Dtest=McpFuzzTests -Dmcp.fuzz.tries=100000 [-Dmcp.fuzz.seed=N]}.
 */
@LoopbackBridgeTest
@ExtendWith(OutputCaptureExtension.class)
class McpFuzzTests {

    private static final Set<Integer> CLEAN_STATUSES = Set.of(200, 202, 400, 401, 403, 404, 405, 406, 413, 415, 503);
    private static final List<String> METHODS = List.of(
            "initialize",
            "ping",
            "tools/list",
            "tools/call",
            "resources/list",
            "resources/templates/list",
            "resources/read",
            "prompts/list",
            "prompts/get",
            "completion/complete",
            "server/discover",
            "notifications/initialized",
            "logging/setLevel",
            "");
    private static final List<String> TOOLS = List.of(
            "search_records",
            "count_records",
            "read_records",
            "describe_model",
            "list_models",
            "name_search",
            "aggregate_records",
            "odoo_context",
            "call_method",
            "create_record",
            "update_records",
            "delete_records",
            "no_such_tool");
    private static final List<String> TRICKS = List.of(
            "\u202e",
            "\u200f",
            "\u0000",
            "\r\n",
            "\r\nX-Injected: 1",
            "\n",
            "\ufeff",
            "\ud83d\ude00",
            "%00",
            "=?base64?AAAA?=",
            "=?base64?!!?=",
            "\\u0000",
            "é",
            "\u2028");
    private static final List<String> PROTOCOLS =
            List.of("2025-11-25", "2025-06-18", "2026-07-28", "2024-11-05", "1999-01-01", "");

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyAnswerIsAJsonRpcAnswerOrACleanHttpErrorAndNothingIsLoggedAsAnError(CapturedOutput output)
            throws IOException {
        int tries = Integer.getInteger("mcp.fuzz.tries", 1000);
        long seed = Long.getLong("mcp.fuzz.seed", new Random().nextLong());
        Random random = new Random(seed);
        long start = System.nanoTime();
        try (FakeOdoo odoo = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", "fuzz-key"))
                .start()) {
            Generator generator = new Generator(random, odoo.baseUrl().toString());
            for (int i = 0; i < tries; i++) {
                Generator.Case input = generator.next();
                RawHttp.Answer answer = RawHttp.send(port, "POST", "/mcp", input.headers(), input.body());
                check(answer, "seed " + seed + ", try " + i + ": " + input.describe());
            }
        }
        System.out.printf(
                "MCP fuzz: %d tries in %d ms (seed %d; repeat with -Dmcp.fuzz.seed=%d)%n",
                tries, (System.nanoTime() - start) / 1_000_000, seed, seed);
        String log = output.getAll();
        assertThat(log)
                .as("seed " + seed)
                .doesNotContain(" ERROR ")
                .doesNotContain("failed unexpectedly")
                .doesNotContain("Unexpected failure");
    }

    private void check(RawHttp.Answer answer, String input) {
        assertThat(answer.status()).as(input + "\n" + answer.head()).isIn(CLEAN_STATUSES);
        assertThat(answer.body())
                .as(input)
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("dev.odoomcp")
                .doesNotContain("fuzz-key");
        assertThat(answer.head()).as(input).doesNotContainIgnoringCase("X-Injected");
        if (answer.status() == 202 || answer.body().isEmpty() || answer.status() == 405) {
            return;
        }
        if (answer.head().toLowerCase(java.util.Locale.ROOT).contains("application/json")) {
            JsonNode reply = json.readTree(answer.body());
            assertThat(reply.path("jsonrpc").asString()).as(input).isEqualTo("2.0");
            assertThat(reply.has("result") ^ reply.has("error"))
                    .as(input + "\n" + answer.body())
                    .isTrue();
        } else {
            // only the servlet container itself answers otherwise: a request HTTP/1.1 cannot parse
            assertThat(answer.status()).as(input + "\n" + answer.head()).isEqualTo(400);
        }
    }

    /** Seeded inputs; each describes itself for the failure message. */
    static final class Generator {

        record Case(List<byte[]> headers, byte[] body, String describe) {}

        private final Random random;
        private final String odooUrl;

        Generator(Random random, String odooUrl) {
            this.random = random;
            this.odooUrl = odooUrl;
        }

        Case next() {
            List<byte[]> headers = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            header(
                    headers,
                    "Content-Type",
                    random.nextInt(20) == 0
                            ? pick(List.of(
                                    "text/plain",
                                    "application/xml",
                                    "application/json; charset=\u0000",
                                    "",
                                    "application/json;;;"))
                            : "application/json");
            header(headers, "Accept", random.nextInt(20) == 0 ? "*/*" : "application/json, text/event-stream");
            if (random.nextBoolean()) {
                header(headers, "X-Odoo-Url", random.nextInt(4) == 0 ? trick("x") : odooUrl);
                header(headers, "X-Odoo-Db", random.nextInt(4) == 0 ? trick("acme") : "acme");
                header(headers, "X-Odoo-Username", random.nextInt(4) == 0 ? trick("admin") : "admin");
                header(headers, "X-Odoo-Api-Key", random.nextInt(4) == 0 ? trick("fuzz-key") : "fuzz-key");
            }
            String method = pick(METHODS);
            if (random.nextInt(3) == 0) {
                header(headers, "MCP-Protocol-Version", random.nextInt(3) == 0 ? trick("2026-07-28") : pick(PROTOCOLS));
                header(headers, "Mcp-Method", random.nextInt(3) == 0 ? trick(method) : method);
                header(headers, "Mcp-Name", trick("search_records"));
            }
            if (random.nextInt(10) == 0) {
                header(headers, "Origin", trick("http://evil.example"));
            }
            if (random.nextInt(30) == 0) {
                header(headers, "X-Overlong", "a".repeat(random.nextInt(20_000)));
            }
            byte[] body = body(method, notes);
            return new Case(
                    headers,
                    body,
                    method + " " + notes + " headers="
                            + headers.stream()
                                    .map(h -> new String(h, StandardCharsets.UTF_8)
                                            .replace("\r", "\\r")
                                            .replace("\n", "\\n")
                                            .replace("\u0000", "\\0"))
                                    .map(h -> h.length() > 120 ? h.substring(0, 120) + "…" : h)
                                    .toList());
        }

        private byte[] body(String method, List<String> notes) {
            switch (random.nextInt(10)) {
                case 0 -> {
                    notes.add("random bytes");
                    byte[] bytes = new byte[random.nextInt(3000)];
                    random.nextBytes(bytes);
                    return bytes;
                }
                case 1 -> {
                    int depth = random.nextInt(3) == 0 ? 200_000 : 1 + random.nextInt(5000);
                    notes.add("nesting " + depth);
                    String open = random.nextBoolean() ? "[" : "{\"a\":";
                    String close = open.equals("[") ? "]" : "}";
                    return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{\"arguments\":"
                                    + open.repeat(depth) + "1" + close.repeat(depth) + "}}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 2 -> {
                    int size = random.nextInt(3) == 0 ? 1_100_000 + random.nextInt(100_000) : random.nextInt(900_000);
                    notes.add("huge " + size);
                    String filler =
                            random.nextBoolean() ? "\"" + "x".repeat(size) + "\"" : "[" + "1,".repeat(size / 2) + "1]";
                    return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{\"name\":" + filler
                                    + "}}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    return message(method, notes).getBytes(StandardCharsets.UTF_8);
                }
            }
        }

        /** A well-formed message for the method with one field given a value of a random type. */
        private String message(String method, List<String> notes) {
            String params = switch (method) {
                case "initialize" ->
                    "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"f\",\"version\":\"1\"}}";
                case "tools/call" ->
                    "{\"name\":\"" + pick(TOOLS) + "\",\"arguments\":{\"model\":\"res.partner\","
                            + "\"domain\":[[\"name\",\"ilike\",\"a\"]],\"fields\":[\"name\"],\"limit\":3,\"ids\":[1],"
                            + "\"values\":{\"name\":\"x\"},\"method\":\"read\",\"groupby\":[\"country_id\"],\"name\":\"a\"}}";
                case "resources/read" -> "{\"uri\":\"odoo://res.partner/1\"}";
                case "prompts/get" -> "{\"name\":\"x\",\"arguments\":{\"a\":\"b\"}}";
                case "completion/complete" ->
                    "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"x\"},\"argument\":{\"name\":\"a\",\"value\":\"b\"}}";
                default -> "{\"cursor\":\"abc\"}";
            };
            String[] fields = {
                "\"jsonrpc\":\"2.0\"", "\"id\":1", "\"method\":\"" + method + "\"", "\"params\":" + params
            };
            int replace = random.nextInt(fields.length + 2);
            if (replace < fields.length) {
                String name = fields[replace].substring(0, fields[replace].indexOf(':'));
                String value = randomValue(0);
                notes.add(name + "=" + (value.length() > 80 ? value.substring(0, 80) + "…" : value));
                fields[replace] = name + ":" + value;
            } else if (replace == fields.length) {
                String value = randomValue(0);
                notes.add("argument/param value " + (value.length() > 80 ? value.substring(0, 80) + "…" : value));
                fields[3] = fields[3].replaceFirst(
                        "\"(res\\.partner|abc|x|odoo://res\\.partner/1|2025-11-25)\"",
                        java.util.regex.Matcher.quoteReplacement(value));
            }
            return "{" + String.join(",", fields) + "}";
        }

        private String randomValue(int depth) {
            return switch (random.nextInt(depth > 3 ? 7 : 9)) {
                case 0 -> "null";
                case 1 -> Boolean.toString(random.nextBoolean());
                case 2 -> pick(List.of("0", "-1", "1e308", "-1e999", "123456789012345678901234567890", "0.5", "-0"));
                case 3 ->
                    "\""
                            + escape(trick(pick(List.of(
                                    "",
                                    "res.partner",
                                    "x".repeat(random.nextInt(5000)),
                                    "../../etc",
                                    "odoo://",
                                    "2026-07-28"))))
                            + "\"";
                case 4 -> "\"" + escape(trick("")) + "\"";
                case 5 -> "[]";
                case 6 -> "{}";
                case 7 -> "[" + randomValue(depth + 1) + "," + randomValue(depth + 1) + "]";
                default -> "{\"k\":" + randomValue(depth + 1) + "}";
            };
        }

        private String trick(String base) {
            StringBuilder value = new StringBuilder(base);
            for (int i = random.nextInt(3); i >= 0; i--) {
                value.insert(random.nextInt(value.length() + 1), pick(TRICKS));
            }
            return value.toString();
        }

        private static String escape(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void header(List<byte[]> headers, String name, String value) {
            headers.add((name + ": " + value).getBytes(StandardCharsets.UTF_8));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
