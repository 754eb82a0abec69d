package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XmlRpcEndpointTests {

    private static final String KEY = "key-acme";

    private final FakeOdoo odoo = FakeOdoo.builder()
            .version("18.0")
            .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
            .database(
                    "acme", db -> db.user(UserSpec.of("viewer", "key-viewer", 7).readonly()))
            .start();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private Object call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        return Wire.executeKw(odoo, "acme", 2, KEY, model, method, args, kwargs);
    }

    @Test
    void appliesANoneReturningMethodThenAnswersTheMarshalFault() {
        Object answer = call("purchase.order", "button_cancel", List.of(List.of(2L)), Map.of());
        assertThat(answer).isInstanceOfSatisfying(XmlRpcCodec.Fault.class, f -> {
            assertThat(f.code()).isEqualTo(1);
            assertThat(Shapes.lastLine(f.message()))
                    .isEqualTo("TypeError: cannot marshal None unless allow_none is enabled");
        });
        Object state = odoo.inspect("acme", "purchase.order", r -> r.get(2L, "state"));
        assertThat(state).isEqualTo("cancel");
    }

    @Test
    void confirmsAPurchaseOrderOnceThenRaisesAUserError() {
        assertThat(call("purchase.order", "button_confirm", List.of(List.of(2L)), Map.of()))
                .isEqualTo(true);
        assertThat(call("purchase.order", "read", List.of(List.of(2L), List.of("state")), Map.of()))
                .isEqualTo(List.of(Map.of("id", 2L, "state", "purchase")));
        assertThat(call("purchase.order", "button_confirm", List.of(List.of(2L)), Map.of()))
                .isInstanceOfSatisfying(
                        XmlRpcCodec.Fault.class, f -> assertThat(f.code()).isEqualTo(2));
    }

    @Test
    void createsAnOrderWithLinesAndComputesItsTotal() {
        Object id = call(
                "purchase.order",
                "create",
                List.of(Map.of(
                        "partner_id",
                        9L,
                        "order_line",
                        List.of(
                                List.of(0L, 0L, Map.of("product_id", 7L, "product_qty", 10L, "price_unit", 12.5)),
                                List.of(0L, 0L, Map.of("product_id", 8L, "product_qty", 100L, "price_unit", 0.5))))),
                Map.of());
        List<?> read = (List<?>) call(
                "purchase.order",
                "read",
                List.of(List.of(id)),
                Map.of("fields", List.of("name", "partner_id", "amount_total", "order_line", "state")));
        Map<?, ?> order = (Map<?, ?>) read.get(0);
        assertThat(order.get("name")).isEqualTo("P00004");
        assertThat(order.get("partner_id")).isEqualTo(List.of(9L, "Wood Corner"));
        assertThat(order.get("amount_total")).isEqualTo(175.0);
        assertThat((List<?>) order.get("order_line")).hasSize(2);
        assertThat(order.get("state")).isEqualTo("draft");
        assertThat(call("purchase.order", "create", List.of(List.of(Map.of("partner_id", 9L))), Map.of()))
                .isInstanceOf(List.class);
    }

    @Test
    void refusesChangesFromAReadonlyUserWithAccessError() {
        Object answer = Wire.executeKw(
                odoo,
                "acme",
                7,
                "key-viewer",
                "res.partner",
                "write",
                List.of(List.of(9L), Map.of("phone", "1")),
                Map.of());
        assertThat(answer).isInstanceOfSatisfying(XmlRpcCodec.Fault.class, f -> {
            assertThat(f.code()).isEqualTo(4);
            assertThat(Shapes.firstLine(f.message()))
                    .isEqualTo("You are not allowed to modify 'Contact' (res.partner) records.");
        });
        assertThat(Wire.executeKw(
                        odoo, "acme", 7, "key-viewer", "res.partner", "search_count", List.of(List.of()), Map.of()))
                .isInstanceOf(Long.class);
    }

    @Test
    void bindsArgumentsLikePythonAndReportsTypeErrors() {
        assertThat(call(
                        "res.partner",
                        "search_read",
                        List.of(List.of(List.of("id", "=", 9L)), List.of("name")),
                        Map.of()))
                .isEqualTo(List.of(Map.of("id", 9L, "name", "Wood Corner")));
        assertThat(call("res.partner", "search_read", List.of(List.of()), Map.of("domain", List.of())))
                .isInstanceOfSatisfying(
                        XmlRpcCodec.Fault.class,
                        f -> assertThat(Shapes.lastLine(f.message()))
                                .isEqualTo(
                                        "TypeError: BaseModel.search_read() got multiple values for argument 'domain'"));
        assertThat(call("res.partner", "name_search", List.of("Azure"), Map.of("domain", List.of())))
                .isInstanceOfSatisfying(
                        XmlRpcCodec.Fault.class,
                        f -> assertThat(Shapes.lastLine(f.message()))
                                .isEqualTo(
                                        "TypeError: BaseModel.name_search() got an unexpected keyword argument 'domain'"));
        assertThat(call("res.partner", "read", List.of(List.of(9L)), Map.of("fields", List.of("nope"))))
                .isInstanceOfSatisfying(
                        XmlRpcCodec.Fault.class,
                        f -> assertThat(Shapes.lastLine(f.message()))
                                .isEqualTo("ValueError: Invalid field 'nope' on model 'res.partner'"));
    }

    @Test
    void answersAuthenticationLikeOdoo() {
        assertThat(Wire.xmlrpc(odoo, "common", "authenticate", List.of("acme", "admin", KEY, Map.of())))
                .isEqualTo(2L);
        assertThat(Wire.xmlrpc(odoo, "common", "authenticate", List.of("acme", "admin", "wrong", Map.of())))
                .isEqualTo(false);
        assertThat(Wire.executeKw(odoo, "acme", 2, "wrong", "res.partner", "search", List.of(List.of()), Map.of()))
                .isEqualTo(new XmlRpcCodec.Fault(3, "Access Denied"));
    }

    @Test
    void refusesADoctypeInTheRequest() {
        String body = "<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<methodCall><methodName>version</methodName><params/></methodCall>";
        Object answer =
                XmlRpcCodec.parseResponse(Wire.post(odoo, "/xmlrpc/2/common", Map.of("Content-Type", "text/xml"), body)
                        .body()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer).isInstanceOfSatisfying(XmlRpcCodec.Fault.class, f -> {
            assertThat(f.code()).isEqualTo(1);
            assertThat(f.message()).doesNotContain("root:");
        });
    }
}
