package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each ORM call names its parameters in Odoo's declaration order and keeps options apart. */
class OrmCallsTests {

    private static List<String> names(OdooCall call) {
        return call.params().stream().map(OdooCall.Param::name).toList();
    }

    @Test
    void parametersComeInDeclarationOrderAndOptionsApart() {
        OdooCall search = OrmCalls.searchRead("res.partner", List.of(), List.of("name"), 0, 5, "name");
        assertThat(names(search)).containsExactly("domain");
        assertThat(search.options()).containsOnlyKeys("fields", "offset", "limit", "order");
        assertThat(OrmCalls.searchRead("res.partner", List.of(), null, null, null, null)
                        .options())
                .isEmpty();
        assertThat(names(OrmCalls.write("account.analytic.line", List.of(7L), Map.of("unit_amount", 1.0))))
                .containsExactly("vals");
        assertThat(OrmCalls.create("res.partner", Map.of("name", "x")).positionalValues())
                .containsExactly(List.of(Map.of("name", "x")));
        assertThat(OrmCalls.unlink("res.partner", List.of(1L)).positionalValues())
                .isEmpty();
        assertThat(names(OrmCalls.nameSearch("res.partner", "Az", null, null, 5)))
                .containsExactly("name", "domain", "operator");
    }

    @Test
    void trailingDefaultsAreDroppedButAnInnerDefaultIsSent() {
        assertThat(OrmCalls.nameSearch("res.partner", "Az", null, null, 5).positionalValues())
                .containsExactly("Az");
        assertThat(OrmCalls.nameSearch("res.partner", "Az", List.of(), "ilike", 5)
                        .positionalValues())
                .containsExactly("Az");
        assertThat(OrmCalls.nameSearch("res.partner", "Az", null, "=", 5).positionalValues())
                .containsExactly("Az", List.of(), "=");
        assertThat(OrmCalls.nameSearch("res.partner", "", List.of(List.of("id", ">", 1)), null, null)
                        .positionalValues())
                .containsExactly("", List.of(List.of("id", ">", 1)));
    }

    @Test
    void groupByIsReadGroupUpTo18AndFormattedReadGroupFrom19() {
        OdooServer v18 = new OdooServer("18.0", 18, 0, OdooProtocol.XMLRPC, 2);
        OdooServer v19 = new OdooServer("19.0", 19, 0, OdooProtocol.JSON2, 2);
        OdooCall old = OrmCalls.groupBy(
                v18,
                "sale.order",
                List.of(),
                List.of("state"),
                List.of("amount_total:sum"),
                "amount_total:sum desc, state",
                10);
        assertThat(old.method()).isEqualTo("read_group");
        assertThat(names(old)).containsExactly("domain", "fields", "groupby");
        assertThat(old.options()).isEqualTo(Map.of("lazy", false, "limit", 10, "orderby", "amount_total desc, state"));
        assertThat(OrmCalls.groupBy(v18, "sale.order", List.of(), List.of(), List.of(), null, 1)
                        .params()
                        .get(1)
                        .value())
                .isEqualTo(List.of("__count"));
        OdooCall formatted = OrmCalls.groupBy(
                v19,
                "sale.order",
                List.of(),
                List.of("state"),
                List.of("amount_total:sum"),
                "amount_total:sum desc",
                10);
        assertThat(formatted.method()).isEqualTo("formatted_read_group");
        assertThat(names(formatted)).containsExactly("domain", "groupby", "aggregates");
        assertThat(formatted.params().get(2).value()).isEqualTo(List.of("amount_total:sum", "__count"));
        assertThat(formatted.options()).isEqualTo(Map.of("limit", 10, "order", "amount_total:sum desc"));
    }

    @Test
    void callMethodKeepsTheCallersArgumentsAsGiven() {
        OdooCall call =
                OrmCalls.method("sale.order", "action_confirm", List.of(3L), List.of(1, "x"), Map.of("force", true));
        assertThat(call.params()).extracting(OdooCall.Param::name).containsOnlyNulls();
        assertThat(call.positionalValues()).containsExactly(1, "x");
        assertThat(call.options()).isEqualTo(Map.of("force", true));
        assertThat(call.ids()).containsExactly(3L);
    }

    @Test
    void json2NamesTheNameSearchDomainArgsBefore19() {
        assertThat(OrmCalls.json2Name(19, "name_search", "domain")).isEqualTo("domain");
        assertThat(OrmCalls.json2Name(18, "name_search", "domain")).isEqualTo("args");
        assertThat(OrmCalls.json2Name(18, "search_read", "domain")).isEqualTo("domain");
    }
}
