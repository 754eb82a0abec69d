package dev.odoomcp.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ready-made, realistic Odoo databases for tool tests and benchmarks: a furniture company with
 * contacts, products, stock, purchases, sales, manufacturing, projects and timesheets, ids and
 * names close to Odoo's demo data. Emails and the company name carry the database name, so
 * tenant-isolation tests can tell databases apart.
 *
 * <pre>{@code
 * FakeOdoo.builder().version("18.0")
 *         .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", "key-acme"))
 *         .database("globex", FakeOdooDatasets.demoCompany("globex", "admin", "key-globex"))
 *         .start();
 * }</pre>
 */
public final class FakeOdooDatasets {

    /** Group the admin user has and {@code ir.config_parameter} requires. */
    public static final String SETTINGS_GROUP = "Administration/Settings";

    private FakeOdooDatasets() {}

    /**
     * The demo company for database {@code db}: user {@code login} (uid 2, "Mitchell Admin",
     * group {@link #SETTINGS_GROUP}) with API key {@code key}. Add more users with
     * {@link DatabaseSpec#user(UserSpec)}.
     */
    public static Consumer<DatabaseSpec> demoCompany(String db, String login, String key) {
        return spec -> {
            spec.user(UserSpec.of(login, key, 2).name("Mitchell Admin").groups(SETTINGS_GROUP));
            base(spec, db);
            partners(spec, db);
            DemoCatalog.define(spec);
            DemoOperations.define(spec);
        };
    }

    /**
     * The mail side of the demo company for Odoo {@code major}: chatter messages, activities and their
     * types, attachments, PDF reports and invoices (see {@link DemoChatter}). Add it to
     * {@link #demoCompany}: {@code demoCompany(db, login, key).andThen(chatter(18))}.
     */
    public static Consumer<DatabaseSpec> chatter(int major) {
        return spec -> DemoChatter.define(spec, major);
    }

    /**
     * A database with nothing but {@code count} contacts (name and email) and user {@code login}
     * (uid 2) with API key {@code key}: for tests of the bridge's own behaviour (metrics, logs,
     * scale-out) that need a real tool call, not business data.
     */
    public static Consumer<DatabaseSpec> contacts(String login, String key, int count) {
        return spec -> {
            spec.user(UserSpec.of(login, key, 2).name("Mitchell Admin"));
            spec.model("res.partner", "Contact", m -> {
                m.field(FieldSpec.of("name", "char").string("Name").asRequired())
                        .field(FieldSpec.of("email", "char").string("Email"));
                for (int i = 1; i <= count; i++) {
                    m.record(rec("name", "Contact " + i, "email", "contact" + i + "@example.com"));
                }
            });
        };
    }

    private static void base(DatabaseSpec spec, String db) {
        spec.model(
                "res.country",
                "Country",
                m -> m.field(FieldSpec.of("name", "char").string("Country Name").asRequired())
                        .field(FieldSpec.of("code", "char").string("Country Code"))
                        .record(rec("id", 233, "name", "United States", "code", "US"))
                        .record(rec("id", 21, "name", "Belgium", "code", "BE")));
        spec.model(
                "res.company",
                "Companies",
                m -> m.field(FieldSpec.of("name", "char").string("Company Name").asRequired())
                        .field("partner_id", "many2one", "res.partner")
                        .field("email", "char")
                        .record(rec(
                                "id",
                                1,
                                "name",
                                "My Company (" + db + ")",
                                "partner_id",
                                1,
                                "email",
                                "info@" + domain(db))));
        spec.model(
                "res.users",
                "User",
                m -> m.field(FieldSpec.of("name", "char").asRequired())
                        .field(FieldSpec.of("login", "char").asRequired().help("Used to log into the system"))
                        .field(FieldSpec.of("partner_id", "many2one")
                                .relation("res.partner")
                                .string("Related Partner"))
                        .field("company_id", "many2one", "res.company")
                        .field(FieldSpec.of("company_ids", "many2many")
                                .relation("res.company")
                                .string("Companies"))
                        .field(FieldSpec.of("active", "boolean").defaultValue(true))
                        .record(rec(
                                "id",
                                2,
                                "name",
                                "Mitchell Admin",
                                "login",
                                "admin",
                                "partner_id",
                                3,
                                "company_id",
                                1,
                                "company_ids",
                                List.of(1)))
                        .record(rec(
                                "id",
                                6,
                                "name",
                                "Marc Demo",
                                "login",
                                "demo",
                                "partner_id",
                                7,
                                "company_id",
                                1,
                                "company_ids",
                                List.of(1))));
        spec.model(
                "ir.config_parameter",
                "System Parameter",
                m -> m.field(FieldSpec.of("key", "char").asRequired())
                        .field(FieldSpec.of("value", "text").asRequired())
                        .displayName(r -> (String) r.get("key"))
                        .restrictRead(SETTINGS_GROUP)
                        .restrictWrite(SETTINGS_GROUP)
                        .record(rec("key", "web.base.url", "value", "https://" + domain(db))));
    }

