package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a hostile Odoo can do with the text and shape of its answers, end to end through
 * {@code /mcp tools/call}: pathological fault text (CPU), deep nesting (stack), line breaks and
 * malformed XML (log lines). Each must end as a clean tool error, with no worker left busy and
 * nothing of the remote text on the bridge's own output. Every fake listens on 127.0.0.1 only.
 */
@LoopbackBridgeTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileOdooTextEndToEndTests {

    private static final String KEY = HostileOdooEndToEndTests.KEY;
    private static final String COUNT = "{\"model\":\"res.partner\"}";
    private static final String INJECTED = "INJECTED-LOG-LINE level=ERROR forged by the Odoo";

    @LocalServerPort
    int port;

    @Autowired
    TenantCallGuard guard;

    private McpClient bridge;
    private FakeOdoo xmlRpcOdoo;
    private FakeOdoo json2Odoo;

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
    void aFaultOfThreeHundredThousandSpacesLeavesNoWorkerBusy() {
        // A regex that backtracks over such text ran for minutes after the deadline had answered the client.
        xmlRpcAnswers(fault(1, "ValueError: odd" + " ".repeat(300_000) + "end"));
        McpClient.Reply reply = callXmlRpc();
        assertCleanToolError(reply);
        assertThat(reply.text())
                .contains("Odoo failed with a server error: ValueError: odd.")
                .doesNotContain("  ");
    }

    @Test
    void aFaultFullOfPathSegmentsIsACleanToolError() {
        xmlRpcAnswers(fault(1, "ValueError: bad file " + "/a".repeat(200_000)));
        McpClient.Reply reply = callXmlRpc();
        assertCleanToolError(reply);
        assertThat(reply.text()).contains("ValueError: bad file <path>");
    }

    @Test
    void twentyThousandLevelsOfXmlRpcNestingAreACleanToolError(CapturedOutput output) {
        int depth = 20_000;
        String open = "<value><array><data>".repeat(depth);
        String close = "</data></array></value>".repeat(depth);
        xmlRpcAnswers("<?xml version=\"1.0\"?><methodResponse><params><param>" + open + "<value><int>1</int></value>"
                + close + "</param></params></methodResponse>");
        int linesBefore = lines(output);
        McpClient.Reply reply = callXmlRpc();
        assertCleanToolError(reply);
        assertThat(reply.text()).contains("nested too deeply");
        assertThat(lines(output) - linesBefore)
                .as("log lines written for one hostile answer")
                .isLessThan(5);
    }

    @Test
    void twentyThousandLevelsOfJsonNestingAreACleanToolError() {
        json2Odoo.override(
                "/json/2/res.partner/search_count",
                exchange -> HostileOdooEndToEndTests.answer(
                        exchange, "application/json", "[".repeat(20_000) + "]".repeat(20_000)));
        McpClient.Reply reply = bridge.callTool("count_records", COUNT, tenant(json2Odoo));
        assertCleanToolError(reply);
        assertThat(reply.text()).contains("nested too deeply");
    }

    @Test
    void malformedXmlLeavesNothingOnTheBridgesOutput(CapturedOutput output) {
        xmlRpcAnswers("<?xml version=\"1.0\n" + INJECTED + "\"?><methodResponse/>");
        assertCleanToolError(callXmlRpc());
        xmlRpcAnswers("<?xml version=\"1.0\"?><methodResponse><params><param><value><string>cut");
        assertCleanToolError(callXmlRpc());
        assertThat(output.getAll()).doesNotContain("[Fatal Error]").doesNotContain(INJECTED);
    }

    @Test
    void lineBreaksInOdooTextNeverReachAToolMessage() {
        xmlRpcAnswers(fault(1, "The method 'res.partner\r\n" + INJECTED + ".x' does not exist on the model 'y'"));
        McpClient.Reply reply = callXmlRpc();
        assertCleanToolError(reply);
        assertThat(reply.text()).doesNotContain("\n").doesNotContain("\r").contains(INJECTED);
    }

    private McpClient.Reply callXmlRpc() {
        return bridge.callTool("count_records", COUNT, tenant(xmlRpcOdoo));
    }

    private static java.util.Map<String, String> tenant(FakeOdoo odoo) {
        return HostileOdooEndToEndTests.tenant(odoo.baseUrl());
    }

    private void xmlRpcAnswers(String body) {
        xmlRpcOdoo.override(
                "/xmlrpc/2/object", exchange -> HostileOdooEndToEndTests.answer(exchange, "text/xml", body));
    }

    static String fault(int code, String text) {
        return "<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>" + code + "</int></value></member>"
                + "<member><name>faultString</name><value><string>"
                + text.replace("&", "&amp;").replace("<", "&lt;").replace("\r", "&#13;")
                + "</string></value></member></struct></value></fault></methodResponse>";
    }

    private static int lines(CapturedOutput output) {
        return (int) output.getAll().lines().count();
    }

    private void assertCleanToolError(McpClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.isToolError()).as(reply.body()).isTrue();
        assertThat(reply.body())
                .doesNotContain(KEY)
                .doesNotContain("\tat ")
                .doesNotContain("dev.odoomcp")
                .doesNotContain("java.")
                .doesNotContain("org.apache");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(busyWorkers()).isEmpty());
    }

    /** Tool calls still running, and threads still inside the bridge's Odoo code. */
    private List<String> busyWorkers() {
        List<String> busy = new ArrayList<>();
        if (guard.running() != 0) {
            busy.add(guard.running() + " tool call(s) running");
        }
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            if (Arrays.stream(frames).anyMatch(f -> f.getClassName().startsWith("dev.odoomcp.odoo."))) {
                busy.add(thread.getName() + " in "
                        + Arrays.stream(frames)
                                .filter(f -> f.getClassName().startsWith("dev.odoomcp.odoo."))
                                .findFirst()
                                .orElseThrow());
            }
        });
        return busy;
    }
}
