package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The contract against Odoo 18.0's recorded XML-RPC answers, plus XML-RPC-only behaviour. */
class XmlRpcOdooClientTests extends OdooClientContractTests {

    @Override
    String version() {
        return "18.0";
    }

    @Override
    String database() {
        return "acme";
    }

    @Override
    OdooProtocol expectedProtocol() {
        return OdooProtocol.XMLRPC;
    }

    @Override
    String contentType() {
        return "text/xml; charset=utf-8";
    }

    @Override
    void stubServerBasics() {
        OdooFixtures.stub(wm, "18.0", "web_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_common_version");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_authenticate_ok");
        OdooFixtures.stub(wm, "18.0", "xmlrpc_authenticate_demo");
    }

    @Override
    MappingBuilder callOn(String model, String method) {
        return post(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("/methodCall/params/param[4]/value[.='" + model + "']"))
                .withRequestBody(matchingXPath("/methodCall/params/param[5]/value[.='" + method + "']"));
    }

    @Override
    int loginRequests() {
        return wm.findAll(postRequestedFor(urlPathEqualTo("/xmlrpc/2/common"))
                        .withRequestBody(matchingXPath("/methodCall/methodName[.='authenticate']")))
                .size();
    }

    @Override
    String fixture(String scenario) {
        return switch (scenario) {
            case "read" -> "xmlrpc_read_partner";
            case "search_read" -> "xmlrpc_search_read_partners";
            case "none" -> "xmlrpc_method_returning_none";
            case "missing_model" -> "xmlrpc_fault_missing_model";
            case "unknown_method" -> "xmlrpc_fault_unknown_method";
            case "access" -> "xmlrpc_fault_access_denied_demo";
            case "validation" -> "xmlrpc_fault_validation_create_partner";
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    @Override
    void stubBadKey() {
        OdooFixtures.stub(wm, "18.0", "xmlrpc_authenticate_bad_key");
    }

    @Override
    void stubWrongDatabase() {
        OdooFixtures.stub(wm, "18.0", "xmlrpc_authenticate_wrong_db");
    }

    @Test
    void serverErrorKeepsOnlyTheFinalLineWithoutPaths() {
        OdooFixtures.stub(wm, "18.0", "xmlrpc_fault_bad_domain");
        OdooException e = failure(() -> admin().execute(OrmCalls.searchRead(
                "res.partner", List.of(List.of("no_such_field", "=", 1)), null, null, null, null)));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.SERVER_ERROR);
        assertThat(e.getMessage())
                .contains("Invalid field res.partner.no_such_field")
                .doesNotContain("File ");
    }

    @Test
    void revokedKeyOnExecuteIsAuthenticationFailedAndForgetsTheUid() {
        // the key still logs in (uid cached), then Odoo refuses it on execute_kw: revoked in between
        wm.stubFor(OdooFixtures.requestFor(
                        OdooFixtures.load("18.0", "xmlrpc_authenticate_bad_key").path("request"))
                .willReturn(OdooFixtures.responseFor(
                        OdooFixtures.load("18.0", "xmlrpc_authenticate_ok").path("response"))));
        OdooFixtures.stub(wm, "18.0", "xmlrpc_fault_wrong_key_execute");
        OdooCredentials revoked = OdooFixtures.credentials(wm, "acme", "admin", "not-a-valid-key", null);
        assertThat(factory.clientFor(revoked).server().uid()).isEqualTo(2);
        OdooException e =
                failure(() -> factory.clientFor(revoked).execute(OrmCalls.searchCount("res.partner", List.of())));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.AUTHENTICATION_FAILED);
        int requests = wm.getAllServeEvents().size();
        OdooException cached = failure(() -> factory.clientFor(revoked).server());
        assertThat(cached.kind()).isEqualTo(OdooErrorKind.AUTHENTICATION_FAILED);
        assertThat(wm.getAllServeEvents()).hasSize(requests);
    }