    private static void partners(DatabaseSpec spec, String db) {
        spec.model("res.partner", "Contact", m -> {
            m.field(FieldSpec.of("name", "char").string("Name"))
                    .field(FieldSpec.of("email", "char").string("Email"))
                    .field(FieldSpec.of("phone", "char").string("Phone"))
                    .field(FieldSpec.of("is_company", "boolean")
                            .string("Is a Company")
                            .help("Check if the contact is a company, otherwise it is a person"))
                    .field(FieldSpec.of("company_type", "selection")
                            .string("Company Type")
                            .selection("person", "Individual", "company", "Company")
                            .defaultValue("person"))
                    .field(FieldSpec.of("type", "selection")
                            .string("Address Type")
                            .selection(
                                    "contact",
                                    "Contact",
                                    "invoice",
                                    "Invoice",
                                    "delivery",
                                    "Delivery",
                                    "other",
                                    "Other")
                            .defaultValue("contact"))
                    .field(FieldSpec.of("parent_id", "many2one")
                            .relation("res.partner")
                            .string("Related Company"))
                    .field(FieldSpec.of("child_ids", "one2many")
                            .relation("res.partner")
                            .inverse("parent_id")
                            .string("Contact"))
                    .field(FieldSpec.of("country_id", "many2one")
                            .relation("res.country")
                            .string("Country"))
                    .field(FieldSpec.of("city", "char"))
                    .field(FieldSpec.of("vat", "char").string("Tax ID"))
                    .field(FieldSpec.of("company_id", "many2one")
                            .relation("res.company")
                            .string("Company"))
                    .field(FieldSpec.of("supplier_rank", "integer"))
                    .field(FieldSpec.of("customer_rank", "integer"))
                    .field(FieldSpec.of("image_128", "binary").string("Image 128"))
                    .field(FieldSpec.of("active", "boolean").defaultValue(true))
                    .order("display_name, id desc")
                    .check("name", "Contacts require a name")
                    .displayName(FakeOdooDatasets::partnerName)
                    .method("onchange_company_type", (records, kwargs) -> {
                        for (long id : records.ids()) {
                            boolean company = "company".equals(records.get(id, "company_type"));
                            records.browse("res.partner", List.of(id)).write(Map.of("is_company", company));
                        }
                        return null;
                    });
            String d = domain(db);
            company(m, 1, "My Company (" + db + ")", "info@" + d, 0, 0).put("image_128", PIXEL_PNG);
            company(m, 9, "Wood Corner", "wood.corner@" + d, 3, 0);
            company(m, 10, "Deco Addict", "deco.addict@" + d, 0, 4);
            company(m, 11, "Gemini Furniture", "gemini@" + d, 0, 2);
            company(m, 12, "Ready Mat", "ready.mat@" + d, 1, 1);
            company(m, 14, "Lumber Inc", "lumber@" + d, 2, 0);
            company(m, 15, "Azure Interior", "azure.interior@" + d, 1, 3);
            person(m, 3, "Mitchell Admin", null, "admin@" + d);
            person(m, 7, "Marc Demo", null, "mark.brown23@" + d);
            person(m, 17, "Willie Burke", 9L, "willie.burke@" + d);
            person(m, 18, "Ron Gibson", 9L, "ron.gibson@" + d);
            person(m, 19, "Douglas Fletcher", 10L, "douglas.fletcher@" + d);
            person(m, 20, "Floyd Steward", 10L, "floyd.steward@" + d);
            person(m, 27, "Brandon Freeman", 15L, "brandon.freeman@" + d);
            person(m, 28, "Nicole Ford", 15L, "nicole.ford@" + d);
            person(m, 34, "Colleen Diaz", 15L, "colleen.diaz@" + d);
            person(m, 40, "Chester Reed", 1L, "chester.reed@" + d);
            person(m, 41, "Dwayne Newman", 1L, "dwayne.newman@" + d);
        });
    }

    private static Map<String, Object> company(
            ModelSpec m, long id, String name, String email, int supplierRank, int customerRank) {
        Map<String, Object> r = rec(
                "id",
                id,
                "name",
                name,
                "email",
                email,
                "is_company",
                true,
                "company_type",
                "company",
                "country_id",
                233,
                "city",
                "San Francisco",
                "company_id",
                1,
                "supplier_rank",
                supplierRank,
                "customer_rank",
                customerRank);
        m.record(r);
        return m.records().get(m.records().size() - 1);
    }

    private static void person(ModelSpec m, long id, String name, Long parent, String email) {
        Map<String, Object> r = rec("id", id, "name", name, "email", email, "country_id", 233, "company_id", 1);
        if (parent != null) {
            r.put("parent_id", parent);
        }
        m.record(r);
    }

    /** Odoo's partner display name: "Company, Person" for a person with a parent company. */
    private static String partnerName(FakeRecords r) {
        Object parent = r.get("parent_id");
        String name = r.get("name") instanceof String s ? s : "";
        if (parent instanceof Long p && !Boolean.TRUE.equals(r.get("is_company"))) {
            return r.browse("res.partner", List.of(p)).get("name") + ", " + name;
        }
        return name;
    }

    static String domain(String db) {
        return db.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + ".example.com";
    }

    /** A record from alternating keys and values; ints become longs as on the wire. */
    static Map<String, Object> rec(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            out.put((String) kv[i], v instanceof Integer n ? (Object) n.longValue() : v);
        }
        return out;
    }

    /** A 1×1 transparent PNG, base64: what a binary image field reads as. */
    static final String PIXEL_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
}
