package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTests {

    private static List<String> events(String stream) throws IOException {
        List<String> data = new ArrayList<>();
        SseReader.read(new BufferedReader(new StringReader(stream)), 1 << 20, data::add);
        return data;
    }

    @Test
    void anEventOrLineOverTheLimitEndsTheReadWithoutGrowingFurther() throws IOException {
        List<String> data = new ArrayList<>();
        String fits = "data: " + "a".repeat(10) + "\n\n";
        SseReader.read(new BufferedReader(new StringReader(fits + fits)), 16, data::add);
        assertThat(data).hasSize(2);

        data.clear();
        String manyLines = fits + "data: 0123456789\ndata: 0123456789\n\n";
        assertThatThrownBy(() -> SseReader.read(new BufferedReader(new StringReader(manyLines)), 16, data::add))
                .isInstanceOf(SseReader.EventTooLargeException.class)
                .hasMessageContaining("16");
        assertThat(data).hasSize(1);

        // an endless line from a stream that never ends: stops at the limit
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int off, int len) {
                java.util.Arrays.fill(buffer, off, off + len, 'x');
                return len;
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> SseReader.read(new BufferedReader(endless), 1 << 16, data::add))
                .isInstanceOf(SseReader.EventTooLargeException.class);
    }

    @Test
    void joinsMultiLineDataAndSplitsEventsOnBlankLines() throws IOException {
        assertThat(events("data: {\"a\":\ndata:1}\n\nevent: message\nid: 9\ndata: {\"b\":2}\n\n"))
                .containsExactly("{\"a\":\n1}", "{\"b\":2}");
    }

    @Test
    void understandsCrLfAndCrLineEnds() throws IOException {
        assertThat(events("data: one\r\n\r\ndata: two\r\rdata: three\n\n")).containsExactly("one", "two", "three");
    }

    @Test
    void skipsCommentsPrimingEventsAndOtherEventTypes() throws IOException {
        assertThat(events(": ping\n\nid: 0\ndata:\n\nevent: endpoint\ndata: /x\n\ndata: kept\n\n"))
                .containsExactly("kept");
    }

    @Test
    void deliversALastEventCutBeforeItsBlankLine() throws IOException {
        assertThat(events("data: first\n\ndata: last")).containsExactly("first", "last");
    }
}
