package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetAddressPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which protocol a tenant gets, how the answer is cached, and what the defaults refuse. */
class ProtocolDetectionTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private DefaultOdooClientFactory factory = new DefaultOdooClientFactory(OdooFixtures.loopbackProperties());

    @AfterEach
    void tearDown() {
        factory.close();
    }

    @ParameterizedTest
    @CsvSource({
        "19.0, 19, 0, true",
        "18.0+e-20241005, 18, 0, false",
        "saas~18.4, 18, 4, true",
        "saas~17.2, 17, 2, false",
        "17.0, 17, 0, false",
        "20.0, 20, 0, true"
    })
    void parsesVersionsAndKnowsWhereJson2Exists(String text, int major, int minor, boolean json2) {
        OdooVersion v = OdooVersion.parse(text);
        assertThat(v.major()).isEqualTo(major);
        assertThat(v.minor()).isEqualTo(minor);
        assertThat(v.hasJson2()).isEqualTo(json2);
    }

    @Test
    void odoo19IsDetectedAsJson2AndTheAnswerIsCachedPerUrl() {
        OdooFixtures.stub(wm, "19.0", "web_version");
        OdooFixtures.stub(wm, "19.0", "json2_context_get");
        OdooFixtures.stub(wm, "19.0", "json2_search_count");
        for (int i = 0; i < 3; i++) {
            OdooClient client =
                    factory.clientFor(OdooFixtures.credentials(wm, "globex", null, OdooFixtures.ADMIN_KEY, null));
            assertThat(client.execute(OrmCalls.searchCount("res.partner", List.of(List.of("is_company", "=", true))))
                            .asInt())
                    .isEqualTo(12);
            assertThat(client.server().protocol()).isEqualTo(OdooProtocol.JSON2);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/web/version")));
        wm.verify(0, postRequestedFor(urlPathEqualTo("/xmlrpc/2/common")));
    }

    @Test
    void odoo18FallsBackToXmlRpcVersion() {
        OdooFixtures.stub(wm, "18.0", "web_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_common_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_authenticate_ok");
        OdooServer server = factory.clientFor(
                        OdooFixtures.credentials(wm, "acme", "admin", OdooFixtures.ADMIN_KEY, null))
                .server();
        assertThat(server.protocol()).isEqualTo(OdooProtocol.XMLRPC);
        assertThat(server.version()).isEqualTo("18.0+e-20241005");
        assertThat(server.atLeast(18, 0)).isTrue();
    }

    @Test
    void forcedXmlRpcOnOdoo19SkipsWebVersion() {
        OdooFixtures.stub(wm, "19.0", "web_version");
        OdooFixtures.stub(wm, "19.0", "xmlrpc_common_version");
        OdooFixtures.stub(wm, "19.0", "xmlrpc_authenticate_ok");
        OdooFixtures.stub(wm, "19.0", "xmlrpc_search_count_partners");
        OdooClient client = factory.clientFor(
                OdooFixtures.credentials(wm, "globex", "admin", OdooFixtures.ADMIN_KEY, OdooProtocol.XMLRPC));
        assertThat(client.execute(OrmCalls.searchCount("res.partner", List.of(List.of("is_company", "=", true))))
                        .asInt())
                .isEqualTo(12);
        assertThat(client.server()).isEqualTo(new OdooServer("19.0", 19, 0, OdooProtocol.XMLRPC, 2));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/web/version")));
    }

    @Test
    void forcedJson2WithoutWebVersionAsksVersionInfo() {
        wm.stubFor(get(urlPathEqualTo("/web/version"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>404</html>")));
        OdooFixtures.stub(wm, "19.0", "web_webclient_version_info");
        OdooFixtures.stub(wm, "19.0", "json2_context_get");
        OdooServer server = factory.clientFor(
                        OdooFixtures.credentials(wm, "globex", null, OdooFixtures.ADMIN_KEY, OdooProtocol.JSON2))
                .server();
        assertThat(server).isEqualTo(new OdooServer("19.0", 19, 0, OdooProtocol.JSON2, 2));
        wm.verify(0, postRequestedFor(urlPathEqualTo("/xmlrpc/2/common")));
    }

    @Test
    void notAnOdooServerIsAClearError() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody("nope")));
        OdooException e = catchThrowableOfType(
                OdooException.class,
                () -> factory.clientFor(OdooFixtures.credentials(wm, "acme", "admin", OdooFixtures.ADMIN_KEY, null))
                        .server());
        assertThat(e.kind()).isEqualTo(OdooErrorKind.NOT_FOUND);
        assertThat(e.getMessage()).contains("X-Odoo-Url");
    }

    @Test
    void defaultsRefuseLoopbackLiteralBeforeAnyConnection() {
        try (DefaultOdooClientFactory strict = new DefaultOdooClientFactory(OdooProperties.defaults())) {
            Map<String, String> headers = Map.of(
                    "X-Odoo-Url",
                    "https://127.0.0.1:" + wm.getPort(),
                    "X-Odoo-Db",
                    "acme",
                    "X-Odoo-Username",
                    "admin",
                    "X-Odoo-Api-Key",
                    OdooFixtures.ADMIN_KEY);
            OdooException e = catchThrowableOfType(OdooException.class, () -> strict.credentialsFrom(headers::get));
            assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED);
            assertThat(e.getMessage()).contains("loopback").doesNotContain(OdooFixtures.ADMIN_KEY);
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nameResolvingToLoopbackIsRefusedByTheResolverBeforeConnecting() {
        OdooProperties httpButNoPrivate =
                new OdooProperties(null, false, true, null, null, null, null, null, null, null, null, null, null, null);
        GuardedDnsResolver fakeDns = new GuardedDnsResolver(new TargetAddressPolicy(false), host ->
                new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
        try (DefaultOdooClientFactory strict = new DefaultOdooClientFactory(httpButNoPrivate, fakeDns)) {
            Map<String, String> headers = Map.of(
                    "X-Odoo-Url",
                    "http://odoo.rebind.test:" + wm.getPort(),
                    "X-Odoo-Db",
                    "acme",
                    "X-Odoo-Username",
                    "admin",
                    "X-Odoo-Api-Key",
                    OdooFixtures.ADMIN_KEY);
            OdooClient client = strict.clientFor(strict.credentialsFrom(headers::get));
            OdooException e = catchThrowableOfType(OdooException.class, client::server);
            assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED);
            assertThat(e.getMessage()).contains("odoo.rebind.test").contains("loopback");
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
