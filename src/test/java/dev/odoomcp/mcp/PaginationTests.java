package dev.odoomcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginationTests {

    private final List<Integer> items = IntStream.range(0, 7).boxed().toList();

    @Test
    void walksEveryItemOnceInOrder() {
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Pagination<Integer> page = Pagination.of(items, cursor, 3);
            seen.addAll(page.page());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(items);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void lastPageHasNoCursor() {
        assertThat(Pagination.of(items, null, 7).nextCursor()).isNull();
        assertThat(Pagination.of(List.of(), null, 3).page()).isEmpty();
    }

    @Test
    void foreignOrTamperedCursorsAreInvalidParams() {
        for (String cursor : new String[] {"%%%", "b2Zmc2V0Oi0x", "b2Zmc2V0Ojk5", "aGVsbG8"}) {
            assertThatThrownBy(() -> Pagination.of(items, cursor, 3))
                    .as(cursor)
                    .isInstanceOfSatisfying(
                            McpException.class, e -> assertThat(e.code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
        }
    }
}
