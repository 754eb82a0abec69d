package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecTests {

    private final JsonCodec codec = new JsonCodec();

    @Test
    void readsTheRoutingMembersAndKeepsTheIdExactly() {
        JsonRpcMessage message = codec.parseObject(
                "{ \"jsonrpc\": \"2.0\", \"id\": \"a\\\"b\", \"method\": \"tools/call\", \"params\": {\"x\": 1e2} }");

        assertThat(message.id()).isEqualTo("\"a\\\"b\"");
        assertThat(message.method()).isEqualTo("tools/call");
        assertThat(message.expectsResponse()).isTrue();
        assertThat(message.json())
                // numbers keep their exact value (BigDecimal), not necessarily their notation
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"method\":\"tools/call\",\"params\":{\"x\":1E+2}}");
    }

    @Test
    void tellsNotificationsAndResponsesFromRequests() {
        assertThat(codec.parseObject("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .expectsResponse())
                .isFalse();
        JsonRpcMessage response = codec.parseObject("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}");
        assertThat(response.expectsResponse()).isFalse();
        assertThat(response.answers("3")).isTrue();
        assertThat(response.answers("4")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"a\": | true", "{} {} | true", "nul | true", "[] | false", "42 | false"})
    void refusesAnythingButOneObject(String text, boolean syntax) {
        assertThatThrownBy(() -> codec.parseObject(text))
                .isInstanceOfSatisfying(
                        JsonCodec.InvalidJsonException.class,
                        e -> assertThat(e.syntax()).isEqualTo(syntax));
    }

    @Test
    void splitsABatchAnswerIntoMessages() {
        assertThat(codec.parseMessages("[{\"id\":1,\"result\":1},{\"id\":2,\"result\":2}]"))
                .extracting(JsonRpcMessage::id)
                .containsExactly("1", "2");
        assertThatThrownBy(() -> codec.parseMessages("[1]")).isInstanceOf(JsonCodec.InvalidJsonException.class);
    }

    @Test
    void writesAnErrorResponseWithEscapedText() {
        assertThat(codec.errorResponse("7", -32603, "bad \"thing\"\n"))
                .isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32603,\"message\":\"bad \\\"thing\\\"\\n\"}}");
        assertThat(codec.errorResponse(null, -32700, "x")).contains("\"id\":null");
    }

    @Test
    void replacesTheId() {
        JsonRpcMessage error = codec.parseObject("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":1}}");

        JsonRpcMessage fixed = codec.withId(error, "\"x\"");

        assertThat(fixed.json()).isEqualTo("{\"id\":\"x\",\"jsonrpc\":\"2.0\",\"error\":{\"code\":1}}");
        assertThat(fixed.answers("\"x\"")).isTrue();
    }

    @Test
    void findsTheNegotiatedProtocolVersion() {
        assertThat(
                        codec.protocolVersion(
                                codec.parseObject(
                                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"
                                                + "{\"capabilities\":{\"tools\":{\"protocolVersion\":\"no\"}},\"protocolVersion\":\"2025-11-25\"}}")))
                .contains("2025-11-25");
        assertThat(codec.protocolVersion(codec.parseObject("{\"id\":1,\"error\":{\"protocolVersion\":\"x\"}}")))
                .isEmpty();
    }
}
