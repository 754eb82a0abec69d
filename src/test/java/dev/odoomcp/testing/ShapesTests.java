package dev.odoomcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapesTests {

    @Test
    void acceptsSameShapesWithOtherValuesAndOdoosFalseForEmpty() {
        Object recorded = List.of(
                Map.of("id", 1L, "partner_id", List.of(3L, "Azure"), "tags", List.of(1L, 2L)),
                Map.of("id", 2L, "partner_id", false, "tags", List.of()));
        Object fake = List.of(
                Map.of("id", 7L, "partner_id", false, "tags", List.of(9L)),
                Map.of("id", 8L, "partner_id", List.of(5L, "Wood"), "tags", List.of()));
        assertThat(Shapes.compatible(recorded, fake)).isTrue();
    }

    @Test
    void rejectsOtherTypesKeysAndTupleLayouts() {
        assertThat(Shapes.compatible(Map.of("id", 1L), Map.of("id", "1"))).isFalse();
        assertThat(Shapes.compatible(Map.of("id", 1L), Map.of("id", 1L, "name", "x")))
                .isFalse();
        assertThat(Shapes.compatible(List.of(3L, "Azure"), List.of("Azure", 3L)))
                .isFalse();
        assertThat(Shapes.compatible(List.of(Map.of("a", 1L)), List.of(Map.of("b", 1L))))
                .isFalse();
        assertThat(Shapes.compatible(6220.0, 6220L)).isFalse();
        assertThat(Shapes.compatible(false, 0L)).isFalse();
    }
}
