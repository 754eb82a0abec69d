package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The six requests of the product's README, end to end through /mcp as the tool sequence an
 * assistant uses, against a fresh demo company per scenario; each checks what Odoo received
 * (model, method, domain, values) and what changed in its data.
 */
@ToolsServerTest
class SeedScenariosTests {

    @LocalServerPort
    int port;

    Fakes fakes;

    @BeforeEach
    void freshCompany() {
        fakes = Fakes.start();
    }

    @AfterEach
    void stop() {
        fakes.close();
    }

    /** (a) "Muéstrame el inventario de la tienda principal" — show me the inventory of the main store. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void inventoryOfTheMainStore(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        FakeOdoo odoo = fakes.get(flavor);
        JsonNode warehouses = mcp.call(
                        "search_records",
                        "{\"model\": \"stock.warehouse\", \"domain\": "
                                + "[[\"name\", \"ilike\", \"main store\"]], \"fields\": [\"name\", \"code\"]}")
                .ok();
        assertThat(warehouses.path("records"))
                .isEqualTo(McpClient.JSON.readTree("[{\"id\": 1, \"name\": \"Main Store\", \"code\": \"WH\"}]"));
        JsonNode stock = mcp.call(
                        "aggregate_records",
                        "{\"model\": \"stock.quant\", \"domain\": "
                                + "[[\"location_id.warehouse_id\", \"=\", 1], [\"location_id.usage\", \"=\", \"internal\"]], "
                                + "\"group_by\": [\"product_id\"], \"aggregates\": [\"quantity:sum\"]}")
                .ok();
        String method = flavor.major() >= 19 ? "formatted_read_group" : "read_group";
        assertThat(flavor.received(odoo.callsTo("stock.quant", method).get(0), "domain", 0))
                .isEqualTo(List.of(
                        List.of("location_id.warehouse_id", "=", 1L), List.of("location_id.usage", "=", "internal")));
        assertThat(stock.path("returned").asInt()).isEqualTo(9);
        assertThat(quantity(stock, 3)).isEqualTo(500.0);
        assertThat(quantity(stock, 8)).isEqualTo(2000.0);
        assertThat(stock.toString()).doesNotContain("Desk Combination"); // only stocked in East Depot
    }

    /** (b) "Crea una orden de compra para el proveedor X" — create a purchase order for supplier X. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void purchaseOrderForASupplier(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        FakeOdoo odoo = fakes.get(flavor);
        JsonNode supplier = mcp.call(
                        "name_search",
                        "{\"model\": \"res.partner\", \"name\": \"Wood Corner\", "
                                + "\"domain\": [[\"supplier_rank\", \">\", 0]]}")
                .ok();
        assertThat(supplier.path("matches").toString()).isEqualTo("[{\"id\":9,\"name\":\"Wood Corner\"}]");
        JsonNode product = mcp.call("name_search", "{\"model\": \"product.product\", \"name\": \"Wood Panel\"}")
                .ok();
        assertThat(product.path("matches").toString()).isEqualTo("[{\"id\":7,\"name\":\"[RM_WOOD] Wood Panel\"}]");
        JsonNode created = mcp.call(
                        "create_record",
                        "{\"model\": \"purchase.order\", \"values\": {\"partner_id\": 9, "
                                + "\"order_line\": [[0, 0, {\"product_id\": 7, \"product_qty\": 10, \"price_unit\": 12.5}]]}}")
                .ok();
        long id = created.path("id").asLong();
        FakeOdoo.Call create = odoo.callsTo("purchase.order", "create").get(0);
        assertThat(flavor.received(create, "vals_list", 0))
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactly(Map.of(
                        "partner_id",
                        9L,
                        "order_line",
                        List.of(List.of(0L, 0L, Map.of("product_id", 7L, "product_qty", 10L, "price_unit", 12.5)))));
        assertThat(create.kwargs()).doesNotContainKey("vals");
        JsonNode confirmed = mcp.call(
                        "call_method",
                        "{\"model\": \"purchase.order\", \"method\": \"button_confirm\", " + "\"ids\": [" + id + "]}")
                .ok();
        assertThat(confirmed.path("result").asBoolean()).isTrue();
        assertThat(odoo.callsTo("purchase.order", "button_confirm").get(0).ids())
                .containsExactly(id);
        JsonNode order = mcp.call(
                        "read_records",
                        "{\"model\": \"purchase.order\", \"ids\": [" + id + "], "
                                + "\"fields\": [\"name\", \"partner_id\", \"state\", \"amount_total\"]}")
                .ok()
                .path("records")
                .path(0);
        assertThat(order.path("state").asString()).isEqualTo("purchase");
        assertThat(order.path("partner_id").path("name").asString()).isEqualTo("Wood Corner");
        assertThat(order.path("amount_total").asDouble()).isEqualTo(125.0);
        Object state = odoo.inspect(
                Flavor.DB,
                "purchase.order",
                r -> r.browse("purchase.order", List.of(id)).get("state"));
        assertThat(state).isEqualTo("purchase");
    }

    /** (c) "Lista los proyectos activos de este mes" — list this month's active projects. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void activeProjectsOfThisMonth(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        JsonNode projects = mcp.call(
                        "search_records",
                        "{\"model\": \"project.project\", \"domain\": "
                                + "[[\"active\", \"=\", true], [\"date_start\", \"<=\", \"2026-11-30\"], \"|\", [\"date\", \"=\", false], "
                                + "[\"date\", \">=\", \"2026-11-01\"]], \"fields\": [\"name\", \"partner_id\", \"user_id\", "
                                + "\"date_start\", \"date\"], \"order\": \"name\"}")
                .ok();
        assertThat(projects.path("records")
                        .valueStream()
                        .map(p -> p.path("name").asString())
                        .toList())
                .containsExactly("Office Design", "Renovations", "Research & Development");
        JsonNode rnd = projects.path("records").path(2);
        assertThat(rnd.path("date").isNull()).isTrue();
        assertThat(rnd.path("user_id").toString()).isEqualTo("{\"id\":6,\"name\":\"Marc Demo\"}");
        assertThat(flavor.received(
                        fakes.get(flavor)
                                .callsTo("project.project", "search_read")
                                .get(0),
                        "domain",
                        0))
                .isEqualTo(List.of(
                        List.of("active", "=", true),
                        List.of("date_start", "<=", "2026-11-30"),
                        "|",
                        List.of("date", "=", false),
                        List.of("date", ">=", "2026-11-01")));
    }

    /** (d) "Actualiza las horas trabajadas del empleado Y" — update the hours worked by employee Y. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void hoursWorkedByAnEmployee(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        FakeOdoo odoo = fakes.get(flavor);
        JsonNode employee = mcp.call("name_search", "{\"model\": \"hr.employee\", \"name\": \"Audrey\"}")
                .ok();
        assertThat(employee.path("matches").toString()).isEqualTo("[{\"id\":3,\"name\":\"Audrey Peterson\"}]");
        JsonNode lines = mcp.call(
                        "search_records",
                        "{\"model\": \"account.analytic.line\", \"domain\": "
                                + "[[\"employee_id\", \"=\", 3], [\"date\", \"=\", \"2026-11-19\"]], \"fields\": [\"name\", "
                                + "\"project_id\", \"task_id\", \"unit_amount\", \"date\"]}")
                .ok();
        assertThat(lines.path("total").asInt()).isEqualTo(1);
        JsonNode line = lines.path("records").path(0);
        assertThat(line.path("unit_amount").asDouble()).isEqualTo(5.0);
        long lineId = line.path("id").asLong();
        mcp.call(
                        "update_records",
                        "{\"model\": \"account.analytic.line\", \"ids\": [" + lineId + "], "
                                + "\"values\": {\"unit_amount\": 6.5}}")
                .ok();
        FakeOdoo.Call write = odoo.callsTo("account.analytic.line", "write").get(0);
        assertThat(write.ids()).containsExactly(lineId);
        // hr_timesheet declares write(self, values) up to 18.0 and write(self, vals) in 19
        assertThat(flavor.received(write, "vals", 0)).isEqualTo(Map.of("unit_amount", 6.5));
        assertThat(write.kwargs()).doesNotContainKey("values");
        Object hours = odoo.inspect(
                Flavor.DB,
                "account.analytic.line",
                r -> r.browse("account.analytic.line", List.of(lineId)).get("unit_amount"));
        assertThat(hours).isEqualTo(6.5);
        JsonNode created = mcp.call(
                        "create_record",
                        "{\"model\": \"account.analytic.line\", \"values\": "
                                + "{\"employee_id\": 3, \"project_id\": 3, \"task_id\": 4, \"unit_amount\": 2, \"date\": \"2026-11-24\", "
                                + "\"name\": \"Clean-up\"}}")
                .ok();
        assertThat(created.path("name").asString()).isEqualTo("Clean-up");
        JsonNode total = mcp.call(
                        "aggregate_records",
                        "{\"model\": \"account.analytic.line\", \"domain\": "
                                + "[[\"employee_id\", \"=\", 3]], \"group_by\": [\"employee_id\"], \"aggregates\": [\"unit_amount:sum\"]}")
                .ok();
        assertThat(total.path("groups").path(0).path("unit_amount:sum").asDouble())
                .isEqualTo(15.5);
        assertThat(total.path("groups").path(0).path("employee_id").path("name").asString())
                .isEqualTo("Audrey Peterson");
    }

    /** (e) "Verifica el stock de materias primas" — check raw-material stock. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void rawMaterialStock(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        JsonNode category = mcp.call("name_search", "{\"model\": \"product.category\", \"name\": \"Raw Materials\"}")
                .ok();
        assertThat(category.path("matches").toString()).isEqualTo("[{\"id\":3,\"name\":\"All / Raw Materials\"}]");
        JsonNode stock = mcp.call(
                        "aggregate_records",
                        "{\"model\": \"stock.quant\", \"domain\": "
                                + "[[\"product_id.categ_id\", \"child_of\", 3], [\"location_id.usage\", \"=\", \"internal\"]], "
                                + "\"group_by\": [\"product_id\"], \"aggregates\": [\"quantity:sum\"]}")
                .ok();
        assertThat(stock.path("returned").asInt()).isEqualTo(4);
        assertThat(quantity(stock, 7)).isEqualTo(180.0);
        assertThat(quantity(stock, 8)).isEqualTo(2000.0);
        assertThat(quantity(stock, 9)).isEqualTo(39.0);
        assertThat(quantity(stock, 10)).isEqualTo(12.0);
        JsonNode products = mcp.call(
                        "search_records",
                        "{\"model\": \"product.product\", \"domain\": "
                                + "[[\"categ_id\", \"child_of\", 3]], \"fields\": [\"default_code\", \"name\", \"qty_available\"], "
                                + "\"order\": \"default_code\"}")
                .ok();
        assertThat(products.path("records")
                        .valueStream()
                        .map(p -> p.path("default_code").asString())
                        .toList())
                .containsExactly("RM_PLY", "RM_SCREW", "RM_STEEL", "RM_WOOD");
        assertThat(products.path("records").path(0).path("qty_available").asDouble())
                .isEqualTo(39.0);
    }

    /** (f) "Genera una orden de producción" — create a manufacturing order. */
    @ParameterizedTest
    @EnumSource(Flavor.class)
    void manufacturingOrder(Flavor flavor) {
        McpClient mcp = fakes.client(port, flavor);
        FakeOdoo odoo = fakes.get(flavor);
        JsonNode product = mcp.call("name_search", "{\"model\": \"product.product\", \"name\": \"Desk Combination\"}")
                .ok();
        assertThat(product.path("matches").path(0).path("id").asInt()).isEqualTo(6);
        JsonNode template = mcp.call(
                        "read_records",
                        "{\"model\": \"product.product\", \"ids\": [6], \"fields\": " + "[\"product_tmpl_id\"]}")
                .ok()
                .path("records")
                .path(0)
                .path("product_tmpl_id");
        JsonNode boms = mcp.call(
                        "search_records",
                        "{\"model\": \"mrp.bom\", \"domain\": [\"|\", [\"product_id\", \"=\", 6], "
                                + "[\"product_tmpl_id\", \"=\", "
                                + template.path("id").asInt() + "]], \"fields\": [\"code\", "
                                + "\"product_tmpl_id\", \"product_qty\"]}")
                .ok();
        assertThat(boms.path("total").asInt()).isEqualTo(1);
        long bom = boms.path("records").path(0).path("id").asLong();
        assertThat(boms.path("records").path(0).path("code").asString()).isEqualTo("DESK-01");
        JsonNode created = mcp.call(
                        "create_record",
                        "{\"model\": \"mrp.production\", \"values\": {\"product_id\": 6, "
                                + "\"product_qty\": 3, \"bom_id\": " + bom + "}}")
                .ok();
        long id = created.path("id").asLong();
        assertThat(created.path("name").asString()).startsWith("WH/MO/");
        mcp.call(
                        "call_method",
                        "{\"model\": \"mrp.production\", \"method\": \"action_confirm\", \"ids\": [" + id + "]}")
                .ok();
        assertThat(odoo.callsTo("mrp.production", "action_confirm").get(0).ids())
                .containsExactly(id);
        JsonNode mo = mcp.call("read_records", "{\"model\": \"mrp.production\", \"ids\": [" + id + "]}")
                .ok()
                .path("records")
                .path(0);
        assertThat(mo.path("state").asString()).isEqualTo("confirmed");
        assertThat(mo.path("product_id").path("name").asString()).isEqualTo("[FURN_7800] Desk Combination");
        assertThat(mo.path("bom_id").path("id").asLong()).isEqualTo(bom);
        assertThat(mo.path("product_qty").asDouble()).isEqualTo(3.0);
    }

    private static double quantity(JsonNode aggregate, int productId) {
        for (JsonNode group : aggregate.path("groups")) {
            if (group.path("product_id").path("id").asInt() == productId) {
                return group.path("quantity:sum").asDouble();
            }
        }
        throw new AssertionError("no product " + productId + " in " + aggregate);
    }
}
