package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.McpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector's small per-connection buffers are in place, and requests and answers larger than
 * them still pass whole: headers of several KiB, a {@code tools/list} answer many times the socket
 * and response buffers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class EdgeConnectorTests {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theConnectorRunsWithTheSmallBuffers() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProtocolHandler()).isInstanceOf(EdgeProtocol.class);
        assertThat(connector.getProtocolHandler().getDesiredBufferSize()).isEqualTo(EdgeProtocol.RESPONSE_BUFFER);
        assertThat(connector.getProperty("socket.appReadBufSize"))
                .hasToString(Integer.toString(EdgeConnector.SOCKET_BUFFER));
        assertThat(connector.getProperty("socket.appWriteBufSize"))
                .hasToString(Integer.toString(EdgeConnector.SOCKET_BUFFER));
        AbstractHttp11Protocol<?> http = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        assertThat(http.getMaxTrailerSize()).isEqualTo(EdgeConnector.MAX_TRAILER);
        assertThat(http.getMaxSwallowSize()).isZero();
        assertThat(http.getMaxHttpRequestHeaderSize())
                .as("request headers keep Tomcat's 8 KiB")
                .isEqualTo(8192);
    }

    @Test
    void headersLargerThanTheSocketBufferAreRead() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        lines.add("Content-Type: application/json".getBytes(StandardCharsets.US_ASCII));
        lines.add("Accept: application/json, text/event-stream".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 6; i++) {
            lines.add(("X-Proxy-Note-" + i + ": " + "a".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
        }
        RawHttp.Answer answer = RawHttp.send(port, "POST", "/mcp", lines, PING.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(answer.body()).path("id").asInt())
                .isEqualTo(1);
    }

    @Test
    void anAnswerManyTimesTheBuffersArrivesWhole() {
        List<JsonNode> tools = McpClient.at(port).protocol(McpClient.REVISION).tools();
        assertThat(tools).extracting(t -> t.path("name").asString()).contains("search_records", "call_method");
        assertThat(tools.toString().length())
                .as("the answer is far larger than the buffers")
                .isGreaterThan(8 * EdgeConnector.SOCKET_BUFFER);
    }
}
