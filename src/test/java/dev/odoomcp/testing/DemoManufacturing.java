package dev.odoomcp.testing;

import static dev.odoomcp.testing.FakeOdooDatasets.rec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Bills of materials and manufacturing orders of the demo company. */
final class DemoManufacturing {

    private DemoManufacturing() {}

    static void define(DatabaseSpec spec) {
        spec.model(
                "mrp.bom.line",
                "Bill of Material Line",
                m -> m.field(FieldSpec.of("bom_id", "many2one")
                                .relation("mrp.bom")
                                .string("Parent BoM")
                                .asRequired())
                        .field(FieldSpec.of("product_id", "many2one")
                                .relation("product.product")
                                .string("Component")
                                .asRequired())
                        .field(FieldSpec.of("product_qty", "float")
                                .string("Quantity")
                                .defaultValue(1.0)));
        spec.model(
                "mrp.bom",
                "Bill of Material",
                m -> m.field(FieldSpec.of("product_tmpl_id", "many2one")
                                .relation("product.template")
                                .string("Product")
                                .asRequired())
                        .field(FieldSpec.of("product_id", "many2one")
                                .relation("product.product")
                                .string("Product Variant"))
                        .field(FieldSpec.of("product_qty", "float")
                                .string("Quantity")
                                .defaultValue(1.0))
                        .field(FieldSpec.of("code", "char").string("Reference"))
                        .field(FieldSpec.of("type", "selection")
                                .string("BoM Type")
                                .selection("normal", "Manufacture this product", "phantom", "Kit")
                                .defaultValue("normal"))
                        .field(FieldSpec.of("bom_line_ids", "one2many")
                                .relation("mrp.bom.line")
                                .inverse("bom_id")
                                .string("BoM Lines"))
                        .field(FieldSpec.of("active", "boolean").defaultValue(true))
                        .displayName(r -> r.browse("product.template", List.of((Long) r.get("product_tmpl_id")))
                                        .get("name")
                                + (r.get("code") instanceof String c ? " (" + c + ")" : ""))
                        .record(rec(
                                "id",
                                1,
                                "product_tmpl_id",
                                6,
                                "product_id",
                                6,
                                "code",
                                "DESK-01",
                                "bom_line_ids",
                                List.of(component(7, 4), component(8, 16), component(10, 1))))
                        .record(rec(
                                "id",
                                2,
                                "product_tmpl_id",
                                5,
                                "product_id",
                                5,
                                "bom_line_ids",
                                List.of(component(9, 1), component(8, 8)))));
        AtomicLong sequence = new AtomicLong();
        Supplier<String> nextName = () -> String.format("WH/MO/%05d", sequence.incrementAndGet());
        spec.model(
                "mrp.production",
                "Production Order",
                m -> m.field(FieldSpec.of("name", "char")
                                .string("Reference")
                                .asRequired()
                                .defaultValue(nextName))
                        .field(FieldSpec.of("product_id", "many2one")
                                .relation("product.product")
                                .string("Product")
                                .asRequired())
                        .field(FieldSpec.of("product_qty", "float")
                                .string("Quantity To Produce")
                                .asRequired()
                                .defaultValue(1.0))
                        .field(FieldSpec.of("bom_id", "many2one")
                                .relation("mrp.bom")
                                .string("Bill of Material"))
                        .field(FieldSpec.of("state", "selection")
                                .string("State")
                                .asReadonly()
                                .selection(
                                        "draft",
                                        "Draft",
                                        "confirmed",
                                        "Confirmed",
                                        "progress",
                                        "In Progress",
                                        "to_close",
                                        "To Close",
                                        "done",
                                        "Done",
                                        "cancel",
                                        "Cancelled")
                                .defaultValue("draft"))
                        .field(FieldSpec.of("date_start", "datetime").string("Start"))
                        .field(FieldSpec.of("user_id", "many2one")
                                .relation("res.users")
                                .string("Responsible")
                                .defaultValue(2L))
                        .field(FieldSpec.of("origin", "char").string("Source"))
                        .field(FieldSpec.of("company_id", "many2one")
                                .relation("res.company")
                                .defaultValue(1L))
                        .order("date_start desc, id desc")
                        .method(
                                "action_confirm",
                                (r, kw) -> DemoOperations.transition(r, List.of("draft"), "confirmed", true))
                        .record(rec(
                                "product_id",
                                6,
                                "product_qty",
                                5.0,
                                "bom_id",
                                1,
                                "state",
                                "confirmed",
                                "date_start",
                                "2026-11-20 08:00:00"))
                        .record(rec(
                                "product_id",
                                5,
                                "product_qty",
                                12.0,
                                "bom_id",
                                2,
                                "state",
                                "draft",
                                "date_start",
                                "2026-11-25 08:00:00")));
    }

    private static List<Object> component(long product, double qty) {
        return List.of(0L, 0L, Map.of("product_id", product, "product_qty", qty));
    }
}
