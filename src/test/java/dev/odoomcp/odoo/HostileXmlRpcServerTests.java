package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malicious "Odoo" answering XML-RPC with payloads aimed at the client: serialized Java objects,
 * external entities, entity-expansion bombs, a string faultCode. All must be refused as
 * {@link OdooErrorKind#PROTOCOL_ERROR}, nothing deserialized, no file read. (The JVM-wide serial
 * filter behind these settings is proved in a fresh JVM by {@link DeserializationWallTests}: under
 * Surefire's own {@code -Djdk.serialFilter=!*} a check here could not fail.)
 */
class HostileXmlRpcServerTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @TempDir
    Path tmp;

    private DefaultOdooClientFactory factory;

    @BeforeEach
    void setUp() {
        factory = new DefaultOdooClientFactory(OdooFixtures.loopbackProperties());
        OdooFixtures.stub(wm, "18.0", "web_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_common_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_authenticate_ok");
    }

    @AfterEach
    void tearDown() {
        factory.close();
    }

    /** A class whose deserialization would leave a trace. */
    static final class Tripwire implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean triggered;

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            triggered = true;
            in.defaultReadObject();
        }
    }

    private OdooException answerWith(String xml) {
        wm.stubFor(post(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("/methodCall/methodName[.='execute_kw']"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody(xml)));
        OdooClient client =
                factory.clientFor(OdooFixtures.credentials(wm, "acme", "admin", OdooFixtures.ADMIN_KEY, null));
        OdooException e = catchThrowableOfType(
                OdooException.class, () -> client.execute(OrmCalls.searchCount("res.partner", List.of())));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain(OdooFixtures.ADMIN_KEY);
        return e;
    }

    @Test
    void faultCarryingASerializedJavaObjectIsRefusedUnread() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        String payload = Base64.getEncoder().encodeToString(bytes.toByteArray());
        OdooException e = answerWith(
                "<?xml version=\"1.0\"?><methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                        + "<fault><value><struct>"
                        + "<member><name>faultCode</name><value><int>1</int></value></member>"
                        + "<member><name>faultString</name><value><string>boom</string></value></member>"
                        + "<member><name>faultCause</name><value><ex:serializable>" + payload
                        + "</ex:serializable></value></member>"
                        + "</struct></value></fault></methodResponse>");
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
        assertThat(e.getMessage()).contains("serialized Java object");
        assertThat(Tripwire.triggered).isFalse();
    }

    @Test
    void resultCarryingASerializedJavaObjectIsRefusedUnread() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Tripwire());
        }
        OdooException e = answerWith(
                "<?xml version=\"1.0\"?><methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                        + "<params><param><value><ex:serializable>"
                        + Base64.getEncoder().encodeToString(bytes.toByteArray())
                        + "</ex:serializable></value></param></params></methodResponse>");
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
        assertThat(Tripwire.triggered).isFalse();
    }

    @Test
    void externalEntityIsRefusedAndTheFileIsNeverRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        OdooException e = answerWith(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<methodResponse><params><param><value><string>&xxe;</string></value></param></params></methodResponse>");
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
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
        dtd.append("]>");
        OdooException e = answerWith(
                "<?xml version=\"1.0\"?>" + dtd
                        + "<methodResponse><params><param><value><string>&a9;</string></value></param></params></methodResponse>");
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
        assertThat(e.getMessage()).contains("DOCTYPE");
    }

    @Test
    void stringFaultCodeIsAProtocolErrorNotACrash() {
        OdooException e = answerWith("<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><string>warning -- Access Denied</string></value></member>"
                + "<member><name>faultString</name><value><string>x</string></value></member>"
                + "</struct></value></fault></methodResponse>");
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
    }

    @Test
    void nilAndI8ExtensionsAreRefused() {
        OdooException e = answerWith(
                "<?xml version=\"1.0\"?><methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                        + "<params><param><value><ex:nil/></value></param></params></methodResponse>");
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
    }
}
