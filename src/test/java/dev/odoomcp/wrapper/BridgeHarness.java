package dev.odoomcp.wrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link StdioBridge} in-process on piped streams: tests write stdin lines and read stdout
 * lines as an MCP client would. The bridge's exit is queued after its output as {@code <exit N>}.
 */
final class BridgeHarness implements AutoCloseable {

    static final String EXIT = "<exit ";
    private static final long WAIT_SECONDS = 20; // a guard against hanging, not a timing assertion

    private final PipedOutputStream stdin = new PipedOutputStream();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread thread;

    BridgeHarness(WrapperConfig config) throws IOException {
        PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        WrapperLog log = new WrapperLog(config.logLevel(), err, config.secrets());
        StdioBridge bridge = new StdioBridge(config, new LineCollector(lines), log, "test");
        thread = new Thread(() -> lines.add(EXIT + bridge.run(in) + ">"), "bridge-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    String nextLine() throws InterruptedException {
        String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            fail("the wrapper wrote nothing within " + WAIT_SECONDS + " s; stderr:\n" + stderr());
        }
        return line;
    }

    JsonNode nextMessage() throws InterruptedException {
        String line = nextLine();
        assertThat(line).doesNotStartWith(EXIT).doesNotContain("\n");
        return JsonMapper.shared().readTree(line);
    }

    List<JsonNode> nextMessages(int count) throws InterruptedException {
        List<JsonNode> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(nextMessage());
        }
        return messages;
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        stdin.close();
        thread.interrupt();
    }

    /** Splits what the bridge writes into lines. */
    private static final class LineCollector extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        LineCollector(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
