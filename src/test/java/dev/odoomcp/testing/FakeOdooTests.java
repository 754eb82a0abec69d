package dev.odoomcp.testing;

import static dev.odoomcp.testing.RecordedExchange.ADMIN_KEY;
import static dev.odoomcp.testing.RecordedExchange.DEMO_KEY;
import static dev.odoomcp.testing.RecordedExchange.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replays recorded Odoo 18.0 and 19.0 exchanges against the fake and compares the answers. */
class FakeOdooTests {

    /** The 18.0 recordings' world: db acme, admin uid 2, demo uid 6, plus the ids the recordings touch. */
    static FakeOdoo odoo18() {
        return FakeOdoo.builder()
                .version("18.0+e-20241005")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", ADMIN_KEY))
                .database(
                        "acme",
                        db -> db.user(UserSpec.of("demo", DEMO_KEY, 6).name("Marc Demo"))
                                .model(
                                        "res.partner",
                                        m -> m.record(Map.of("id", 195L, "name", "Fixture Supplier SA"))
                                                .record(Map.of("id", 49L, "name", "Fixture Product Partner")))
                                .model(
                                        "product.product",
                                        m -> m.record(Map.of("id", 49L, "name", "Chair", "product_tmpl_id", 5L)))
                                .model("sale.order", m -> m.record(Map.of("id", 32L, "partner_id", 15L)))
                                .model(
                                        "account.analytic.line",
                                        m -> m.record(Map.of(
                                                "id",
                                                322L,
                                                "name",
                                                "Recorded line",
                                                "date",
                                                "2026-11-24",
                                                "employee_id",
                                                1L,
                                                "unit_amount",
                                                2.0))))
                .start();
    }