    @Test
    void writeSendsTheValuesByPositionAsTheRecordedTimesheetWrite() {
        // account.analytic.line.write(self, values) in 18.0: the keyword 'vals' is a TypeError there
        OdooFixtures.stub(wm, "18.0", "xmlrpc_write_positional_timesheet");
        assertThat(admin().execute(OrmCalls.write("account.analytic.line", List.of(322L), Map.of("unit_amount", 1.0)))
                        .booleanValue())
                .isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath(
                        "/methodCall/params/param[6]/value/array/data/value[1]/array/data/value[.='322']"))
                .withRequestBody(matchingXPath("/methodCall/params/param[6]/value/array/data/value[2]/struct"
                        + "/member[name='unit_amount']/value/double[.='1.0']"))
                .withRequestBody(matchingXPath("count(/methodCall/params/param[7]/value/struct/member) = 0")));
    }

    @Test
    void createSendsItsValueListByPositionNeverByName() {
        OdooFixtures.stub(wm, "18.0", "xmlrpc_create_partner");
        admin().execute(OrmCalls.create("res.partner", Map.of("name", "Fixture Supplier SA", "is_company", true)));
        wm.verify(postRequestedFor(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("/methodCall/params/param[6]/value/array/data/value/array/data/value"
                        + "/struct/member[name='name']/value[.='Fixture Supplier SA']"))
                .withRequestBody(matchingXPath("count(/methodCall/params/param[7]/value/struct/member) = 0")));
    }

    @Test
    void onlyOptionsGoByKeywordAndTrailingDefaultsAreLeftOut() {
        OdooFixtures.stub(wm, "18.0", "xmlrpc_name_search_partner");
        admin().execute(OrmCalls.nameSearch("res.partner", "Azure", null, "ilike", 5));
        // exactly the recorded request: name_search(['Azure'], {'limit': 5})
        wm.verify(postRequestedFor(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("count(/methodCall/params/param[6]/value/array/data/value) = 1"))
                .withRequestBody(matchingXPath("/methodCall/params/param[6]/value/array/data/value[.='Azure']"))
                .withRequestBody(
                        matchingXPath("/methodCall/params/param[7]/value/struct/member[name='limit']/value[.='5']"))
                .withRequestBody(matchingXPath("count(/methodCall/params/param[7]/value/struct/member) = 1")));
        wm.resetRequests();
        admin().execute(OrmCalls.nameSearch("res.partner", "Azure", null, "=ilike", 5));
        // a later parameter is given: the domain in between goes as its default, []
        wm.verify(postRequestedFor(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("count(/methodCall/params/param[6]/value/array/data/value) = 3"))
                .withRequestBody(matchingXPath(
                        "count(/methodCall/params/param[6]/value/array/data/value[2]/array/data/value) = 0"))
                .withRequestBody(matchingXPath("/methodCall/params/param[6]/value/array/data/value[3][.='=ilike']")));
    }

    @Test
    void readGroupSendsDomainFieldsAndGroupbyByPositionAsRecorded() {
        OdooFixtures.stub(wm, "18.0", "xmlrpc_read_group_sale_order");
        OdooServer server = admin().server();
        JsonNode groups = admin().execute(OrmCalls.groupBy(
                server, "sale.order", List.of(), List.of("state"), List.of("amount_total:sum"), null, 80));
        assertThat(groups.isArray()).isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo("/xmlrpc/2/object"))
                .withRequestBody(matchingXPath("/methodCall/params/param[5]/value[.='read_group']"))
                .withRequestBody(matchingXPath(
                        "/methodCall/params/param[6]/value/array/data/value[2]/array/data/value[.='amount_total:sum']"))
                .withRequestBody(matchingXPath(
                        "/methodCall/params/param[6]/value/array/data/value[3]/array/data/value[.='state']"))
                .withRequestBody(matchingXPath(
                        "/methodCall/params/param[7]/value/struct/member[name='lazy']/value/boolean[.='0']")));
    }

    @Test
    void missingUsernameIsNamedWhenTheServerNeedsXmlRpc() {
        OdooClient client = factory.clientFor(OdooFixtures.credentials(wm, "acme", null, OdooFixtures.ADMIN_KEY, null));
        OdooException e = failure(client::server);
        assertThat(e.kind()).isEqualTo(OdooErrorKind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).contains("X-Odoo-Username");
    }
}
