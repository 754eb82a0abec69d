package dev.odoomcp.wrapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body (WHATWG server-sent events) and hands over the data of
 * each {@code message} event as it completes, so that progress notifications reach the client
 * before the final response. Comments, {@code id:} and {@code retry:} are ignored (the wrapper
 * does not resume streams); events of another type and empty (priming) events are skipped. An event
 * (or a single line) longer than the limit ends the read with {@link EventTooLargeException} instead
 * of growing without bound.
 */
final class SseReader {

    private SseReader() {}

    /** An event past the size limit; the rest of the stream is not read. */
    static final class EventTooLargeException extends IOException {
        EventTooLargeException(long limit) {
            super("server-sent event larger than " + limit + " characters");
        }
    }

    static void read(BufferedReader body, long maxEventChars, Consumer<String> onData) throws IOException {
        StringBuilder data = null;
        String event = "";
        StringBuilder buffer = new StringBuilder();
        String line;
        while ((line = readLine(body, buffer, maxEventChars - (data == null ? 0 : data.length()), maxEventChars))
                != null) {
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
                data = data == null
                        ? new StringBuilder(value)
                        : data.append('\n').append(value);
            } else if (field.equals("event")) {
                event = value;
            }
        }
        // Lenient: a stream cut right after its last data line still delivers that event.
        dispatch(event, data, onData);
    }

    /** One line without its terminator (LF, CR or CR LF), or null at the end; at most {@code room} characters. */
    private static String readLine(BufferedReader in, StringBuilder line, long room, long limit) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                in.mark(1);
                int next = in.read();
                if (next >= 0 && next != '\n') {
                    in.reset();
                }
                return line.toString();
            }
            if (line.length() >= room) {
                throw new EventTooLargeException(limit);
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static void dispatch(String event, StringBuilder data, Consumer<String> onData) {
        if (data != null
                && (event.isEmpty() || event.equals("message"))
                && !data.toString().isBlank()) {
            onData.accept(data.toString());
        }
    }
}
