package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class XmlRpcValuesTests {

    @Test
    void javaAndJsonValuesBecomePlainXmlRpcTypes() {
        JsonNode json =
                JsonMapper.builder().build().readTree("{\"domain\":[[\"id\",\">\",5]],\"limit\":null,\"ratio\":1.5}");
        Map<String, Object> list = new HashMap<>();
        list.put("ids", List.of(1L, 2L));
        list.put("empty", null);
        list.put("json", json);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) XmlRpcValues.toXmlRpc(list);
        assertThat(out.get("ids")).isEqualTo(List.of(1, 2));
        assertThat(out.get("empty")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        Map<String, Object> fromJson = (Map<String, Object>) out.get("json");
        assertThat(fromJson.get("domain")).isEqualTo(List.of(List.of("id", ">", 5)));
        assertThat(fromJson.get("limit")).isEqualTo(false);
        assertThat(fromJson.get("ratio")).isEqualTo(1.5);
    }

    @Test
    void numbersBeyondXmlRpcIntAreRefusedClearly() {
        assertThatThrownBy(() -> XmlRpcValues.toXmlRpc(List.of(5_000_000_000L)))
                .isInstanceOfSatisfying(
                        OdooException.class, e -> assertThat(e.kind()).isEqualTo(OdooErrorKind.UNSUPPORTED));
        assertThatThrownBy(() -> XmlRpcValues.toXmlRpc(new Object()))
                .isInstanceOfSatisfying(
                        OdooException.class, e -> assertThat(e.kind()).isEqualTo(OdooErrorKind.UNSUPPORTED));
    }

    @Test
    void parsedAnswersBecomeJson() {
        Map<String, Object> record = new HashMap<>();
        record.put("name", "Azure");
        record.put("id", 15);
        record.put("partner_id", new Object[] {3, "Deco Addict"});
        record.put("active", true);
        record.put("amount", 12.5);
        record.put("image", new byte[] {1, 2, 3});
        record.put("when", new Date(0));
        JsonNode json = XmlRpcValues.toJson(new Object[] {record});
        JsonNode first = json.get(0);
        assertThat(first.propertyNames().iterator().next()).isEqualTo("id");
        assertThat(first.path("partner_id").get(1).asString()).isEqualTo("Deco Addict");
        assertThat(first.path("active").booleanValue()).isTrue();
        assertThat(first.path("amount").doubleValue()).isEqualTo(12.5);
        assertThat(first.path("image").asString()).isEqualTo("AQID");
        assertThat(first.path("when").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(XmlRpcValues.toJson(Arrays.asList(1, 2)).size()).isEqualTo(2);
    }
}
