package dev.odoomcp.wrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body (WHATWG server-sent events) and hands over the data of
 * each {@code message} event as it completes, so that progress notifications reach the client
 * before the final response. Comments, {@code id:} and {@code retry:} are ignored (the wrapper
 * does not resume streams); events of another type and empty (priming) events are skipped.
 */
final class SseReader {

    private SseReader() {
    }

    static void read(BufferedReader body, Consumer<String> onData) throws IOException {
        StringBuilder data = null;
        String event = "";
        String line;
        while ((line = body.readLine()) != null) {
            if (line.isEmpty()) {
                dispatch(event, data, onData);
                data = null;
                event = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (field.equals("event")) {
                event = value;
            }
        }
        // Lenient: a stream cut right after its last data line still delivers that event.
        dispatch(event, data, onData);
    }

    private static void dispatch(String event, StringBuilder data, Consumer<String> onData) {
        if (data != null && (event.isEmpty() || event.equals("message")) && !data.toString().isBlank()) {
            onData.accept(data.toString());
        }
    }
}
