package dev.odoomcp.wrapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * stdout as the MCP stdio transport wants it: one whole message per line, flushed at once, never
 * two interleaved however many answers arrive together.
 */
final class LineWriter {

    private final Writer out;
    private final WrapperLog log;
    private boolean broken;

    LineWriter(OutputStream out, WrapperLog log) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.log = log;
    }

    /** Writes {@code json} (which holds no line break) and a newline, then flushes. */
    synchronized void writeLine(String json) {
        if (broken) {
            return;
        }
        try {
            out.write(json);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            broken = true;
            log.warn("Cannot write to stdout any more (the MCP client has gone?): " + e.getMessage());
        }
    }
}
