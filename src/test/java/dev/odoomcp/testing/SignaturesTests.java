package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fake binds ORM arguments like the Odoo version it plays: the signatures of
 * {@link Signatures}, per-model overrides included, and Odoo's words when a call does not bind.
 */
class SignaturesTests {

    private static final String KEY = "key-acme";

    private static FakeOdoo start(String version) {
        return FakeOdoo.builder()
                .version(version)
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", KEY))
                .start();
    }

    private static Object xmlrpc(FakeOdoo odoo, String model, String method, List<?> args, Map<String, ?> kwargs) {
        return Wire.executeKw(odoo, "acme", 2, KEY, model, method, args, kwargs);
    }

    private static String typeError(Object answer) {
        assertThat(answer).isInstanceOf(XmlRpcCodec.Fault.class);
        XmlRpcCodec.Fault fault = (XmlRpcCodec.Fault) answer;
        assertThat(fault.code()).isEqualTo(1);
        return Shapes.lastLine(fault.message());
    }

    private static Object hours(FakeOdoo odoo, long line) {
        return odoo.inspect(
                "acme",
                "account.analytic.line",
                r -> r.browse("account.analytic.line", List.of(line)).get("unit_amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16.0", "17.0", "18.0"})
    void timesheetWriteTakesValuesNotVals(String version) {
        try (FakeOdoo odoo = start(version)) {
            assertThat(typeError(xmlrpc(
                            odoo,
                            "account.analytic.line",
                            "write",
                            List.of(List.of(7L)),
                            Map.of("vals", Map.of("unit_amount", 6.5)))))
                    .isEqualTo("TypeError: AccountAnalyticLine.write() got an unexpected keyword argument 'vals'");
            assertThat(hours(odoo, 7L)).isEqualTo(5.0);
            assertThat(xmlrpc(
                            odoo,
                            "account.analytic.line",
                            "write",
                            List.of(List.of(7L)),
                            Map.of("values", Map.of("unit_amount", 6.5))))
                    .isEqualTo(true);
            assertThat(xmlrpc(
                            odoo,
                            "account.analytic.line",
                            "write",
                            List.of(List.of(7L), Map.of("unit_amount", 7.0)),
                            Map.of()))
                    .isEqualTo(true);
            assertThat(hours(odoo, 7L)).isEqualTo(7.0);
            assertThat(typeError(xmlrpc(odoo, "account.analytic.line", "write", List.of(List.of(7L)), Map.of())))
                    .isEqualTo(
                            "TypeError: AccountAnalyticLine.write() missing 1 required positional argument: 'values'");
        }
    }

    @Test
    void otherModelsKeepTheBaseOrmNames() {
        try (FakeOdoo odoo = start("18.0")) {
            assertThat(xmlrpc(odoo, "res.partner", "write", List.of(List.of(9L)), Map.of("vals", Map.of("phone", "1"))))
                    .isEqualTo(true);
            assertThat(typeError(xmlrpc(
                            odoo,
                            "res.partner",
                            "write",
                            List.of(List.of(9L)),
                            Map.of("values", Map.of("phone", "1")))))
                    .isEqualTo("TypeError: BaseModel.write() got an unexpected keyword argument 'values'");
            assertThat(typeError(xmlrpc(odoo, "res.partner", "unlink", List.of(List.of(9L), true), Map.of())))
                    .isEqualTo("TypeError: BaseModel.unlink() takes 1 positional argument but 2 were given");
            assertThat(typeError(xmlrpc(odoo, "res.partner", "search_count", List.of(List.of(), 5L, 6L), Map.of())))
                    .isEqualTo(
                            "TypeError: BaseModel.search_count() takes from 2 to 3 positional arguments but 4 were given");
            assertThat(typeError(xmlrpc(odoo, "res.partner", "search_read", List.of(List.of()), Map.of("bogus", 1))))
                    .isEqualTo("TypeError: BaseModel.read() got an unexpected keyword argument 'bogus'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"16.0", "18.0", "19.0"})
    void createWithKeywordValuesOnlyFailsOverXmlRpcAndCreatesNothing(String version) {
        try (FakeOdoo odoo = start(version)) {
            Integer before = odoo.inspect("acme", "res.partner", r -> r.ids().size());
            assertThat(typeError(xmlrpc(
                            odoo,
                            "res.partner",
                            "create",
                            List.of(),
                            Map.of("vals_list", List.of(Map.of("name", "Kw Only"))))))
                    .isEqualTo("IndexError: tuple index out of range");
            Integer after = odoo.inspect("acme", "res.partner", r -> r.ids().size());
            assertThat(after).isEqualTo(before);
            assertThat(xmlrpc(odoo, "res.partner", "create", List.of(List.of(Map.of("name", "Positional"))), Map.of()))
                    .isInstanceOf(List.class);
        }
    }

    @Test
    void nameSearchTakesArgsUpTo18AndDomainFrom19() {
        try (FakeOdoo odoo18 = start("18.0");
                FakeOdoo odoo19 = start("19.0")) {
            List<?> domain = List.of(List.of("supplier_rank", ">", 0L));
            assertThat(xmlrpc(odoo18, "res.partner", "name_search", List.of("Wood"), Map.of("args", domain)))
                    .isEqualTo(List.of(List.of(9L, "Wood Corner")));
            assertThat(typeError(xmlrpc(odoo19, "res.partner", "name_search", List.of("Wood"), Map.of("args", domain))))
                    .isEqualTo("TypeError: BaseModel.name_search() got an unexpected keyword argument 'args'");
            assertThat(xmlrpc(odoo19, "res.partner", "name_search", List.of("Wood", domain), Map.of()))
                    .isEqualTo(xmlrpc(odoo18, "res.partner", "name_search", List.of("Wood", domain), Map.of()));
        }
    }

    @Test
    void json2BindsNamedArgumentsWithInspectsWords() {
        try (FakeOdoo odoo = start("19.0")) {
            HttpResponse<String> values = Wire.json2(
                    odoo,
                    "acme",
                    KEY,
                    "account.analytic.line",
                    "write",
                    Map.of("ids", List.of(7), "values", Map.of("unit_amount", 6.5)));
            assertThat(values.statusCode()).isEqualTo(422);
            assertThat(((Map<?, ?>) Wire.json(values)).get("message"))
                    .isEqualTo("got an unexpected keyword argument 'values'");
            HttpResponse<String> nothing =
                    Wire.json2(odoo, "acme", KEY, "account.analytic.line", "write", Map.of("ids", List.of(7)));
            assertThat(((Map<?, ?>) Wire.json(nothing)).get("message"))
                    .isEqualTo("missing a required argument: 'vals'");
            HttpResponse<String> vals = Wire.json2(
                    odoo,
                    "acme",
                    KEY,
                    "account.analytic.line",
                    "write",
                    Map.of("ids", List.of(7), "vals", Map.of("unit_amount", 6.5)));
            assertThat(vals.statusCode()).isEqualTo(200);
            assertThat(hours(odoo, 7L)).isEqualTo(6.5);
        }
    }
}
