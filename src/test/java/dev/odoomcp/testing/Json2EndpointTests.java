package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Json2EndpointTests {

    private final FakeOdoo odoo = FakeOdoo.builder()
            .version("19.0")
            .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", "key-acme"))
            .database(
                    "acme", db -> db.user(UserSpec.of("viewer", "key-viewer", 7).readonly()))
            .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", "key-globex"))
            .start();

    @AfterEach
    void stop() {
        odoo.close();
    }

    private HttpResponse<String> call(String db, String key, String model, String method, Map<String, ?> body) {
        return Wire.json2(odoo, db, key, model, method, body);
    }

    private static Map<?, ?> error(HttpResponse<String> r) {
        return (Map<?, ?>) Wire.json(r);
    }

    @Test
    void mapsOdooErrorsToStatusesAndNames() {
        HttpResponse<String> readonly = call(
                "acme", "key-viewer", "res.partner", "write", Map.of("ids", List.of(9), "vals", Map.of("phone", "1")));
        assertThat(readonly.statusCode()).isEqualTo(403);
        assertThat(error(readonly).get("name")).isEqualTo("odoo.exceptions.AccessError");

        HttpResponse<String> badDomain = call(
                "acme", "key-acme", "res.partner", "search_count", Map.of("domain", List.of(List.of("nope", "=", 1))));
        assertThat(badDomain.statusCode()).isEqualTo(500);
        assertThat(error(badDomain).get("name")).isEqualTo("builtins.ValueError");
        assertThat(error(badDomain).get("message"))
                .isEqualTo("Invalid field res.partner.nope in condition ('nope', '=', 1)");

        HttpResponse<String> unknownArg =
                call("acme", "key-acme", "res.partner", "search_count", Map.of("domain", List.of(), "bogus", 1));
        assertThat(unknownArg.statusCode()).isEqualTo(422);
        assertThat(error(unknownArg).get("message")).isEqualTo("got an unexpected keyword argument 'bogus'");

        HttpResponse<String> stateError =
                call("acme", "key-acme", "sale.order", "action_confirm", Map.of("ids", List.of(1)));
        assertThat(stateError.statusCode()).isEqualTo(422);
        assertThat(error(stateError).get("name")).isEqualTo("odoo.exceptions.UserError");

        HttpResponse<String> missing = call("acme", "key-acme", "res.partner", "read", Map.of("ids", List.of(999)));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).get("name")).isEqualTo("odoo.exceptions.MissingError");
    }

    @Test
    void runsNoneReturningMethodsAndAnswersNull() {
        HttpResponse<String> r = call("acme", "key-acme", "purchase.order", "button_cancel", Map.of("ids", List.of(3)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("null");
        Object state = odoo.inspect("acme", "purchase.order", p -> p.get(3L, "state"));
        assertThat(state).isEqualTo("cancel");
    }

    @Test
    void keepsTenantsApart() {
        HttpResponse<String> acme = call(
                "acme",
                "key-acme",
                "res.partner",
                "search_read",
                Map.of("domain", List.of(List.of("name", "=", "Wood Corner")), "fields", List.of("email")));
        assertThat(Wire.json(acme)).isEqualTo(List.of(Map.of("id", 9L, "email", "wood.corner@acme.example.com")));
        call("acme", "key-acme", "res.partner", "write", Map.of("ids", List.of(9), "vals", Map.of("phone", "+32 1")));
        HttpResponse<String> globex = call(
                "globex",
                "key-globex",
                "res.partner",
                "read",
                Map.of("ids", List.of(9), "fields", List.of("email", "phone")));
        assertThat(Wire.json(globex))
                .isEqualTo(List.of(Map.of("id", 9L, "email", "wood.corner@globex.example.com", "phone", false)));
        assertThat(call("globex", "key-acme", "res.partner", "search_count", Map.of("domain", List.of()))
                        .statusCode())
                .isEqualTo(401);
        assertThat(Wire.executeKw(
                        odoo, "globex", 2, "key-acme", "res.partner", "search_count", List.of(List.of()), Map.of()))
                .isEqualTo(new XmlRpcCodec.Fault(3, "Access Denied"));
    }

    @Test
    void recordsEveryCallForTests() {
        call(
                "acme",
                "key-acme",
                "res.partner",
                "write",
                Map.of("ids", List.of(9), "vals", Map.of("phone", "1"), "context", Map.of("lang", "fr_FR")));
        Wire.executeKw(
                odoo,
                "globex",
                2,
                "key-globex",
                "res.partner",
                "read",
                List.of(List.of(1L)),
                Map.of("fields", List.of("name")));
        assertThat(odoo.callsTo("res.partner", "write"))
                .containsExactly(new FakeOdoo.Call(
                        "json2",
                        "acme",
                        "admin",
                        2L,
                        "res.partner",
                        "write",
                        List.of(9L),
                        List.of(),
                        Map.of("vals", Map.of("phone", "1"))));
        assertThat(odoo.callsTo("res.partner", "read"))
                .containsExactly(new FakeOdoo.Call(
                        "xmlrpc",
                        "globex",
                        "admin",
                        2L,
                        "res.partner",
                        "read",
                        List.of(1L),
                        List.of(),
                        Map.of("fields", List.of("name"))));
        odoo.clearCalls();
        assertThat(odoo.calls()).isEmpty();
    }

    @Test
    void servesOverridesLatencyAndVersionProbes() {
        odoo.override("/web/version", exchange -> Http.send(exchange, 503, Http.HTML, "maintenance"));
        odoo.latency(Duration.ofMillis(1));
        HttpResponse<String> overridden = Wire.get(odoo, "/web/version");
        assertThat(overridden.statusCode()).isEqualTo(503);
        odoo.removeOverride("/web/version");
        odoo.latency(Duration.ZERO);
        assertThat(Wire.json(Wire.get(odoo, "/web/version")))
                .isEqualTo(Map.of("version_info", List.of(19L, 0L, 0L, "final", 0L, ""), "version", "19.0"));
    }

    @Test
    void offersJson2FromSaas184AndNotOn18() {
        try (FakeOdoo saas = FakeOdoo.builder()
                        .version("saas~18.4")
                        .database("acme", db -> db.user("admin", "k", 2))
                        .start();
                FakeOdoo v18 = FakeOdoo.builder()
                        .version("18.0")
                        .database("acme", db -> db.user("admin", "k", 2))
                        .start()) {
            HttpResponse<String> ctx = Wire.json2(saas, "acme", "k", "res.users", "context_get", Map.of());
            assertThat(Wire.json(ctx)).isEqualTo(Map.of("lang", "en_US", "tz", "Europe/Brussels", "uid", 2L));
            assertThat(Wire.xmlrpc(saas, "common", "version", List.of()))
                    .isEqualTo(Map.of(
                            "server_version",
                            "saas~18.4",
                            "server_version_info",
                            List.of("saas~18", 4L, 0L, "final", 0L, ""),
                            "server_serie",
                            "saas~18.4",
                            "protocol_version",
                            1L));
            assertThat(Wire.json2(v18, "acme", "k", "res.users", "context_get", Map.of())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(Wire.get(v18, "/web/version").statusCode()).isEqualTo(404);
        }
    }
}
