package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** odoo_context, list_models and describe_model through /mcp on every flavor. */
@ToolsServerTest
class ModelToolsTests extends FakeOdooToolsTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void contextSaysWhereAndAsWhom(Flavor flavor) {
        JsonNode context = mcp(flavor).call("odoo_context", "{}").ok();
        assertThat(context.path("server_version").asString()).isEqualTo(flavor.version);
        assertThat(context.path("protocol").asString()).isEqualTo(flavor.protocol);
        assertThat(context.path("database").asString()).isEqualTo(Flavor.DB);
        assertThat(context.path("user").toString())
                .isEqualTo("{\"id\":2,\"name\":\"Mitchell Admin\",\"login\":\"admin\"}");
        assertThat(context.path("current_company").toString()).isEqualTo("{\"id\":1,\"name\":\"My Company (acme)\"}");
        assertThat(context.path("companies").toString()).isEqualTo("[{\"id\":1,\"name\":\"My Company (acme)\"}]");
        assertThat(context.path("lang").asString()).isEqualTo("en_US");
        assertThat(context.path("tz").isString()).isTrue();
        assertThat(context.toString()).doesNotContain(Flavor.KEY);
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void listModelsFiltersAndHidesDeniedModels(Flavor flavor) {
        JsonNode purchase =
                mcp(flavor).call("list_models", "{\"filter\": \"purchase\"}").ok();
        assertThat(purchase.path("models").findValuesAsString("model"))
                .containsExactly("purchase.order", "purchase.order.line");
        assertThat(purchase.path("models").path(0).path("name").asString()).isEqualTo("Purchase Order");
        JsonNode config =
                mcp(flavor).call("list_models", "{\"filter\": \"config\"}").ok();
        assertThat(config.path("models").findValuesAsString("model")).doesNotContain("ir.config_parameter");
        JsonNode limited = mcp(flavor).call("list_models", "{\"limit\": 5}").ok();
        assertThat(limited.path("returned").asInt()).isEqualTo(5);
        assertThat(limited.path("total").asInt()).isGreaterThan(20);
        assertThat(limited.path("note").asString()).contains("narrow the filter");
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void describeModelListsRequiredFieldsFirstWithRelationsAndSelections(Flavor flavor) {
        JsonNode described = mcp(flavor)
                .call("describe_model", "{\"model\": \"purchase.order\"}")
                .ok();
        List<JsonNode> fields = new ArrayList<>();
        described.path("fields").forEach(fields::add);
        assertThat(described.path("field_count").asInt()).isEqualTo(fields.size());
        assertThat(fields.get(0).path("required").asBoolean()).isTrue();
        JsonNode partner = field(fields, "partner_id");
        assertThat(partner.path("relation").asString()).isEqualTo("res.partner");
        assertThat(partner.path("label").asString()).isEqualTo("Vendor");
        assertThat(partner.path("required").asBoolean()).isTrue();
        JsonNode state = field(fields, "state");
        assertThat(state.path("selection").toString()).contains("[\"purchase\",\"Purchase Order\"]");
        assertThat(state.path("readonly").asBoolean()).isTrue();
        JsonNode one = mcp(flavor)
                .call("describe_model", "{\"model\": \"stock.quant\", \"fields\": [\"quantity\"]}")
                .ok();
        assertThat(one.path("fields")).hasSize(1);
        assertThat(one.path("fields").path(0).path("help").asString()).startsWith("Quantity of products");
        assertThat(mcp(flavor)
                        .call("describe_model", "{\"model\": \"stock.quant\", \"fields\": [\"quantty\"]}")
                        .error())
                .contains("did you mean 'quantity'");
    }

    private static JsonNode field(List<JsonNode> fields, String name) {
        return fields.stream()
                .filter(f -> f.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name));
    }
}
