package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainTests {

    private final FakeDatabase db = database("18.0");

    private static FakeDatabase database(String version) {
        DatabaseSpec spec = new DatabaseSpec("acme");
        spec.user("admin", "k", 2);
        spec.model(
                "res.country",
                m -> m.field("name", "char")
                        .record(Map.of("id", 1L, "name", "Belgium"))
                        .record(Map.of("id", 2L, "name", "France")));
        spec.model(
                "res.partner",
                m -> m.field("name", "char")
                        .field("email", "char")
                        .field("is_company", "boolean")
                        .field("parent_id", "many2one", "res.partner")
                        .field("country_id", "many2one", "res.country")
                        .field("credit", "float")
                        .field("active", "boolean")
                        .field("category_ids", "many2many", "res.country")
                        .record(Map.of(
                                "id",
                                1L,
                                "name",
                                "Azure Interior",
                                "is_company",
                                true,
                                "country_id",
                                1L,
                                "credit",
                                100.0,
                                "active",
                                true,
                                "email",
                                "info@azure.example.com"))
                        .record(Map.of(
                                "id",
                                2L,
                                "name",
                                "Brandon Freeman",
                                "parent_id",
                                1L,
                                "credit",
                                5.5,
                                "active",
                                true,
                                "category_ids",
                                List.of(1L, 2L)))
                        .record(Map.of(
                                "id",
                                3L,
                                "name",
                                "Wood Corner",
                                "is_company",
                                true,
                                "country_id",
                                2L,
                                "active",
                                true,
                                "email",
                                "WOOD@corner.example.com"))
                        .record(Map.of("id", 4L, "name", "Archived Azure", "active", false)));
        return new FakeDatabase(spec, OdooVersion.parse(version));
    }

    private List<Long> search(Object... domain) {
        return db.orm().search(db.table("res.partner"), List.of(domain), 0, null, "id");
    }

    @Test
    void evaluatesComparisonOperators() {
        assertThat(search(List.of("is_company", "=", true))).containsExactly(1L, 3L);
        assertThat(search(List.of("is_company", "!=", true))).containsExactly(2L);
        assertThat(search(List.of("is_company", "=", false))).containsExactly(2L);
        assertThat(search(List.of("credit", ">", 5.5))).containsExactly(1L);
        assertThat(search(List.of("credit", ">=", 5.5))).containsExactly(1L, 2L);
        assertThat(search(List.of("credit", "<", 100L))).containsExactly(2L);
        assertThat(search(List.of("credit", "<=", 100L))).containsExactly(1L, 2L);
        assertThat(search(List.of("id", "in", List.of(1L, 3L, 99L)))).containsExactly(1L, 3L);
        assertThat(search(List.of("id", "not in", List.of(1L)))).containsExactly(2L, 3L);
        assertThat(search(List.of("parent_id", "child_of", 1L))).containsExactly(2L);
    }

    @Test
    void evaluatesLikeOperatorsWithSqlWildcards() {
        assertThat(search(List.of("name", "ilike", "AZURE"))).containsExactly(1L);
        assertThat(search(List.of("name", "like", "AZURE"))).isEmpty();
        assertThat(search(List.of("name", "not ilike", "azure"))).containsExactly(2L, 3L);
        assertThat(search(List.of("email", "=ilike", "wood@%"))).containsExactly(3L);
        assertThat(search(List.of("email", "=like", "wood@%"))).isEmpty();
        assertThat(search(List.of("email", "=like", "info@_zure%"))).containsExactly(1L);
        assertThat(search(List.of("email", "=", false))).containsExactly(2L);
    }

    @Test
    void combinesPrefixOperatorsAndImplicitAnd() {
        assertThat(search("|", List.of("name", "=", "Wood Corner"), List.of("credit", "=", 5.5)))
                .containsExactly(2L, 3L);
        assertThat(search("!", List.of("is_company", "=", true))).containsExactly(2L);
        assertThat(search(List.of("is_company", "=", true), List.of("country_id", "=", 2L)))
                .containsExactly(3L);
        assertThat(search("&", "|", List.of("id", "=", 1L), List.of("id", "=", 2L), List.of("credit", ">", 10L)))
                .containsExactly(1L);
    }

    @Test
    void followsDottedPathsAndMatchesRelationsByName() {
        assertThat(search(List.of("country_id.name", "=", "France"))).containsExactly(3L);
        assertThat(search(List.of("parent_id.name", "ilike", "azure"))).containsExactly(2L);
        assertThat(search(List.of("parent_id.name", "!=", "Azure Interior"))).containsExactly(1L, 3L);
        assertThat(search(List.of("country_id", "ilike", "belg"))).containsExactly(1L);
        assertThat(search(List.of("category_ids", "in", List.of(2L)))).containsExactly(2L);
        assertThat(search(List.of("category_ids", "=", false))).containsExactly(1L, 3L);
    }

    @Test
    void hidesArchivedRecordsUnlessTheDomainMentionsActive() {
        assertThat(search(List.of("name", "ilike", "azure"))).containsExactly(1L);
        assertThat(search(List.of("active", "=", false))).containsExactly(4L);
        assertThat(search(List.of("active", "in", List.of(true, false)))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void refusesUnknownFieldsLikeEachOdooVersion() {
        assertThatThrownBy(() -> search(List.of("no_such_field", "=", 1L)))
                .isInstanceOf(OdooFault.class)
                .hasMessage("Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)");
        assertThatThrownBy(() -> search(List.of("parent_id.nope", "=", "x")))
                .hasMessage("Invalid field res.partner.nope in leaf ('parent_id.nope', '=', 'x')");
        FakeDatabase db19 = database("19.0");
        assertThatThrownBy(() ->
                        db19.orm().search(db19.table("res.partner"), List.of(List.of("x", "=", true)), 0, null, null))
                .hasMessage("Invalid field res.partner.x in condition ('x', '=', True)");
    }

    @Test
    void refusesMalformedDomains() {
        assertThatThrownBy(() -> search("|", List.of("id", "=", 1L)))
                .isInstanceOf(OdooFault.class)
                .hasMessageContaining("syntactically not correct");
        assertThatThrownBy(() -> search(List.of("name", "~", "x"))).hasMessageContaining("Invalid leaf");
    }

    @Test
    void ordersOffsetsAndLimits() {
        assertThat(db.orm().search(db.table("res.partner"), List.of(), 0, null, "name desc"))
                .containsExactly(3L, 2L, 1L);
        assertThat(db.orm().search(db.table("res.partner"), List.of(), 1, 1L, "name"))
                .containsExactly(2L);
    }
}
