package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.odoomcp.odoo.OdooFixtures.ADMIN_KEY;
import static dev.odoomcp.odoo.OdooFixtures.DEMO_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * What every protocol client must do, whatever the wire: the same calls and the same failures
 * give the same JSON and the same error kinds. Run once per protocol against recorded answers.
 */
abstract class OdooClientContractTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    DefaultOdooClientFactory factory;

    /** Odoo version whose fixtures this protocol's run uses. */
    abstract String version();

    abstract String database();

    abstract OdooProtocol expectedProtocol();

    /** Stubs version detection and the admin/demo logins. */
    abstract void stubServerBasics();

    /** A request matcher for the call {@code model/method}, to attach hand-made answers to. */
    abstract MappingBuilder callOn(String model, String method);

    /** How many login requests (authenticate / context_get) the server received. */
    abstract int loginRequests();

    /** Stub name for the recorded call of a fixture-backed scenario. */
    abstract String fixture(String scenario);

    @BeforeEach
    void setUp() {
        // Generous deadline: a loaded CI machine must not turn a normal answer into a timeout.
        factory = new DefaultOdooClientFactory(OdooFixtures.loopbackProperties(Duration.ofSeconds(10), 64 * 1024));
        stubServerBasics();
    }

    @AfterEach
    void tearDown() {
        factory.close();
    }

    OdooClient admin() {
        return factory.clientFor(OdooFixtures.credentials(wm, database(), "admin", ADMIN_KEY, null));
    }

    OdooClient demo() {
        return factory.clientFor(OdooFixtures.credentials(wm, database(), "demo", DEMO_KEY, null));
    }

    OdooException failure(Runnable call) {
        OdooException e = catchThrowableOfType(OdooException.class, call::run);
        assertThat(e).as("expected an OdooException").isNotNull();
        assertThat(e.getMessage())
                .doesNotContain(ADMIN_KEY)
                .doesNotContain(DEMO_KEY)
                .doesNotContain("/opt/odoo")
                .doesNotContain("Traceback");
        return e;
    }

    @Test
    void serverReportsVersionProtocolAndUid() {
        OdooServer server = admin().server();
        assertThat(server.protocol()).isEqualTo(expectedProtocol());
        assertThat(server.version()).startsWith(version());
        assertThat(server.majorVersion()).isEqualTo(Integer.parseInt(version().substring(0, 2)));
        assertThat(server.uid()).isEqualTo(2);
    }

    @Test
    void readReturnsRecordsAsJson() {
        OdooFixtures.stub(wm, version(), fixture("read"));
        JsonNode result = admin().execute(
                        OrmCalls.read("res.partner", List.of(1L), List.of("name", "display_name", "company_id")));
        assertThat(result.isArray()).isTrue();
        assertThat(result.get(0).path("id").asInt()).isEqualTo(1);
        assertThat(result.get(0).path("name").asString()).isEqualTo("My Company (San Francisco)");
        assertThat(result.get(0).path("company_id").isBoolean()).isTrue();
        assertThat(result.get(0).path("company_id").booleanValue()).isFalse();
    }

    @Test
    void searchReadKeepsManyToOneAsIdNamePair() {
        OdooFixtures.stub(wm, version(), fixture("search_read"));
        JsonNode result = admin().execute(OrmCalls.searchRead(
                "res.partner", List.of(List.of("is_company", "=", true)), null, null, 3, null));
        assertThat(result).hasSize(3);
        JsonNode country = result.get(0).path("country_id");
        assertThat(country.isArray()).isTrue();
        assertThat(country.get(0).asInt()).isEqualTo(233);
        assertThat(country.get(1).asString()).isEqualTo("United States");
    }

    @Test
    void methodReturningNoneIsANullSuccess() {
        OdooFixtures.stub(wm, version(), fixture("none"));
        JsonNode result = admin().execute(OdooCall.onRecords("res.partner", "onchange_company_type", List.of(3L)));
        assertThat(result.isNull()).isTrue();
    }

    @Test
    void unknownModelIsNotFoundWithAHint() {
        OdooFixtures.stub(wm, version(), fixture("missing_model"));
        OdooException e =
                failure(() -> admin().execute(OrmCalls.searchRead("no.such.model", List.of(), null, null, null, null)));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.NOT_FOUND);
        assertThat(e.getMessage()).contains("'no.such.model'").contains("list_models");
    }

    @Test
    void unknownMethodIsNotFound() {
        OdooFixtures.stub(wm, version(), fixture("unknown_method"));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "no_such_method")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.NOT_FOUND);
        assertThat(e.getMessage()).contains("'no_such_method'").contains("'res.partner'");
    }

    @Test
    void accessErrorIsAccessDenied() {
        OdooFixtures.stub(wm, version(), fixture("access"));
        OdooException e = failure(
                () -> demo().execute(OrmCalls.searchRead("ir.config_parameter", List.of(), null, null, 1, null)));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("System Parameter");
    }

    @Test
    void validationErrorIsValidation() {
        OdooFixtures.stub(wm, version(), fixture("validation"));
        OdooException e =
                failure(() -> admin().execute(OrmCalls.create("res.partner", Map.of("email", "noname@example.com"))));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.VALIDATION);
        assertThat(e.getMessage()).contains("Contacts require a name");
    }

    @Test
    void badKeyIsRefusedAndTheRefusalIsCachedBriefly() {
        stubBadKey();
        OdooClient client =
                factory.clientFor(OdooFixtures.credentials(wm, database(), "admin", "not-a-valid-key", null));
        OdooCall call = OrmCalls.searchCount("res.partner", List.of());
        OdooException first = failure(() -> client.execute(call));
        assertThat(first.kind()).isEqualTo(OdooErrorKind.AUTHENTICATION_FAILED);
        assertThat(first.getMessage()).doesNotContain("not-a-valid-key").contains("X-Odoo-Api-Key");
        int requestsAfterFirst = wm.getAllServeEvents().size();

        OdooClient again =
                factory.clientFor(OdooFixtures.credentials(wm, database(), "admin", "not-a-valid-key", null));
        OdooException second = failure(() -> again.execute(call));
        assertThat(second.kind()).isEqualTo(OdooErrorKind.AUTHENTICATION_FAILED);
        assertThat(wm.getAllServeEvents()).hasSize(requestsAfterFirst);
    }

    abstract void stubBadKey();

    @Test
    void uidIsCachedAcrossRequestsOfTheSameCredentials() {
        admin().server();
        admin().server();
        admin().server();
        assertThat(loginRequests()).isEqualTo(1);
    }

    @Test
    void wrongDatabaseIsNotFound() {
        stubWrongDatabase();
        OdooClient client =
                factory.clientFor(OdooFixtures.credentials(wm, database() + "_missing", "admin", ADMIN_KEY, null));
        OdooException e = failure(() -> client.execute(OrmCalls.searchCount("res.partner", List.of())));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.NOT_FOUND);
        assertThat(e.getMessage())
                .contains(database() + "_missing")
                .contains("X-Odoo-Db")
                .doesNotContain("5432");
    }

    abstract void stubWrongDatabase();

    @Test
    void serverErrorPageIsAShortServerError() {
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Bad Gateway nginx</body></html>")));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("502").doesNotContain("nginx");
    }

    @Test
    void htmlPageInsteadOfAnAnswerIsRefused() {
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Login</body></html>")));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
    }

    @Test
    void truncatedAnswerIsAProtocolError() {
        String whole = OdooFixtures.responseBody(version(), fixture("search_read"));
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType())
                        .withBody(whole.substring(0, whole.length() / 2))));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
    }

    @Test
    void connectionResetIsUnreachable() {
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.UNREACHABLE);
    }

    @Test
    void oversizedAnswerIsCutOff() {
        String huge = "x".repeat(200 * 1024);
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType())
                        .withBody(huge)));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.RESPONSE_TOO_LARGE);
        assertThat(e.getMessage()).contains("limit");
    }

    @Test
    void oversizedChunkedAnswerIsCutOffToo() {
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType())
                        .withChunkedDribbleDelay(4, 1)
                        .withBody("y".repeat(200 * 1024))));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.RESPONSE_TOO_LARGE);
    }

    @Test
    void slowAnswerIsATimeout() {
        factory.close();
        factory = new DefaultOdooClientFactory(OdooFixtures.loopbackProperties(Duration.ofMillis(500), 64 * 1024));
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType())
                        .withBody("1")
                        .withFixedDelay(3000)));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.TIMEOUT);
    }

    @Test
    void redirectIsRefusedAndNeverFollowed() {
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(aResponse()
                        .withStatus(301)
                        .withHeader("Location", "http://127.0.0.1:" + wm.getPort() + "/elsewhere")));
        wm.stubFor(get(urlPathEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.TARGET_REFUSED);
        assertThat(e.getMessage()).contains("redirect").contains("301");
        wm.verify(0, anyRequestedFor(urlPathEqualTo("/elsewhere")));
    }

    @Test
    void invalidModelNameNeverReachesTheServer() {
        assertThatThrownBy(() -> admin().execute(OdooCall.onModel("../../web/database", "x")))
                .isInstanceOfSatisfying(
                        OdooException.class, e -> assertThat(e.kind()).isEqualTo(OdooErrorKind.VALIDATION));
        assertThat(wm.getAllServeEvents().stream()
                        .filter(ev -> ev.getRequest().getUrl().contains("database")))
                .isEmpty();
    }

    abstract String contentType();
}
