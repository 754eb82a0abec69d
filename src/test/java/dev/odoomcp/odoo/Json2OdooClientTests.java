package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract against Odoo 19.0's recorded JSON-2 answers, plus JSON-2-only behaviour. */
class Json2OdooClientTests extends OdooClientContractTests {

    @Override
    String version() {
        return "19.0";
    }

    @Override
    String database() {
        return "globex";
    }

    @Override
    OdooProtocol expectedProtocol() {
        return OdooProtocol.JSON2;
    }

    @Override
    String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    void stubServerBasics() {
        OdooFixtures.stub(wm, "19.0", "web_version");
        OdooFixtures.stub(wm, "19.0", "json2_context_get");
    }

    @Override
    MappingBuilder callOn(String model, String method) {
        return post(urlPathEqualTo("/json/2/" + model + "/" + method));
    }

    @Override
    int loginRequests() {
        return wm.findAll(postRequestedFor(urlPathEqualTo("/json/2/res.users/context_get")))
                .size();
    }

    @Override
    String fixture(String scenario) {
        return switch (scenario) {
            case "read" -> "json2_read_partner";
            case "search_read" -> "json2_search_read_partners";
            case "none" -> "json2_method_returning_none";
            case "missing_model" -> "json2_fault_missing_model";
            case "unknown_method" -> "json2_fault_unknown_method";
            case "access" -> "json2_fault_access_demo";
            case "validation" -> "json2_fault_validation";
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    @Override
    void stubBadKey() {
        OdooFixtures.stub(wm, "19.0", "json2_fault_bad_key");
    }

    @Override
    void stubWrongDatabase() {
        OdooFixtures.stub(wm, "19.0", "json2_fault_wrong_db");
    }

    @Test
    void sendsIdsAndNamedArgumentsAsOneJsonObject() {
        OdooFixtures.stub(wm, "19.0", "json2_write_partner");
        assertThat(admin().execute(OrmCalls.write("res.partner", List.of(70L), Map.of("phone", "+34 600 000 000")))
                        .booleanValue())
                .isTrue();
        wm.verify(postRequestedFor(urlPathEqualTo("/json/2/res.partner/write"))
                .withRequestBody(equalToJson("{\"ids\": [70], \"vals\": {\"phone\": \"+34 600 000 000\"}}")));
    }

    @Test
    void sendsEveryParameterByItsOdoo19NameAndLeavesDefaultsOut() {
        OdooFixtures.stub(wm, "19.0", "json2_create_partner");
        admin().execute(OrmCalls.create("res.partner", Map.of("name", "Fixture Supplier SA", "is_company", true)));
        wm.verify(postRequestedFor(urlPathEqualTo("/json/2/res.partner/create"))
                .withRequestBody(
                        equalToJson("{\"vals_list\": [{\"name\": \"Fixture Supplier SA\", \"is_company\": true}]}")));
        OdooFixtures.stub(wm, "19.0", "json2_name_search");
        admin().execute(OrmCalls.nameSearch("res.partner", "Azure", null, "ilike", 5));
        wm.verify(postRequestedFor(urlPathEqualTo("/json/2/res.partner/name_search"))
                .withRequestBody(equalToJson("{\"name\": \"Azure\", \"limit\": 5}")));
        admin().execute(OrmCalls.nameSearch(
                "res.partner", "Azure", List.of(List.of("is_company", "=", true)), "ilike", 5));
        wm.verify(postRequestedFor(urlPathEqualTo("/json/2/res.partner/name_search"))
                .withRequestBody(equalToJson(
                        "{\"name\": \"Azure\", \"domain\": [[\"is_company\", \"=\", true]], \"limit\": 5}")));
        OdooFixtures.stub(wm, "19.0", "json2_formatted_read_group");
        admin().execute(OrmCalls.groupBy(
                admin().server(), "sale.order", List.of(), List.of("state"), List.of("amount_total:sum"), null, 80));
        wm.verify(postRequestedFor(urlPathEqualTo("/json/2/sale.order/formatted_read_group"))
                .withRequestBody(equalToJson(
                        "{\"domain\": [], \"groupby\": [\"state\"], \"aggregates\": [\"amount_total:sum\", \"__count\"],"
                                + " \"limit\": 80}")));
    }

    @Test
    void positionalArgumentsAreUnsupportedWithAClearHint() {
        OdooException e = failure(() -> admin().execute(
                        OrmCalls.method("res.partner", "create", null, List.of(Map.of("name", "x")), Map.of())));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.UNSUPPORTED);
        assertThat(e.getMessage()).contains("named");
    }

    @Test
    void badArgumentsAreValidation() {
        OdooFixtures.stub(wm, "19.0", "json2_fault_bad_args");
        OdooException e = failure(() -> admin().execute(OdooCall.onRecords("res.partner", "search_read", List.of(1L))
                .param("domain", List.of())));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.VALIDATION);
        assertThat(e.getMessage())
                .contains("cannot call res.partner.search_read with ids")
                .doesNotContain("422 Unprocessable");
    }

    @Test
    void emptyAnswerIsAProtocolErrorNotAResult() {
        wm.stubFor(callOn("res.partner", "search_count")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType())
                        .withBody("")));
        OdooException e = failure(() -> admin().execute(OdooCall.onModel("res.partner", "search_count")));
        assertThat(e.kind()).isEqualTo(OdooErrorKind.PROTOCOL_ERROR);
    }

    @Test
    void usernameIsOptional() {
        OdooClient client =
                factory.clientFor(OdooFixtures.credentials(wm, "globex", null, OdooFixtures.ADMIN_KEY, null));
        assertThat(client.server().uid()).isEqualTo(2);
    }
}
