package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadGroupsTests {

    private static FakeDatabase database(String version) {
        DatabaseSpec spec = new DatabaseSpec("acme");
        spec.user("admin", "k", 2);
        spec.model(
                "res.partner",
                m -> m.field("name", "char")
                        .record(Map.of("id", 1L, "name", "Zeta"))
                        .record(Map.of("id", 2L, "name", "Alpha")));
        spec.model(
                "sale.order",
                m -> m.selection("state", "draft", "Quotation", "sale", "Sales Order")
                        .field("partner_id", "many2one", "res.partner")
                        .field("date_order", "datetime")
                        .field("amount_total", "float")
                        .field("qty", "integer")
                        .record(Map.of(
                                "state",
                                "sale",
                                "partner_id",
                                1L,
                                "date_order",
                                "2026-10-05 08:00:00",
                                "amount_total",
                                100.0,
                                "qty",
                                1L))
                        .record(Map.of(
                                "state",
                                "draft",
                                "partner_id",
                                2L,
                                "date_order",
                                "2026-11-12 11:00:00",
                                "amount_total",
                                50.5,
                                "qty",
                                2L))
                        .record(Map.of(
                                "state",
                                "sale",
                                "partner_id",
                                2L,
                                "date_order",
                                "2026-11-20 09:00:00",
                                "amount_total",
                                25.0,
                                "qty",
                                3L))
                        .record(Map.of("state", "sale", "amount_total", 1.0, "qty", 4L)));
        return new FakeDatabase(spec, OdooVersion.parse(version));
    }

    private static Object call(FakeDatabase db, String method, Map<String, Object> kwargs) {
        Methods.MethodDef def = Methods.resolve(db, "sale.order", method);
        Map<String, Object> args = Methods.bind(def, List.of(), kwargs, Methods.Binding.CALL);
        return Methods.run(
                def, db.orm(), db.table("sale.order"), db.userByUid(2).orElseThrow(), List.of(), args);
    }

    @Test
    void readGroupGivesCountsSumsAndDomainsPerGroup() {
        Object result = call(
                database("18.0"),
                "read_group",
                Map.of(
                        "domain",
                        List.of(),
                        "fields",
                        List.of("amount_total:sum", "qty"),
                        "groupby",
                        List.of("state"),
                        "lazy",
                        false));
        assertThat(result)
                .isEqualTo(List.of(
                        Map.of(
                                "state",
                                "draft",
                                "__count",
                                1L,
                                "amount_total",
                                50.5,
                                "qty",
                                2L,
                                "__domain",
                                List.of(List.of("state", "=", "draft"))),
                        Map.of(
                                "state",
                                "sale",
                                "__count",
                                3L,
                                "amount_total",
                                126.0,
                                "qty",
                                8L,
                                "__domain",
                                List.of(List.of("state", "=", "sale")))));
    }

    @Test
    void lazyReadGroupCountsPerFirstGroupbyAndNamesRelationsAndMonths() {
        List<?> result = (List<?>) call(
                database("18.0"),
                "read_group",
                Map.of(
                        "domain",
                        List.of(List.of("state", "=", "sale")),
                        "fields",
                        List.of("amount_total:sum"),
                        "groupby",
                        List.of("date_order:month", "partner_id")));
        assertThat(result).hasSize(3);
        Map<?, ?> october = (Map<?, ?>) result.get(0);
        assertThat(october.get("date_order:month")).isEqualTo("October 2026");
        assertThat(october.get("date_order_count")).isEqualTo(1L);
        assertThat(october.get("__range"))
                .isEqualTo(
                        Map.of("date_order:month", Map.of("from", "2026-10-01 00:00:00", "to", "2026-11-01 00:00:00")));
        assertThat(october.get("__context")).isEqualTo(Map.of("group_by", List.of("partner_id")));
        assertThat(october.get("__domain"))
                .isEqualTo(List.of(
                        "&",
                        "&",
                        List.of("date_order", ">=", "2026-10-01 00:00:00"),
                        List.of("date_order", "<", "2026-11-01 00:00:00"),
                        List.of("state", "=", "sale")));
        assertThat(((Map<?, ?>) result.get(2)).get("date_order:month")).isEqualTo(false);

        List<?> byPartner = (List<?>) call(
                database("18.0"),
                "read_group",
                Map.of("domain", List.of(), "fields", List.of("amount_total:sum"), "groupby", "partner_id"));
        assertThat(byPartner.stream()
                        .map(g -> ((Map<?, ?>) g).get("partner_id"))
                        .toList())
                .isEqualTo(List.of(List.of(2L, "Alpha"), List.of(1L, "Zeta"), false));
    }

    @Test
    void formattedReadGroupUsesAggregateKeysAndExtraDomains() {
        Object result = call(
                database("19.0"),
                "formatted_read_group",
                Map.of(
                        "domain",
                        List.of(),
                        "groupby",
                        List.of("date_order:month"),
                        "aggregates",
                        List.of("amount_total:sum", "__count"),
                        "order",
                        "date_order:month desc"));
        // PostgreSQL puts NULLs first when sorting descending, and so does the fake.
        assertThat(result)
                .isEqualTo(List.of(
                        Map.of(
                                "date_order:month",
                                false,
                                "__extra_domain",
                                List.of(List.of("date_order", "=", false)),
                                "amount_total:sum",
                                1.0,
                                "__count",
                                1L),
                        Map.of(
                                "date_order:month",
                                List.of("2026-11-01 00:00:00", "November 2026"),
                                "__extra_domain",
                                List.of(
                                        "&",
                                        List.of("date_order", ">=", "2026-11-01 00:00:00"),
                                        List.of("date_order", "<", "2026-12-01 00:00:00")),
                                "amount_total:sum",
                                75.5,
                                "__count",
                                2L),
                        Map.of(
                                "date_order:month",
                                List.of("2026-10-01 00:00:00", "October 2026"),
                                "__extra_domain",
                                List.of(
                                        "&",
                                        List.of("date_order", ">=", "2026-10-01 00:00:00"),
                                        List.of("date_order", "<", "2026-11-01 00:00:00")),
                                "amount_total:sum",
                                100.0,
                                "__count",
                                1L)));
        assertThat(call(
                        database("19.0"),
                        "formatted_read_group",
                        Map.of("domain", List.of(), "aggregates", List.of("qty:max"))))
                .isEqualTo(List.of(Map.of("__extra_domain", List.of(List.of(1L, "=", 1L)), "qty:max", 4L)));
    }

    @Test
    void refusesBadSpecsAndIsAbsentBefore184() {
        FakeDatabase db19 = database("19.0");
        assertThatThrownBy(() -> call(
                        db19,
                        "formatted_read_group",
                        Map.of("domain", List.of(), "aggregates", List.of("amount_total"))))
                .hasMessage("Invalid aggregate specification 'amount_total'");
        assertThatThrownBy(() -> call(
                        db19, "formatted_read_group", Map.of("domain", List.of(), "groupby", List.of("date_order"))))
                .hasMessageContaining("Invalid groupby 'date_order'");
        assertThatThrownBy(() -> call(
                        db19, "formatted_read_group", Map.of("domain", List.of(), "aggregates", List.of("nope:sum"))))
                .hasMessage("Invalid field 'nope' on model 'sale.order' for 'nope:sum'.");
        assertThatThrownBy(() -> call(db19, "formatted_read_group", Map.of()))
                .hasMessage("Base.formatted_read_group() missing 1 required positional argument: 'domain'");
        assertThatThrownBy(() -> call(database("18.0"), "formatted_read_group", Map.of()))
                .isInstanceOfSatisfying(
                        OdooFault.class, f -> assertThat(f.kind()).isEqualTo(OdooFault.Kind.UNKNOWN_METHOD));
        assertThat(call(
                        database("saas~18.4"),
                        "formatted_read_group",
                        Map.of("domain", List.of(), "aggregates", List.of("__count"))))
                .isEqualTo(List.of(Map.of("__extra_domain", List.of(List.of(1L, "=", 1L)), "__count", 4L)));
    }
}
