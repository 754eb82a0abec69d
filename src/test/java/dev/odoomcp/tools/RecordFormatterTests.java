package dev.odoomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordFormatterTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static ModelMetadata metadata() {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        for (String[] f : new String[][] {
            {"partner_id", "many2one"},
            {"active", "boolean"},
            {"email", "char"},
            {"date_order", "datetime"},
            {"date", "date"},
            {"notes", "html"},
            {"image", "binary"},
            {"tag_ids", "many2many"}
        }) {
            fields.put(f[0], DomainsTests.field(f[0], f[1]));
        }
        return new ModelMetadata("x", fields);
    }

    @Test
    void reshapesOdooValuesForAnAssistant() {
        JsonNode row = JSON.readTree("{\"id\": 4, \"partner_id\": [9, \"Wood Corner\"], \"active\": false, "
                + "\"email\": false, \"date_order\": \"2026-11-02 09:00:00\", \"date\": \"2026-11-02\", "
                + "\"notes\": \"<p>A &amp; B</p><ul><li>one</li><li>two</li></ul>\", \"image\": \"aGVsbG8=\", "
                + "\"tag_ids\": [1, 2], \"password\": \"x\"}");
        JsonNode formatted = RecordFormatter.format(row, metadata(), false);
        assertThat(formatted.toString())
                .isEqualTo(JSON.readTree(
                                "{\"id\": 4, \"partner_id\": {\"id\": 9, \"name\": \"Wood Corner\"}, "
                                        + "\"active\": false, \"email\": null, \"date_order\": \"2026-11-02T09:00:00Z\", \"date\": \"2026-11-02\", "
                                        + "\"notes\": \"A & B\\n- one\\n- two\", \"image\": {\"binary\": true, \"bytes\": 5, \"note\": "
                                        + "\"content left out; ask again with include_binary=true to get it as base64\"}, \"tag_ids\": [1, 2]}")
                        .toString());
        assertThat(RecordFormatter.format(row, metadata(), true).path("image").asString())
                .isEqualTo("aGVsbG8=");
    }

    @Test
    void defaultFieldsSkipBinaryHtmlToManyAndSecrets() {
        Map<String, FieldInfo> fields = new LinkedHashMap<>(metadata().fields());
        for (int i = 0; i < 30; i++) {
            fields.put("x_field_" + i, DomainsTests.field("x_field_" + i, "char"));
        }
        fields.put("api_token", DomainsTests.field("api_token", "char"));
        var chosen = new ModelMetadata("x", fields).defaultFields();
        assertThat(chosen)
                .hasSize(15)
                .contains("partner_id", "date_order", "email")
                .doesNotContain("notes", "image", "tag_ids", "api_token", "id");
    }
}
