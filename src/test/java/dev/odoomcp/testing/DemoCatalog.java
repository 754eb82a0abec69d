package dev.odoomcp.testing;

import static dev.odoomcp.testing.FakeOdooDatasets.rec;

/** Products, units, categories, warehouses, locations and stock quants of the demo company. */
final class DemoCatalog {

    private DemoCatalog() {}

    static void define(DatabaseSpec spec) {
        spec.model(
                "uom.uom",
                "Product Unit of Measure",
                m -> m.field(FieldSpec.of("name", "char").string("Unit").asRequired())
                        .record(rec("id", 1, "name", "Units"))
                        .record(rec("id", 12, "name", "kg")));
        spec.model(
                "product.category",
                "Product Category",
                m -> m.field(FieldSpec.of("name", "char").asRequired())
                        .field(FieldSpec.of("parent_id", "many2one")
                                .relation("product.category")
                                .string("Parent Category"))
                        .displayName(r -> r.get("parent_id") instanceof Long p
                                ? r.browse("product.category", java.util.List.of(p))
                                                .get("name") + " / " + r.get("name")
                                : (String) r.get("name"))
                        .record(rec("id", 1, "name", "All"))
                        .record(rec("id", 2, "name", "Office Furniture", "parent_id", 1))
                        .record(rec("id", 3, "name", "Raw Materials", "parent_id", 1)));
        products(spec);
        stock(spec);
    }

    private static void products(DatabaseSpec spec) {
        String[][] catalog = {
            // code, name, category, sale price, cost
            {"FURN_0789", "Individual Workplace", "2", "885.0", "876.0"},
            {"E-COM08", "Storage Box", "2", "15.8", "14.0"},
            {"E-COM07", "Large Cabinet", "2", "320.0", "800.0"},
            {"E-COM10", "Pedal Bin", "2", "47.0", "10.0"},
            {"FURN_8888", "Office Chair", "2", "70.0", "55.0"},
            {"FURN_7800", "Desk Combination", "2", "450.0", "300.0"},
            {"RM_WOOD", "Wood Panel", "3", "0.0", "12.5"},
            {"RM_SCREW", "Bolt", "3", "0.0", "0.5"},
            {"RM_PLY", "Plywood Sheet", "3", "0.0", "20.0"},
            {"RM_STEEL", "Steel Frame", "3", "0.0", "35.0"},
        };
        spec.model("product.template", "Product", m -> {
            productFields(m);
            for (int i = 0; i < catalog.length; i++) {
                m.record(productRecord(i + 1, catalog[i]));
            }
        });
        spec.model("product.product", "Product Variant", m -> {
            productFields(m);
            m.field(FieldSpec.of("product_tmpl_id", "many2one")
                            .relation("product.template")
                            .string("Product Template")
                            .asRequired())
                    .field(FieldSpec.of("barcode", "char"))
                    .compute(
                            FieldSpec.of("qty_available", "float")
                                    .string("Quantity On Hand")
                                    .computed(),
                            DemoCatalog::onHand)
                    .displayName(r -> r.get("default_code") instanceof String code
                            ? "[" + code + "] " + r.get("name")
                            : (String) r.get("name"));
            for (int i = 0; i < catalog.length; i++) {
                java.util.Map<String, Object> r = productRecord(i + 1, catalog[i]);
                r.put("product_tmpl_id", (long) i + 1);
                m.record(r);
            }
        });
    }

    private static void productFields(ModelSpec m) {
        m.field(FieldSpec.of("name", "char").asRequired())
                .field(FieldSpec.of("default_code", "char").string("Internal Reference"))
                .field(FieldSpec.of("categ_id", "many2one")
                        .relation("product.category")
                        .string("Product Category"))
                .field(FieldSpec.of("type", "selection")
                        .string("Product Type")
                        .selection("consu", "Goods", "service", "Service", "combo", "Combo")
                        .defaultValue("consu"))
                .field(FieldSpec.of("is_storable", "boolean")
                        .string("Track Inventory")
                        .defaultValue(true))
                .field(FieldSpec.of("list_price", "float")
                        .string("Sales Price")
                        .help("Price at which the product is sold to customers."))
                .field(FieldSpec.of("standard_price", "float")
                        .string("Cost")
                        .help("Value of the product (automatically computed in AVCO)."))
                .field(FieldSpec.of("uom_id", "many2one")
                        .relation("uom.uom")
                        .string("Unit")
                        .defaultValue(1L))
                .field(FieldSpec.of("sale_ok", "boolean").string("Sales").defaultValue(true))
                .field(FieldSpec.of("purchase_ok", "boolean").string("Purchase").defaultValue(true))
                .field(FieldSpec.of("active", "boolean").defaultValue(true));
    }

    private static java.util.Map<String, Object> productRecord(long id, String[] p) {
        return rec(
                "id",
                id,
                "default_code",
                p[0],
                "name",
                p[1],
                "categ_id",
                Long.parseLong(p[2]),
                "list_price",
                Double.parseDouble(p[3]),
                "standard_price",
                Double.parseDouble(p[4]),
                "sale_ok",
                !p[2].equals("3"));
    }

