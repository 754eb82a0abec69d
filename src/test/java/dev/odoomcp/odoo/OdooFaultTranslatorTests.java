package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.security.TargetRefusedException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table-driven: every recorded Odoo failure, every transport failure, every refused answer and
 * every limit of the bridge, and the message it becomes. All wording lives in the translator.
 */
class OdooFaultTranslatorTests {

    private static final Pattern FAULT = Pattern.compile(
            "<name>faultCode</name>\\s*<value><int>(\\d+)</int></value>.*?<name>faultString</name>\\s*<value><string>(.*?)</string>",
            Pattern.DOTALL);

    private static OdooException fromXmlRpcFixture(String version, String name) {
        Matcher m = FAULT.matcher(OdooFixtures.responseBody(version, name));
        assertThat(m.find()).as("fixture %s/%s is a fault", version, name).isTrue();
        String text = m.group(2)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
        return OdooFaultTranslator.xmlRpcFault(Integer.parseInt(m.group(1)), text, "acme");
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "18.0 | xmlrpc_fault_missing_model | NOT_FOUND | Model 'no.such.model' does not exist in this Odoo; call list_models",
                "19.0 | xmlrpc_fault_missing_model | NOT_FOUND | Model 'no.such.model' does not exist",
                "18.0 | xmlrpc_fault_unknown_method | NOT_FOUND | Method 'no_such_method' does not exist on model 'res.partner'",
                "19.0 | xmlrpc_fault_unknown_method | NOT_FOUND | Method 'no_such_method' does not exist on model 'res.partner'",
                "18.0 | xmlrpc_fault_access_denied_demo | ACCESS_DENIED | You are not allowed to access 'System Parameter'",
                "19.0 | xmlrpc_fault_private_method | ACCESS_DENIED | Private methods",
                "18.0 | xmlrpc_fault_validation_create_partner | VALIDATION | Contacts require a name",
                "18.0 | xmlrpc_fault_wrong_key_execute | AUTHENTICATION_FAILED | check X-Odoo-Api-Key",
                "18.0 | xmlrpc_fault_bad_domain | SERVER_ERROR | ValueError: Invalid field res.partner.no_such_field",
                "19.0 | xmlrpc_fault_bad_domain | SERVER_ERROR | ValueError: Invalid field res.partner.no_such_field",
                "18.0 | xmlrpc_authenticate_wrong_db | NOT_FOUND | Database 'acme' does not exist on this Odoo server; check X-Odoo-Db",
            })
    void translatesRecordedXmlRpcFaults(String version, String fixture, OdooErrorKind kind, String expected) {
        OdooException e = fromXmlRpcFixture(version, fixture);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage())
                .contains(expected)
                .doesNotContain("/opt/")
                .doesNotContain("Traceback")
                .doesNotContain("File \"")
                .doesNotContain("5432");
        assertThat(e.getMessage().length()).isLessThan(700);
    }

    @Test
    void recognisesTheNoneResultMarker() {
        Matcher m = FAULT.matcher(OdooFixtures.responseBody("19.0", "xmlrpc_method_returning_none"));
        assertThat(m.find()).isTrue();
        assertThat(OdooFaultTranslator.isNoneResult(m.group(2))).isTrue();
        assertThat(OdooFaultTranslator.isNoneResult("Access Denied")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "json2_fault_missing_model | NOT_FOUND | Model 'no.such.model' does not exist",
                "json2_fault_unknown_method | NOT_FOUND | Method 'no_such_method' does not exist on model 'res.partner'",
                "json2_fault_access_demo | ACCESS_DENIED | You are not allowed to access 'System Parameter'",
                "json2_fault_bad_args | VALIDATION | cannot call res.partner.search_read with ids",
                "json2_fault_validation | VALIDATION | Contacts require a name",
                "json2_fault_bad_key | AUTHENTICATION_FAILED | check X-Odoo-Api-Key",
            })
    void translatesRecordedJson2Errors(String fixture, OdooErrorKind kind, String expected) {
        JsonNode response = OdooFixtures.load("19.0", fixture).path("response");
        JsonNode body =
                JsonMapper.builder().build().readTree(response.path("body").asString());
        OdooException e = OdooFaultTranslator.json2Error(
                response.path("status").asInt(),
                body.path("name").asString(),
                body.path("message").asString(),
                "globex");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage())
                .contains(expected)
                .doesNotContain("Traceback")
                .doesNotContain("/opt/");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "500 | odoo.exceptions.AccessError | ACCESS_DENIED",
                "500 | odoo.exceptions.MissingError | NOT_FOUND",
                "500 | odoo.exceptions.UserError | VALIDATION",
                "500 | builtins.ValueError | SERVER_ERROR",
                "400 | werkzeug.exceptions.BadRequest | VALIDATION",
                "401 | werkzeug.exceptions.Unauthorized | AUTHENTICATION_FAILED",
                "403 | odoo.exceptions.AccessError | ACCESS_DENIED",
                "404 | werkzeug.exceptions.NotFound | NOT_FOUND",
                "422 | werkzeug.exceptions.UnprocessableEntity | VALIDATION",
                "503 | werkzeug.exceptions.ServiceUnavailable | SERVER_ERROR",
            })
    void mapsJson2ByStatusAndName(int status, String name, OdooErrorKind kind) {
        assertThat(OdooFaultTranslator.json2Error(status, name, "something went wrong", "db")
                        .kind())
                .isEqualTo(kind);
    }

    @ParameterizedTest(name = "fault {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 | SERVER_ERROR",
                "2 | VALIDATION",
                "3 | AUTHENTICATION_FAILED",
                "4 | ACCESS_DENIED",
                "99 | SERVER_ERROR",
            })
    void mapsXmlRpcFaultCodes(int code, OdooErrorKind kind) {
        assertThat(OdooFaultTranslator.xmlRpcFault(code, "Something odd", "db").kind())
                .isEqualTo(kind);
    }

    @Test
    void finalLineDropsTracebackAndPaths() {
        String tb = "Traceback (most recent call last):\n  File \"/srv/odoo/odoo/models.py\", line 1, in f\n    x()\n"
                + "    ^^^\nKeyError: 'missing' in /srv/odoo/odoo/models.py\n";
        assertThat(OdooFaultTranslator.finalLine(tb)).isEqualTo("KeyError: 'missing' in <path>");
    }

    @Test
    void longMessagesAreShortened() {
        OdooException e = OdooFaultTranslator.xmlRpcFault(2, "x".repeat(5000), "db");
        assertThat(e.getMessage().length()).isLessThan(600);
    }

    private static final String ORIGIN = "https://erp.example.com";

    static Stream<Arguments> transportFailures() {
        return Stream.of(
                Arguments.of(
                        new ConnectTimeoutException("connect timed out"),
                        OdooErrorKind.TIMEOUT,
                        "Could not connect to https://erp.example.com in time; check X-Odoo-Url"),
                Arguments.of(
                        new SocketTimeoutException("Read timed out"),
                        OdooErrorKind.TIMEOUT,
                        "The Odoo at https://erp.example.com did not answer in time"),
                Arguments.of(
                        new UnknownHostException("erp.example.com"),
                        OdooErrorKind.UNREACHABLE,
                        "could not be resolved; check X-Odoo-Url"),
                Arguments.of(
                        new SSLHandshakeException("PKIX path building failed"),
                        OdooErrorKind.UNREACHABLE,
                        "TLS connection to https://erp.example.com failed"),
                Arguments.of(
                        new HttpHostConnectException("Connection refused"),
                        OdooErrorKind.UNREACHABLE,
                        "Could not connect to https://erp.example.com; check X-Odoo-Url and that the server is up"),
                Arguments.of(
                        new ConnectionRequestTimeoutException("lease"),
                        OdooErrorKind.BRIDGE_BUSY,
                        "This bridge has no free connection to Odoo servers right now"),
                Arguments.of(
                        new TargetRefusedException(
                                "Connections to 'x' are refused: it resolves to a loopback address."),
                        OdooErrorKind.TARGET_REFUSED,
                        "it resolves to a loopback address"),
                Arguments.of(
                        new IOException("Connection reset"),
                        OdooErrorKind.UNREACHABLE,
                        "failed before a complete answer arrived (IOException); retry later"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("transportFailures")
    void transportFailuresSayWhatHappened(Exception failure, OdooErrorKind kind, String expected) {
        OdooException e = OdooFaultTranslator.transportFailure(failure, ORIGIN);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(expected);
    }

    static Stream<Arguments> refusedAnswersAndLimits() {
        return Stream.of(
                answer(
                        () -> OdooFaultTranslator.tooLarge(8L << 20),
                        OdooErrorKind.RESPONSE_TOO_LARGE,
                        "larger than the 8192 KiB limit; ask for fewer records or fields"),
                answer(
                        () -> OdooFaultTranslator.redirectRefused(
                                new HttpReply(
                                        302, null, "https://elsewhere.example\r\nSet-Cookie: x/login", new byte[0]),
                                ORIGIN),
                        OdooErrorKind.TARGET_REFUSED,
                        "redirect (HTTP 302); redirects are not followed"),
                answer(
                        () -> OdooFaultTranslator.redirectRefused(
                                new HttpReply(301, null, "https://www.example.com/odoo", new byte[0]), ORIGIN),
                        OdooErrorKind.TARGET_REFUSED,
                        "(HTTP 301 to https://www.example.com)"),
                answer(
                        () -> OdooFaultTranslator.unexpectedHttp(
                                new HttpReply(200, "text/plain\r\nX-Forged: 1", null, new byte[0]),
                                "JSON-2 a/b",
                                "hint"),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "(text/plain X-Forged: 1)"),
                answer(
                        () -> OdooFaultTranslator.unexpectedHttp(
                                new HttpReply(502, "text/html", null, new byte[0]), "XML-RPC /xmlrpc/2/object", "hint"),
                        OdooErrorKind.SERVER_ERROR,
                        "answered HTTP 502"),
                answer(
                        () -> OdooFaultTranslator.xmlRpcRejected(new XmlRpcClientException(
                                "Failed to parse server's response: DOCTYPE is disallowed", null)),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "it declares a DOCTYPE or entities"),
                answer(
                        () -> OdooFaultTranslator.xmlRpcRejected(new XmlRpcClientException(
                                "Failed to parse server's" + " response: Unknown type: serializable", null)),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "such as a serialized Java object"),
                answer(
                        () -> OdooFaultTranslator.xmlRpcRejected(new XmlRpcClientException(
                                "Failed to parse server's"
                                        + " response: JAXP00010006: The element \"value\" has a depth of \"401\" that exceeds the limit"
                                        + " \"400\" set by \"maxElementDepth\".",
                                null)),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "nested too deeply"),
                answer(
                        () -> OdooFaultTranslator.xmlRpcRejected(
                                new XmlRpcException("Failed to read server's response")),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "not well-formed XML-RPC"),
                answer(
                        () -> OdooFaultTranslator.xmlRpcUnexpectedShape(new ClassCastException("String to Integer")),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "unexpected shape (ClassCastException)"),
                answer(
                        () -> OdooFaultTranslator.invalidJson(
                                "JSON-2 res.partner/search_count", jsonFailure("[".repeat(200))),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "answer to JSON-2 res.partner/search_count is nested too deeply"),
                answer(
                        () -> OdooFaultTranslator.invalidJson("/web/version", jsonFailure("{\"a\": [1, 2")),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "answer to /web/version is not valid JSON (truncated or malformed)"),
                answer(
                        () -> OdooFaultTranslator.nestedTooDeeply("XML-RPC execute_kw"),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "answer to XML-RPC execute_kw is nested too deeply to be an Odoo answer"),
                answer(() -> OdooFaultTranslator.emptyAnswer("JSON-2 a/b"), OdooErrorKind.PROTOCOL_ERROR, "was empty"),
                answer(
                        () -> OdooFaultTranslator.missingInAnswer("XML-RPC authenticate", "user id"),
                        OdooErrorKind.PROTOCOL_ERROR,
                        "answer to XML-RPC authenticate has no user id"),
                answer(
                        () -> OdooFaultTranslator.positionalOverJson2("action_confirm"),
                        OdooErrorKind.UNSUPPORTED,
                        "accepts only named arguments; pass the arguments of action_confirm by name"),
                answer(
                        OdooFaultTranslator::unusableUrl,
                        OdooErrorKind.INVALID_CREDENTIALS,
                        "X-Odoo-Url is not a usable URL"),
                answer(
                        () -> OdooFaultTranslator.cancelled(ORIGIN),
                        OdooErrorKind.TIMEOUT,
                        "The call to the Odoo at https://erp.example.com was cancelled"),
                answer(
                        () -> OdooFaultTranslator.hostShareInUse(ORIGIN, 8),
                        OdooErrorKind.TIMEOUT,
                        "at most 8 at once for one Odoo host, its share of the bridge's connections"),
                answer(
                        () -> OdooFaultTranslator.bridgeSaturated(200),
                        OdooErrorKind.BRIDGE_BUSY,
                        "This bridge is saturated: all 200 of its connections to Odoo servers (ODOO_MAX_CONNECTIONS)"),
                answer(
                        () -> OdooFaultTranslator.answerMemoryFull(96L << 20),
                        OdooErrorKind.BRIDGE_BUSY,
                        "(96 MiB, ODOO_ANSWER_MEMORY_BUDGET) is taken by other large answers. Retry in a few seconds"),
                answer(
                        () -> OdooFaultTranslator.recentlyRefused(OdooFaultTranslator.loginRefused("acme")),
                        OdooErrorKind.AUTHENTICATION_FAILED,
                        "get this answer for a short while without asking Odoo"));
    }

    private static Arguments answer(Supplier<OdooException> failure, OdooErrorKind kind, String expected) {
        return Arguments.of(failure, kind, expected);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("refusedAnswersAndLimits")
    void refusedAnswersAndLimitsSayWhatHappenedAndWhatToDo(
            Supplier<OdooException> failure, OdooErrorKind kind, String expected) {
        OdooException e = failure.get();
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(expected).doesNotContainPattern("\\p{Cntrl}");
    }

    private static JacksonException jsonFailure(String text) {
        JsonMapper strict = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(DefaultOdooClientFactory.MAX_JSON_NESTING)
                                .build())
                        .build())
                .build();
        try {
            strict.readTree(text);
        } catch (JacksonException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }

    /** Hostile text: whatever it holds, a message is one short line with no control characters. */
    @ParameterizedTest(name = "[{index}] fault {0}")
    @MethodSource("hostileTexts")
    void hostileTextBecomesOneShortLine(int code, String text) {
        OdooException xmlRpc = OdooFaultTranslator.xmlRpcFault(code, text, "acme");
        OdooException json2 = OdooFaultTranslator.json2Error(500, "odoo.exceptions.\r\nForged" + text, text, "acme");
        for (OdooException e : new OdooException[] {xmlRpc, json2}) {
            assertThat(e.getMessage())
                    .doesNotContainPattern("[\\p{Cntrl}\\u0085\\u2028\\u2029\\u202e]")
                    .doesNotContain("  ")
                    .doesNotContain("/a/a");
            assertThat(e.getMessage().length()).isLessThan(1000);
        }
    }

    static Stream<Arguments> hostileTexts() {
        String injected = "2026-12-02 ERROR forged log line";
        return Stream.of(
                Arguments.of(1, "ValueError: odd" + " ".repeat(300_000) + "end"),
                Arguments.of(1, "ValueError: odd\n" + " \t\n".repeat(100_000) + "end"),
                Arguments.of(2, "bad file " + "/a".repeat(200_000)),
                Arguments.of(
                        1,
                        "Traceback (most recent call last):\n" + "  File \"/x/y.py\", line 1, in f\n".repeat(20_000)
                                + "ValueError: in /opt/odoo/a.py\r\n" + injected),
                Arguments.of(2, "Object res.partner\n" + injected + " doesn't exist"),
                Arguments.of(1, "The method 'res.partner\r\n" + injected + ".x' does not exist"),
                Arguments.of(1, "The method 'x\u2028" + injected + "' does not exist on the model 'y\u0085z'"),
                Arguments.of(4, "You are not allowed\u202e\u0000\u001b[31m to " + injected));
    }

    @Test
    void aLongTracebackKeepsItsFinalLine() {
        String tb = "Traceback (most recent call last):\n"
                + "  File \"/srv/odoo/odoo/models.py\", line 1, in f\n".repeat(5_000)
                + "ValueError: Invalid field res.partner.nope in leaf ('nope', '=', 1)\n";
        OdooException e = OdooFaultTranslator.xmlRpcFault(1, tb, "db");
        assertThat(e.getMessage())
                .contains("ValueError: Invalid field res.partner.nope in leaf")
                .contains("Check the field names");
    }

    @Test
    void pathsAreRemovedWhereverTheyAre() {
        assertThat(RemoteText.withoutPaths(
                        "in /opt/odoo/odoo/models.py, line 3 and C:\\odoo\\x.py; keep a/b and /single"))
                .isEqualTo("in <path>, line 3 and <path>; keep a/b and /single");
        assertThat(RemoteText.oneLine("  a\r\n\tb\u2028c\u0000 ")).isEqualTo("a b c");
        assertThat(RemoteText.bounded("x".repeat(RemoteText.MAX_SCAN + 10))).hasSize(RemoteText.MAX_SCAN);
    }
}
