package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile and broken Odoo servers, end to end through {@code /mcp tools/call}: every case must end
 * as a tool result with {@code isError}, a message naming the problem, no stack trace, no key, in
 * bounded time and memory, with no thread left behind. Every stub listens on 127.0.0.1 only.
 * (The client-level cases live in {@code odoo/*Tests}; these prove the whole path.)
 */
@LoopbackBridgeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileOdooEndToEndTests {

    static final String KEY = "hostile-case-key-5b7e0c2d";
    private static final String COUNT = "{\"model\":\"res.partner\"}";

    @LocalServerPort
    int port;

    @Autowired
    TenantCallGuard guard;

    private McpClient bridge;
    private FakeOdoo xmlRpcOdoo;
    private FakeOdoo json2Odoo;

    /** Deserializing this would leave a trace. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean triggered;

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            triggered = true;
            in.defaultReadObject();
        }
    }

    @BeforeAll
    void startFakes() {
        xmlRpcOdoo = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
        json2Odoo = FakeOdoo.builder()
                .version("19.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
    }

    @AfterAll
    void stopFakes() {
        xmlRpcOdoo.close();
        json2Odoo.close();
    }

    @BeforeEach
    void client() {
        bridge = McpClient.at(port);
        xmlRpcOdoo.removeOverride("/xmlrpc/2/object");
        json2Odoo.removeOverride("/json/2/res.partner/search_count");
    }

    @Test
    void theGenuineFakesWork() {
        McpClient.Reply xml = bridge.callTool("count_records", COUNT, tenant(xmlRpcOdoo.baseUrl()));
        McpClient.Reply json = bridge.callTool("count_records", COUNT, tenant(json2Odoo.baseUrl()));
        assertThat(xml.isToolError()).as(xml.body()).isFalse();
        assertThat(json.isToolError()).as(json.body()).isFalse();
    }

    @Test
    void externalDtdIsNeverFetched() throws IOException {
        try (RawStub dtdHost = new RawStub((socket, head, stub) ->
                stub.write(socket.getOutputStream(), "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            xmlRpcAnswers(
                    "text/xml",
                    "<?xml version=\"1.0\"?><!DOCTYPE methodResponse SYSTEM \""
                            + dtdHost.url("http")
                            + "/evil.dtd\"><methodResponse><params><param><value><string>x</string>"
                            + "</value></param></params></methodResponse>");
            assertCleanToolError(callXmlRpc(), "declares a DOCTYPE");
            assertThat(dtdHost.connections()).isZero();
        }
    }

    @Test
    void externalEntityIsRefused() {
        xmlRpcAnswers(
                "text/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                        + "<methodResponse><params><param><value><string>&xxe;</string></value></param></params>"
                        + "</methodResponse>");
        assertCleanToolError(callXmlRpc(), "declares a DOCTYPE");
    }

    @Test
    void entityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a")
                    .append(i)
                    .append(" \"")
                    .append(("&a" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        xmlRpcAnswers(
                "text/xml",
                "<?xml version=\"1.0\"?>" + dtd + "]><methodResponse><params><param><value>"
                        + "<string>&a9;</string></value></param></params></methodResponse>");
        assertCleanToolError(callXmlRpc(), "declares a DOCTYPE");
    }

    @Test
    void faultCarryingASerializedJavaObjectIsRefusedUnread() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        xmlRpcAnswers(
                "text/xml",
                "<?xml version=\"1.0\"?><methodResponse "
                        + "xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"><fault><value><struct>"
                        + "<member><name>faultCode</name><value><int>1</int></value></member>"
                        + "<member><name>faultString</name><value><string>boom</string></value></member>"
                        + "<member><name>faultCause</name><value><ex:serializable>"
                        + Base64.getEncoder().encodeToString(bytes.toByteArray())
                        + "</ex:serializable></value></member></struct></value></fault></methodResponse>");
        assertCleanToolError(callXmlRpc(), "serialized Java object");
        assertThat(Tripwire.triggered).isFalse();
    }

    @Test
    void invalidXmlIsAProtocolError() {
        xmlRpcAnswers("text/xml", "<?xml version=\"1.0\"?><methodResponse><params><param><value><string>cut");
        assertCleanToolError(callXmlRpc(), "not well-formed XML-RPC");
    }

    @Test
    void htmlInsteadOfXmlRpcIsRefused() {
        xmlRpcAnswers("text/html", "<!doctype html><title>Login</title><p>Please log in");
        assertCleanToolError(callXmlRpc(), "not an Odoo answer");
    }

    @Test
    void invalidJsonFromJson2IsAProtocolError() {
        json2Odoo.override(
                "/json/2/res.partner/search_count",
                exchange -> answer(exchange, "application/json", "{\"oops\": [1, 2"));
        assertCleanToolError(bridge.callTool("count_records", COUNT, tenant(json2Odoo.baseUrl())), "not valid JSON");
    }

    @Test
    void wrongContentTypeFromJson2IsRefused() {
        json2Odoo.override("/json/2/res.partner/search_count", exchange -> answer(exchange, "text/plain", "63"));
        McpClient.Reply reply = bridge.callTool("count_records", COUNT, tenant(json2Odoo.baseUrl()));
        assertCleanToolError(reply, "text/plain");
    }

    @Test
    void aGibibyteAnswerIsCutAtTheCapAndNeverRead() throws IOException {
        long heapBefore = usedHeapAfterGc();
        try (RawStub huge = new RawStub((socket, head, stub) -> {
            OutputStream out = socket.getOutputStream();
            stub.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = chunk(64 * 1024);
            for (long sent = 0; sent < (1L << 30); sent += 64 * 1024) {
                stub.write(out, chunk);
            }
            stub.write(out, "0\r\n\r\n");
        })) {
            McpClient.Reply reply = bridge.callTool("count_records", COUNT, tenant(huge.url("http")));
            assertCleanToolError(reply, "larger than the 1024 KiB limit");
            await().atMost(Duration.ofSeconds(10)).until(() -> huge.closedByPeer() == 1);
            // the cap (1 MiB) plus what the two sockets' buffers held: the rest was never read
            assertThat(huge.bytesSent()).isLessThan(32L << 20);
        }
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(128L << 20);
    }

    @Test
    void aTricklingBodyIsEndedByTheCallDeadline() throws IOException {
        try (RawStub slowloris = new RawStub((socket, head, stub) -> {
            OutputStream out = socket.getOutputStream();
            stub.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n");
            for (int i = 0; i < 600; i++) {
                stub.write(out, " ");
                Thread.sleep(100);
            }
        })) {
            long start = System.nanoTime();
            McpClient.Reply reply = bridge.callTool("count_records", COUNT, tenant(slowloris.url("http")));
            assertCleanToolError(reply, "did not finish within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(10)).until(() -> slowloris.closedByPeer() == 1);
        }
    }

    @Test
    void aSlowOdooIsCancelledAtTheDeadlineAndLeavesNoThreadBehind() {
        try (FakeOdoo slow = FakeOdoo.builder()
                .version("18.0")
                .latency(Duration.ofSeconds(30))
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start()) {
            long start = System.nanoTime();
            McpClient.Reply reply = bridge.callTool("count_records", COUNT, tenant(slow.baseUrl()));
            assertCleanToolError(reply, "did not finish within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws IOException {
        try (RawStub elsewhere = new RawStub((socket, head, stub) -> stub.write(
                        socket.getOutputStream(),
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"));
                RawStub redirector = new RawStub((socket, head, stub) -> stub.write(
                        socket.getOutputStream(),
                        "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + elsewhere.url("http")
                                + "/web/version\r\nContent-Length: 0\r\n\r\n"))) {
            assertCleanToolError(
                    bridge.callTool("count_records", COUNT, tenant(redirector.url("http"))),
                    "redirects are not followed");
            assertThat(redirector.connections()).isPositive();
            assertThat(elsewhere.connections()).isZero();
        }
    }

    @Test
    void plainHttpBehindAnHttpsUrlIsATlsFailure() throws IOException {
        try (RawStub plain = new RawStub(
                false,
                (socket, head, stub) -> stub.write(
                        socket.getOutputStream(),
                        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))) {
            assertCleanToolError(
                    bridge.callTool("count_records", COUNT, tenant(plain.url("https"))),
                    "TLS connection to https://127.0.0.1:");
        }
    }

    @Test
    void aConnectionResetIsReported() throws IOException {
        try (RawStub reset = new RawStub((socket, head, stub) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        })) {
            assertCleanToolError(
                    bridge.callTool("count_records", COUNT, tenant(reset.url("http"))),
                    "The connection to http://127.0.0.1:");
        }
    }

    private McpClient.Reply callXmlRpc() {
        return bridge.callTool("count_records", COUNT, tenant(xmlRpcOdoo.baseUrl()));
    }

    private void xmlRpcAnswers(String contentType, String body) {
        xmlRpcOdoo.override("/xmlrpc/2/object", exchange -> answer(exchange, contentType, body));
    }

    static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static Map<String, String> tenant(URI url) {
        return McpClient.odoo(url, "acme", "admin", KEY);
    }

    private void assertCleanToolError(McpClient.Reply reply, String problem) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.isToolError()).as(reply.body()).isTrue();
        assertThat(reply.text()).contains(problem);
        assertThat(reply.body())
                .doesNotContain(KEY)
                .doesNotContain("\tat ")
                .doesNotContainPattern("at [a-z]+\\.")
                .doesNotContain("dev.odoomcp")
                .doesNotContain("java.")
                .doesNotContain("org.apache");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stuckThreads()).isEmpty());
    }

    /** Threads still inside the bridge's Odoo transport or a tool call. */
    private java.util.List<String> stuckThreads() {
        java.util.List<String> stuck = new java.util.ArrayList<>();
        if (guard.running() != 0) {
            stuck.add(guard.running() + " tool call(s) running");
        }
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (Arrays.stream(frames).anyMatch(f -> f.getClassName().startsWith("dev.odoomcp.odoo.OdooHttp"))) {
                stuck.add(thread.getName());
            }
        });
        return stuck;
    }

    private static byte[] chunk(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) ' ');
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + size + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, size);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
