package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DomainsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ModelMetadata PARTNER = new ModelMetadata(
            "res.partner",
            Map.of(
                    "name",
                    field("name", "char"),
                    "state",
                    field("state", "selection"),
                    "parent_id",
                    field("parent_id", "many2one"),
                    "user_id",
                    field("user_id", "many2one")));

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "[] => []",
                "[[\"name\", \"=\", \"x\"]] => [[\"name\",\"=\",\"x\"]]",
                "[\"name\", \"ilike\", \"x\"] => [[\"name\",\"ilike\",\"x\"]]",
                "\"[('name', '=', 'x'), ('state', 'in', ('a', 'b'))]\" => [[\"name\",\"=\",\"x\"],[\"state\",\"in\",[\"a\",\"b\"]]]",
                "\"[('parent_id', '=', False)]\" => [[\"parent_id\",\"=\",false]]",
                "[\"|\", \"!\", [\"name\", \"=\", \"a\"], [\"state\", \"=\", \"b\"]] => [\"|\",\"!\",[\"name\",\"=\",\"a\"],[\"state\",\"=\",\"b\"]]",
                "[[1, \"=\", 1]] => [[1,\"=\",1]]",
            })
    void acceptsJsonPythonAndSingleConditionForms(String given, String expected) {
        assertThat(parse(given).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "[[\"name\", \"~\", \"x\"]] => unknown operator",
                "[\"|\", [\"name\", \"=\", \"a\"]] => missing one of its conditions",
                "[\"&\"] => missing one of its conditions",
                "[[\"name\", \"=\", \"a\"], \"|\"] => missing one of its conditions",
                "[[\"name\", \"=\"]] => each condition must be",
                "[[\"na me\", \"=\", 1]] => must be a field name",
                "[[\"state\", \"not in\", \"a\"]] => must be a list",
                "{\"name\": 1} => must be a list of conditions",
                "\"[('name' = 'x')]\" => not valid JSON",
                "[[\"nme\", \"=\", 1]] => did you mean 'name'",
                "[[\"user_id.password\", \"=\", 1]] => looks like a secret",
                "[[\"api_key\", \"=\", 1]] => looks like a secret",
            })
    void refusesWithAMessageThatSaysWhatToFix(String given, String message) {
        assertThatThrownBy(() -> parse(given))
                .isInstanceOf(ToolInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void absentDomainIsEveryRecord() {
        assertThat(Domains.parse(null, PARTNER, JSON)).isEmpty();
    }

    private static JsonNode parse(String given) {
        return Domains.parse(JSON.readTree(given), PARTNER, JSON);
    }

    static FieldInfo field(String name, String type) {
        return new FieldInfo(name, name, type, false, false, null, null, null, true);
    }
}
