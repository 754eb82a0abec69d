package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

class XmlRpcWireTests {

    private final XmlRpcWire wire = new XmlRpcWire(new SecureXml());

    private static byte[] response(String value) {
        return ("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" + value
                + "\n</param>\n</params>\n</methodResponse>\n").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode value(String value) throws XmlRpcWire.Rejected {
        XmlRpcWire.Outcome outcome = wire.parse(response(value));
        assertThat(outcome.fault()).isNull();
        return outcome.value();
    }

    private String refusal(String body) {
        XmlRpcWire.Rejected e = catchThrowableOfType(XmlRpcWire.Rejected.class,
                () -> wire.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("refused: " + body).isNotNull();
        return e.getMessage();
    }

    @Test
    void recordsAsOdooSendsThemBecomeJsonWithTheIdFirst() throws Exception {
        // Odoo's marshaller: <value><string>, <int>, <boolean>, <double>, nested arrays, whitespace between elements
        JsonNode rows = value("<value><array><data>\n<value><struct>\n"
                + "<member>\n<name>name</name>\n<value><string>Azure &amp; Co &lt;HQ&gt;</string></value>\n</member>\n"
                + "<member>\n<name>id</name>\n<value><int>15</int></value>\n</member>\n"
                + "<member>\n<name>partner_id</name>\n<value><array><data>\n<value><int>3</int></value>\n"
                + "<value><string>Deco Addict</string></value>\n</data></array></value>\n</member>\n"
                + "<member>\n<name>active</name>\n<value><boolean>1</boolean></value>\n</member>\n"
                + "<member>\n<name>parent_id</name>\n<value><boolean>0</boolean></value>\n</member>\n"
                + "<member>\n<name>amount</name>\n<value><double>12.5</double></value>\n</member>\n"
                + "<member>\n<name>image</name>\n<value><base64>\nAQID\n</base64></value>\n</member>\n"
                + "<member>\n<name>when</name>\n<value><dateTime.iso8601>20261124T10:15:00</dateTime.iso8601></value>\n</member>\n"
                + "<member>\n<name>bare</name>\n<value>plain text</value>\n</member>\n"
                + "<member>\n<name>empty</name>\n<value><string></string></value>\n</member>\n"
                + "<member>\n<name>big</name>\n<value><i4>-2147483648</i4></value>\n</member>\n"
                + "</struct></value>\n</data></array></value>");
        assertThat(rows.isArray()).isTrue();
        JsonNode first = rows.get(0);
        assertThat(first.propertyNames().iterator().next()).isEqualTo("id");
        assertThat(first.path("id").isInt()).isTrue();
        assertThat(first.path("name").asString()).isEqualTo("Azure & Co <HQ>");
        assertThat(first.path("partner_id").get(0).intValue()).isEqualTo(3);
        assertThat(first.path("partner_id").get(1).asString()).isEqualTo("Deco Addict");
        assertThat(first.path("active").booleanValue()).isTrue();
        assertThat(first.path("parent_id").isBoolean()).isTrue();
        assertThat(first.path("parent_id").booleanValue()).isFalse();
        assertThat(first.path("amount").doubleValue()).isEqualTo(12.5);
        assertThat(first.path("image").asString()).isEqualTo("AQID");
        assertThat(first.path("when").asString()).isEqualTo("2026-11-24 10:15:00");
        assertThat(first.path("bare").asString()).isEqualTo("plain text");
        assertThat(first.path("empty").asString()).isEmpty();
        assertThat(first.path("big").intValue()).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void faultsAreReturnedWithCodeAndString() throws Exception {
        XmlRpcWire.Outcome outcome = wire.parse(("<?xml version='1.0'?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>2</int></value></member>"
                + "<member><name>faultString</name><value><string>Object res.partnr doesn't exist</string></value>"
                + "</member></struct></value></fault></methodResponse>").getBytes(StandardCharsets.UTF_8));
        assertThat(outcome.value()).isNull();
        assertThat(outcome.fault()).isEqualTo(new XmlRpcWire.Fault(2, "Object res.partnr doesn't exist"));
    }

    @Test
    void anythingOutsidePlainXmlRpcIsRefused() {
        String ext = "xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"";
        assertThat(refusal("<methodResponse " + ext + "><params><param><value><ex:nil/></value></param></params>"
                + "</methodResponse>")).contains("outside plain XML-RPC");
        assertThat(refusal("<methodResponse><params><param><value><nil/></value></param></params></methodResponse>"))
                .contains("outside plain XML-RPC");
        assertThat(refusal("<methodResponse><params><param><value><i8>5000000000</i8></value></param></params>"
                + "</methodResponse>")).contains("outside plain XML-RPC");
        assertThat(refusal("<methodResponse><params><param><value><int>x</int></value></param></params>"
                + "</methodResponse>")).contains("not one");
        assertThat(refusal("<methodResponse><params><param><value><boolean>true</boolean></value></param></params>"
                + "</methodResponse>")).contains("boolean");
        assertThat(refusal("<methodResponse><params><param><value>a<string>b</string></value></param></params>"
                + "</methodResponse>")).contains("mixes");
        assertThat(refusal("<methodResponse><params><param><value><string>a</string></value></param>"
                + "<param><value><string>b</string></value></param></params></methodResponse>")).contains("more than one");
        assertThat(refusal("<methodResponse><params><param><value><struct><member><value><int>1</int></value>"
                + "</member></struct></value></param></params></methodResponse>")).contains("lacks its name");
        assertThat(refusal("<methodCall><methodName>x</methodName></methodCall>")).contains("out of place");
        assertThat(refusal("<methodResponse><params></params></methodResponse>")).contains("without params");
        assertThat(refusal("<methodResponse><params><param><value><string>cut")).doesNotContain("outside");
        assertThat(refusal("<methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><string>warning -- Access Denied</string></value></member>"
                + "<member><name>faultString</name><value><string>x</string></value></member>"
                + "</struct></value></fault></methodResponse>")).startsWith("shape:");
    }

    @Test
    void doctypeAndDeepNestingAreRefusedAndTheReaderPoolStaysUsable() throws Exception {
        assertThat(refusal("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"b\">]><methodResponse><params><param>"
                + "<value><string>&a;</string></value></param></params></methodResponse>")).contains("DOCTYPE");
        String deep = "<value><array><data>".repeat(150) + "<value><int>1</int></value>"
                + "</data></array></value>".repeat(150);
        assertThat(refusal(new String(response(deep), StandardCharsets.UTF_8))).contains("maxElementDepth");
        String fine = "<value><array><data>".repeat(30) + "<value><int>1</int></value>" + "</data></array></value>".repeat(30);
        for (int i = 0; i < 3; i++) {
            assertThat(value(fine).isArray()).isTrue();
            assertThat(refusal("<methodResponse><params><param><value><nil/>")).contains("outside plain XML-RPC");
        }
    }

    @Test
    void requestsAreWellFormedXmlRpcWithTextKeptExactly() throws Exception {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("fields", List.of("name", "email"));
        kwargs.put("limit", 5);
        kwargs.put("active", Boolean.TRUE);
        kwargs.put("ratio", 0.5);
        String tricky = "a < b & c > d\r\nline two \uD83D\uDE00";
        byte[] body = XmlRpcWire.request("execute_kw", List.of("db", 2, tricky, kwargs));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("methodCall");
        assertThat(root.getElementsByTagName("methodName").item(0).getTextContent()).isEqualTo("execute_kw");
        assertThat(root.getElementsByTagName("param").getLength()).isEqualTo(4);
        assertThat(root.getElementsByTagName("string").item(1).getTextContent()).isEqualTo(tricky);
        assertThat(root.getElementsByTagName("int").item(0).getTextContent()).isEqualTo("2");
        assertThat(root.getElementsByTagName("boolean").item(0).getTextContent()).isEqualTo("1");
        assertThat(root.getElementsByTagName("double").item(0).getTextContent()).isEqualTo("0.5");
        assertThat(root.getElementsByTagName("name").item(0).getTextContent()).isEqualTo("fields");
        assertThat(root.getElementsByTagName("array").getLength()).isEqualTo(1);
    }

    @Test
    void textXmlCannotCarryIsRefusedClearly() {
        assertThatThrownBy(() -> XmlRpcWire.request("m", List.of("bell \u0007")))
                .isInstanceOfSatisfying(OdooException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OdooErrorKind.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("U+0007");
                });
        assertThatThrownBy(() -> XmlRpcWire.request("m", List.of("half \uD83D")))
                .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.getMessage()).contains("surrogate"));
        assertThatThrownBy(() -> XmlRpcWire.request("m", List.of(Double.NaN)))
                .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.kind()).isEqualTo(OdooErrorKind.UNSUPPORTED));
    }
}