    /** The 19.0 recordings' world: db globex, admin uid 2, demo uid 5. */
    static FakeOdoo odoo19() {
        return FakeOdoo.builder()
                .version("19.0")
                .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", ADMIN_KEY))
                .database(
                        "globex",
                        db -> db.user(UserSpec.of("demo", DEMO_KEY, 5).name("Marc Demo"))
                                .model("res.partner", m -> m.record(Map.of("id", 70L, "name", "Fixture Supplier SA"))))
                .start();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xmlrpc_common_version",
                "xmlrpc_authenticate_ok",
                "xmlrpc_authenticate_bad_key",
                "xmlrpc_authenticate_demo",
                "xmlrpc_fault_wrong_key_execute",
                "xmlrpc_fault_missing_model",
                "xmlrpc_fault_private_method",
                "xmlrpc_fault_validation_create_partner",
                "xmlrpc_write_partner",
                "xmlrpc_unlink_partner",
                "xmlrpc_action_confirm_sale_order",
                "xmlrpc_name_search_partner",
                "xmlrpc_write_positional_timesheet"
            })
    void answersXmlRpcByteForByteLikeOdoo18(String fixture) {
        try (FakeOdoo odoo = odoo18()) {
            RecordedExchange recorded = RecordedExchange.load("18.0", fixture);
            HttpResponse<String> answer = recorded.replay(odoo.baseUrl());
            assertThat(answer.statusCode()).isEqualTo(recorded.status());
            assertThat(answer.headers().firstValue("Content-Type")).contains(recorded.contentType());
            assertThat(answer.body()).isEqualTo(recorded.responseBody());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xmlrpc_authenticate_wrong_db",
                "xmlrpc_fault_unknown_method",
                "xmlrpc_fault_access_denied_demo",
                "xmlrpc_fault_bad_domain",
                "xmlrpc_method_returning_none",
                "xmlrpc_search_read_partners",
                "xmlrpc_read_partner",
                "xmlrpc_read_group_sale_order",
                "xmlrpc_create_partner",
                "xmlrpc_search_count_partners",
                "xmlrpc_stock_quant_search_read",
                "xmlrpc_project_search_read",
                "xmlrpc_ir_model_search_read",
                "xmlrpc_create_sale_order",
                "xmlrpc_fault_write_keyword_vals_timesheet"
            })
    void answersXmlRpcWithTheShapeOdoo18Sends(String fixture) {
        try (FakeOdoo odoo = odoo18()) {
            assertSameXmlRpcShape(RecordedExchange.load("18.0", fixture), odoo);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "xmlrpc_common_version",
                "xmlrpc_fault_unknown_method",
                "xmlrpc_fault_private_method",
                "xmlrpc_fault_bad_domain",
                "xmlrpc_authenticate_ok",
                "xmlrpc_search_read_partners"
            })
    void answersXmlRpcWithTheShapeOdoo19Sends(String fixture) {
        try (FakeOdoo odoo = odoo19()) {
            assertSameXmlRpcShape(RecordedExchange.load("19.0", fixture), odoo);
        }
    }

    @Test
    void describesFieldsWithOdoosAttributes() {
        try (FakeOdoo odoo = odoo18()) {
            RecordedExchange recorded = RecordedExchange.load("18.0", "xmlrpc_fields_get_sale_order");
            Map<?, ?> expected = (Map<?, ?>) XmlRpcCodec.parseResponse(bytes(recorded.responseBody()));
            Map<?, ?> actual = (Map<?, ?>) XmlRpcCodec.parseResponse(
                    bytes(recorded.replay(odoo.baseUrl()).body()));
            List<Object> shared = actual.keySet().stream()
                    .filter(expected::containsKey)
                    .map(k -> (Object) k)
                    .toList();
            assertThat(shared).hasSizeGreaterThanOrEqualTo(6).contains((Object) "partner_id", "state", "order_line");
            for (Object field : shared) {
                Map<?, ?> e = (Map<?, ?>) expected.get(field);
                Map<?, ?> a = (Map<?, ?>) actual.get(field);
                List<Object> attributes = List.copyOf(a.keySet());
                assertThat(attributes).as("attributes of %s", field).isSubsetOf(List.<Object>copyOf(e.keySet()));
                assertThat(a.get("type")).as("type of %s", field).isEqualTo(e.get("type"));
                assertThat(a.get("relation")).as("relation of %s", field).isEqualTo(e.get("relation"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "json2_context_get",
                "json2_fault_bad_args",
                "json2_fault_bad_key",
                "json2_fault_missing_model",
                "json2_fault_unknown_method",
                "json2_fault_validation",
                "json2_fault_wrong_db",
                "json2_fields_get_partner",
                "json2_method_returning_none",
                "json2_name_search",
                "json2_unlink_partner",
                "json2_write_partner"
            })
    void answersJson2ExactlyLikeOdoo19(String fixture) {
        try (FakeOdoo odoo = odoo19()) {
            RecordedExchange recorded = RecordedExchange.load("19.0", fixture);
            HttpResponse<String> answer = recorded.replay(odoo.baseUrl());
            assertThat(answer.statusCode()).isEqualTo(recorded.status());
            assertThat(answer.headers().firstValue("Content-Type")).contains(recorded.contentType());
            if (recorded.contentType().startsWith("text/html")) {
                assertThat(answer.body()).isEqualTo(recorded.responseBody());
            } else if (recorded.status() == 200) {
                assertThat(json(answer.body())).isEqualTo(json(recorded.responseBody()));
            } else {
                assertSameJson2Error(recorded, answer);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "json2_create_partner",
                "json2_fault_access_demo",
                "json2_formatted_read_group",
                "json2_read_group",
                "json2_read_partner",
                "json2_search_count",
                "json2_search_read_partners"
            })
    void answersJson2WithTheShapeOdoo19Sends(String fixture) {
        try (FakeOdoo odoo = odoo19()) {
            RecordedExchange recorded = RecordedExchange.load("19.0", fixture);
            HttpResponse<String> answer = recorded.replay(odoo.baseUrl());
            assertThat(answer.statusCode()).isEqualTo(recorded.status());
            if (recorded.status() == 200) {
                Object expected = json(recorded.responseBody());
                Object actual = json(answer.body());
                assertThat(Shapes.compatible(expected, actual))
                        .as("shape of %s", answer.body())
                        .isTrue();
                assertThat(actual instanceof List<?> l && l.isEmpty())
                        .as("empty answer")
                        .isFalse();
            } else {
                assertSameJson2Error(recorded, answer);
            }
        }
    }

    @Test
    void answersVersionProbesPerVersion() {
        try (FakeOdoo odoo18 = odoo18();
                FakeOdoo odoo19 = odoo19()) {
            for (String version : List.of("18.0", "19.0")) {
                FakeOdoo odoo = version.equals("18.0") ? odoo18 : odoo19;
                for (String probe : List.of("web_version", "web_webclient_version_info")) {
                    RecordedExchange recorded = RecordedExchange.load(version, probe);
                    HttpResponse<String> answer = recorded.replay(odoo.baseUrl());
                    assertThat(answer.statusCode()).as(version + " " + probe).isEqualTo(recorded.status());
                    assertThat(recorded.contentType().startsWith("text/html") ? answer.body() : json(answer.body()))
                            .isEqualTo(
                                    recorded.contentType().startsWith("text/html")
                                            ? recorded.responseBody()
                                            : json(recorded.responseBody()));
                }
            }
        }
    }

    private static void assertSameXmlRpcShape(RecordedExchange recorded, FakeOdoo odoo) {
        HttpResponse<String> answer = recorded.replay(odoo.baseUrl());
        assertThat(answer.statusCode()).isEqualTo(recorded.status());
        Object expected = XmlRpcCodec.parseResponse(bytes(recorded.responseBody()));
        Object actual = XmlRpcCodec.parseResponse(bytes(answer.body()));
        if (expected instanceof XmlRpcCodec.Fault e) {
            assertThat(actual).isInstanceOf(XmlRpcCodec.Fault.class);
            XmlRpcCodec.Fault a = (XmlRpcCodec.Fault) actual;
            assertThat(a.code()).isEqualTo(e.code());
            if (e.code() == 1) {
                assertThat(a.message()).startsWith("Traceback (most recent call last):");
                assertThat(Shapes.lastLine(a.message())).isEqualTo(Shapes.lastLine(e.message()));
            } else {
                assertThat(Shapes.firstLine(a.message())).isEqualTo(Shapes.firstLine(e.message()));
            }
        } else {
            assertThat(Shapes.compatible(expected, actual))
                    .as("shape of %s", answer.body())
                    .isTrue();
            assertThat(actual instanceof List<?> l && l.isEmpty())
                    .as("empty answer")
                    .isFalse();
        }
    }

    private static void assertSameJson2Error(RecordedExchange recorded, HttpResponse<String> answer) {
        Map<?, ?> expected = (Map<?, ?>) json(recorded.responseBody());
        Map<?, ?> actual = (Map<?, ?>) json(answer.body());
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(actual.get("name")).isEqualTo(expected.get("name"));
        assertThat(Shapes.firstLine((String) actual.get("message")))
                .isEqualTo(Shapes.firstLine((String) expected.get("message")));
        assertThat(Shapes.compatible(expected.get("arguments"), actual.get("arguments")))
                .isTrue();
        assertThat((String) actual.get("debug")).startsWith("Traceback (most recent call last):");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