    private static void stock(DatabaseSpec spec) {
        spec.model(
                "stock.location",
                "Inventory Locations",
                m -> m.field(FieldSpec.of("name", "char")
                                .string("Location Name")
                                .asRequired())
                        .field(FieldSpec.of("complete_name", "char").string("Full Location Name"))
                        .field(FieldSpec.of("usage", "selection")
                                .string("Location Type")
                                .asRequired()
                                .selection(
                                        "supplier",
                                        "Vendor",
                                        "view",
                                        "Virtual",
                                        "internal",
                                        "Internal",
                                        "customer",
                                        "Customer",
                                        "inventory",
                                        "Inventory Loss",
                                        "production",
                                        "Production",
                                        "transit",
                                        "Transit")
                                .defaultValue("internal"))
                        .field(FieldSpec.of("location_id", "many2one")
                                .relation("stock.location")
                                .string("Parent Location"))
                        .field(FieldSpec.of("warehouse_id", "many2one")
                                .relation("stock.warehouse")
                                .string("Warehouse"))
                        .field(FieldSpec.of("active", "boolean").defaultValue(true))
                        .displayName(r -> (String) r.get("complete_name"))
                        .order("complete_name, id")
                        .record(rec(
                                "id", 4, "name", "Vendors", "complete_name", "Partners/Vendors", "usage", "supplier"))
                        .record(rec(
                                "id",
                                5,
                                "name",
                                "Customers",
                                "complete_name",
                                "Partners/Customers",
                                "usage",
                                "customer"))
                        .record(rec("id", 7, "name", "WH", "complete_name", "WH", "usage", "view", "warehouse_id", 1))
                        .record(rec(
                                "id",
                                8,
                                "name",
                                "Stock",
                                "complete_name",
                                "WH/Stock",
                                "location_id",
                                7,
                                "warehouse_id",
                                1))
                        .record(rec(
                                "id",
                                15,
                                "name",
                                "Production",
                                "complete_name",
                                "Virtual Locations/Production",
                                "usage",
                                "production"))
                        .record(rec(
                                "id", 20, "name", "EDP", "complete_name", "EDP", "usage", "view", "warehouse_id", 2))
                        .record(rec(
                                "id",
                                21,
                                "name",
                                "Stock",
                                "complete_name",
                                "EDP/Stock",
                                "location_id",
                                20,
                                "warehouse_id",
                                2)));
        spec.model(
                "stock.warehouse",
                "Warehouse",
                m -> m.field(FieldSpec.of("name", "char").string("Warehouse").asRequired())
                        .field(FieldSpec.of("code", "char")
                                .string("Short Name")
                                .asRequired()
                                .help("Short name used to identify your warehouse"))
                        .field(FieldSpec.of("lot_stock_id", "many2one")
                                .relation("stock.location")
                                .string("Location Stock"))
                        .field("company_id", "many2one", "res.company")
                        .field(FieldSpec.of("active", "boolean").defaultValue(true))
                        .record(rec("id", 1, "name", "Main Store", "code", "WH", "lot_stock_id", 8, "company_id", 1))
                        .record(rec(
                                "id", 2, "name", "East Depot", "code", "EDP", "lot_stock_id", 21, "company_id", 1)));
        spec.model("stock.quant", "Quants", m -> {
            m.field(FieldSpec.of("product_id", "many2one")
                            .relation("product.product")
                            .string("Product")
                            .asRequired())
                    .field(FieldSpec.of("location_id", "many2one")
                            .relation("stock.location")
                            .string("Location")
                            .asRequired())
                    .field(FieldSpec.of("warehouse_id", "many2one")
                            .relation("stock.warehouse")
                            .string("Warehouse"))
                    .field(FieldSpec.of("quantity", "float")
                            .string("Quantity")
                            .help("Quantity of products in this quant, in the default unit of measure of the product"))
                    .field(FieldSpec.of("reserved_quantity", "float").string("Reserved Quantity"))
                    .compute(
                            FieldSpec.of("available_quantity", "float")
                                    .string("Available Quantity")
                                    .computed(),
                            r -> number(r.get("quantity")) - number(r.get("reserved_quantity")))
                    .field("company_id", "many2one", "res.company");
            double[][] quants = {
                // product, location, warehouse, qty, reserved
                {1, 8, 1, 16, 0},
                {2, 8, 1, 18, 0},
                {3, 8, 1, 500, 230},
                {4, 8, 1, 22, 0},
                {5, 8, 1, 40, 4},
                {7, 8, 1, 120, 0},
                {8, 8, 1, 2000, 150},
                {9, 8, 1, 35, 0},
                {10, 8, 1, 12, 0},
                {5, 21, 2, 15, 0},
                {6, 21, 2, 8, 2},
                {7, 21, 2, 60, 0},
                {9, 21, 2, 4, 0},
            };
            for (double[] q : quants) {
                m.record(rec(
                        "product_id",
                        (long) q[0],
                        "location_id",
                        (long) q[1],
                        "warehouse_id",
                        (long) q[2],
                        "quantity",
                        q[3],
                        "reserved_quantity",
                        q[4],
                        "company_id",
                        1));
            }
        });
    }

    /** Quantity in internal locations, summed over quants, like Odoo's {@code qty_available}. */
    private static Object onHand(FakeRecords product) {
        FakeRecords quants = product.browse("stock.quant", java.util.List.of());
        double total = 0;
        for (long q : quants.search(java.util.List.of(
                java.util.List.of("product_id", "=", product.ids().get(0)),
                java.util.List.of("location_id.usage", "=", "internal")))) {
            total += number(quants.get(q, "quantity"));
        }
        return total;
    }

    static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }
}
