package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritesTests {

    private final FakeDatabase db = new FakeDatabase(spec(), OdooVersion.parse("18.0"));
    private final Orm orm = db.orm();
    private final Table orders = db.table("purchase.order");
    private final Table lines = db.table("purchase.order.line");
    private final Table tags = db.table("res.partner.category");

    private static DatabaseSpec spec() {
        DatabaseSpec spec = new DatabaseSpec("acme");
        spec.model(
                "res.partner.category",
                "Contact Tag",
                m -> m.field("name", "char", true)
                        .record(Map.of("id", 1L, "name", "VIP"))
                        .record(Map.of("id", 2L, "name", "Supplier"))
                        .record(Map.of("id", 3L, "name", "Local")));
        spec.model(
                "purchase.order.line",
                m -> m.field("name", "char")
                        .field("product_qty", "float")
                        .field("order_id", "many2one", "purchase.order"));
        spec.model(
                "purchase.order",
                "Purchase Order",
                m -> m.field("name", "char", true)
                        .selection("state", "draft", "RFQ", "purchase", "Purchase Order")
                        .one2many("order_line", "purchase.order.line", "order_id")
                        .field("tag_ids", "many2many", "res.partner.category")
                        .check("name", "Orders need a reference"));
        return spec;
    }

    @Test
    void createsChildRecordsFromCreateCommands() {
        long id = orm.writes()
                .create(
                        orders,
                        Map.of(
                                "name",
                                "P1",
                                "order_line",
                                List.of(
                                        List.of(0L, 0L, Map.of("name", "Wood", "product_qty", 3L)),
                                        List.of(0L, 0L, Map.of("name", "Screws", "product_qty", 100.0)))));
        List<Long> lineIds = Leaves.asIds(orm.stored(orders, id, "order_line"));
        assertThat(lineIds).hasSize(2);
        assertThat(orm.read(lines, lineIds, List.of("name", "product_qty", "order_id")))
                .extracting(r -> r.get("name"), r -> r.get("product_qty"), r -> r.get("order_id"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Wood", 3.0, List.of(id, "P1")),
                        org.assertj.core.groups.Tuple.tuple("Screws", 100.0, List.of(id, "P1")));
    }

    @Test
    void appliesLinkReplaceUnlinkAndClearCommandsOnMany2many() {
        long id =
                orm.writes().create(orders, Map.of("name", "P1", "tag_ids", List.of(List.of(6L, 0L, List.of(1L, 2L)))));
        assertThat(orm.stored(orders, id, "tag_ids")).isEqualTo(List.of(1L, 2L));
        orm.writes().write(orders, List.of(id), Map.of("tag_ids", List.of(List.of(4L, 3L), List.of(3L, 1L))));
        assertThat(orm.stored(orders, id, "tag_ids")).isEqualTo(List.of(2L, 3L));
        orm.writes().write(orders, List.of(id), Map.of("tag_ids", List.of(List.of(5L))));
        assertThat(orm.value(orders, id, orders.field("tag_ids"))).isEqualTo(List.of());
        orm.writes().write(orders, List.of(id), Map.of("tag_ids", List.of(3L, 1L)));
        assertThat(orm.stored(orders, id, "tag_ids")).isEqualTo(List.of(3L, 1L));
    }

    @Test
    void updatesAndDeletesChildrenThroughOne2manyCommands() {
        long id = orm.writes()
                .create(
                        orders,
                        Map.of(
                                "name",
                                "P1",
                                "order_line",
                                List.of(
                                        List.of(0L, 0L, Map.of("name", "Wood")),
                                        List.of(0L, 0L, Map.of("name", "Glue")))));
        List<Long> lineIds = Leaves.asIds(orm.stored(orders, id, "order_line"));
        orm.writes()
                .write(
                        orders,
                        List.of(id),
                        Map.of(
                                "order_line",
                                List.of(
                                        List.of(1L, lineIds.get(0), Map.of("name", "Oak")),
                                        List.of(2L, lineIds.get(1)))));
        assertThat(orm.stored(orders, id, "order_line")).isEqualTo(List.of(lineIds.get(0)));
        assertThat(orm.stored(lines, lineIds.get(0), "name")).isEqualTo("Oak");
        assertThat(lines.row(lineIds.get(1))).isNull();
    }

    @Test
    void refusesMissingRequiredValuesAndFailedChecks() {
        assertThatThrownBy(() -> orm.writes().create(tags, Map.of()))
                .isInstanceOfSatisfying(
                        OdooFault.class, f -> assertThat(f.kind()).isEqualTo(OdooFault.Kind.VALIDATION))
                .hasMessageContaining("a mandatory field is not set")
                .hasMessageContaining("Field: Name (name)");
        assertThatThrownBy(() -> orm.writes().create(orders, Map.of("name", false)))
                .hasMessageContaining("The operation cannot be completed:");
        assertThatThrownBy(() -> orm.writes().create(orders, Map.of("name", "P1", "nope", 1L)))
                .hasMessage("Invalid field 'nope' on model 'purchase.order'");
        assertThatThrownBy(() -> orm.writes().create(orders, Map.of("name", "P1", "state", "shipped")))
                .hasMessage("Wrong value for purchase.order.state: 'shipped'");
    }

    @Test
    void unlinkEmptiesReferencesToTheDeletedRecords() {
        long id = orm.writes()
                .create(
                        orders,
                        Map.of(
                                "name",
                                "P1",
                                "tag_ids",
                                List.of(1L, 2L),
                                "order_line",
                                List.of(List.of(0L, 0L, Map.of("name", "Wood")))));
        long line = Leaves.asIds(orm.stored(orders, id, "order_line")).get(0);
        orm.writes().unlink(tags, List.of(1L));
        orm.writes().unlink(orders, List.of(id));
        assertThat(orders.row(id)).isNull();
        assertThat(orm.value(lines, line, lines.field("order_id"))).isEqualTo(false);
        assertThatThrownBy(() -> orm.writes().write(orders, List.of(id), Map.of("name", "x")))
                .isInstanceOfSatisfying(
                        OdooFault.class, f -> assertThat(f.kind()).isEqualTo(OdooFault.Kind.MISSING));
    }
}
