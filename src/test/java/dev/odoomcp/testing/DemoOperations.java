package dev.odoomcp.testing;

import static dev.odoomcp.testing.FakeOdooDatasets.rec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Purchases, sales, manufacturing, projects, employees and timesheets of the demo company. */
final class DemoOperations {

    private DemoOperations() {}

    static void define(DatabaseSpec spec) {
        orders(
                spec,
                "purchase.order",
                "Purchase Order",
                "P",
                "purchase.order.line",
                "product_qty",
                List.of(
                        "draft",
                        "RFQ",
                        "sent",
                        "RFQ Sent",
                        "to approve",
                        "To Approve",
                        "purchase",
                        "Purchase Order",
                        "done",
                        "Locked",
                        "cancel",
                        "Cancelled"));
        orders(
                spec,
                "sale.order",
                "Sales Order",
                "S",
                "sale.order.line",
                "product_uom_qty",
                List.of("draft", "Quotation", "sent", "Quotation Sent", "sale", "Sales Order", "cancel", "Cancelled"));
        spec.model(
                "purchase.order",
                m -> m.field(FieldSpec.of("date_planned", "datetime").string("Expected Arrival"))
                        .method("button_confirm", (r, kw) -> transition(r, List.of("draft", "sent"), "purchase", true))
                        .method(
                                "button_cancel",
                                (r, kw) -> transition(
                                        r, List.of("draft", "sent", "to approve", "purchase"), "cancel", null))
                        .record(rec(
                                "id",
                                1,
                                "partner_id",
                                9,
                                "state",
                                "purchase",
                                "date_order",
                                "2026-11-02 09:00:00",
                                "order_line",
                                List.of(pline(7, 40, 12.5), pline(8, 500, 0.5))))
                        .record(rec(
                                "id",
                                2,
                                "partner_id",
                                14,
                                "state",
                                "draft",
                                "date_order",
                                "2026-11-20 10:30:00",
                                "order_line",
                                List.of(pline(9, 25, 20.0))))
                        .record(rec(
                                "id",
                                3,
                                "partner_id",
                                15,
                                "state",
                                "sent",
                                "date_order",
                                "2026-11-22 14:00:00",
                                "order_line",
                                List.of(pline(10, 10, 35.0), pline(7, 15, 12.0)))));
        spec.model(
                "sale.order",
                m -> m.method("action_confirm", (r, kw) -> transition(r, List.of("draft", "sent"), "sale", true))
                        .record(rec(
                                "id",
                                1,
                                "partner_id",
                                10,
                                "state",
                                "sale",
                                "date_order",
                                "2026-10-05 08:00:00",
                                "order_line",
                                List.of(sline(1, 2, 885.0), sline(5, 4, 70.0))))
                        .record(rec(
                                "id",
                                2,
                                "partner_id",
                                15,
                                "state",
                                "draft",
                                "date_order",
                                "2026-11-12 11:00:00",
                                "order_line",
                                List.of(sline(6, 1, 450.0))))
                        .record(rec(
                                "id",
                                3,
                                "partner_id",
                                11,
                                "state",
                                "sent",
                                "date_order",
                                "2026-11-18 16:00:00",
                                "order_line",
                                List.of(sline(3, 3, 320.0))))
                        .record(rec(
                                "id",
                                4,
                                "partner_id",
                                12,
                                "state",
                                "sale",
                                "date_order",
                                "2026-11-21 09:15:00",
                                "order_line",
                                List.of(sline(2, 10, 15.8), sline(4, 5, 47.0)))));
        DemoProjects.define(spec);
    }

    /** An order model with lines, a per-database sequence for names and a computed total. */
    private static void orders(
            DatabaseSpec spec,
            String model,
            String label,
            String prefix,
            String lineModel,
            String qtyField,
            List<String> states) {
        AtomicLong sequence = new AtomicLong();
        Supplier<String> nextName = () -> prefix + String.format("%05d", sequence.incrementAndGet());
        spec.model(
                lineModel,
                label + " Line",
                m -> m.field(FieldSpec.of("order_id", "many2one")
                                .relation(model)
                                .string("Order Reference")
                                .asRequired())
                        .field(FieldSpec.of("product_id", "many2one")
                                .relation("product.product")
                                .string("Product"))
                        .field(FieldSpec.of("name", "text").string("Description"))
                        .field(FieldSpec.of(qtyField, "float")
                                .string("Quantity")
                                .defaultValue(1.0))
                        .field(FieldSpec.of("price_unit", "float").string("Unit Price"))
                        .compute(
                                FieldSpec.of("price_subtotal", "monetary")
                                        .string("Subtotal")
                                        .asReadonly(),
                                r -> DemoCatalog.number(r.get(qtyField)) * DemoCatalog.number(r.get("price_unit")))
                        .displayName(r -> r.get("order_id") instanceof Long o
                                ? r.browse(model, List.of(o)).get("name") + " - " + r.get("name")
                                : (String) r.get("name")));
        spec.model(
                model,
                label,
                m -> m.field(FieldSpec.of("name", "char")
                                .string("Order Reference")
                                .asRequired()
                                .defaultValue(nextName))
                        .field(FieldSpec.of("partner_id", "many2one")
                                .relation("res.partner")
                                .string(model.startsWith("purchase") ? "Vendor" : "Customer")
                                .asRequired())
                        .field(FieldSpec.of("date_order", "datetime").string("Order Date"))
                        .field(FieldSpec.of("state", "selection")
                                .string("Status")
                                .asReadonly()
                                .selection(states.toArray(String[]::new))
                                .defaultValue("draft"))
                        .field(FieldSpec.of("order_line", "one2many")
                                .relation(lineModel)
                                .inverse("order_id")
                                .string("Order Lines"))
                        .compute(
                                FieldSpec.of("amount_total", "monetary")
                                        .string("Total")
                                        .asReadonly(),
                                r -> total(r))
                        .field(FieldSpec.of("user_id", "many2one")
                                .relation("res.users")
                                .string("Responsible")
                                .defaultValue(2L))
                        .field(FieldSpec.of("company_id", "many2one")
                                .relation("res.company")
                                .string("Company")
                                .defaultValue(1L))
                        .field(FieldSpec.of("notes", "html").string("Terms and Conditions"))
                        .order("date_order desc, id desc"));
    }

    private static double total(FakeRecords order) {
        double sum = 0;
        @SuppressWarnings("unchecked")
        List<Long> lines = (List<Long>) order.get("order_line");
        String lineModel = order.model() + ".line";
        for (long line : lines) {
            sum += DemoCatalog.number(order.browse(lineModel, List.of(line)).get("price_subtotal"));
        }
        return Math.round(sum * 100) / 100.0;
    }

    private static List<Object> pline(long product, double qty, double price) {
        return List.of(0L, 0L, Map.of("product_id", product, "product_qty", qty, "price_unit", price));
    }

    private static List<Object> sline(long product, double qty, double price) {
        return List.of(0L, 0L, Map.of("product_id", product, "product_uom_qty", qty, "price_unit", price));
    }

    /** Moves orders to {@code target} from one of {@code from}, like Odoo's confirm buttons. */
    static Object transition(FakeRecords records, List<String> from, String target, Object result) {
        for (long id : records.ids()) {
            if (!from.contains(String.valueOf(records.get(id, "state")))) {
                throw FakeMethod.userError("Unable to change the state of " + records.get(id, "name") + ": it is "
                        + records.get(id, "state") + ".");
            }
        }
        records.write(Map.of("state", target));
        return result;
    }
}
