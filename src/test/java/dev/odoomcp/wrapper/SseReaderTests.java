package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTests {

    private static List<String> events(String stream) throws IOException {
        List<String> data = new ArrayList<>();
        SseReader.read(new BufferedReader(new StringReader(stream)), data::add);
        return data;
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
