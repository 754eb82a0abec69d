package dev.odoomcp.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile "Odoo" on 127.0.0.1 at the socket level: it reads each request's head and answers with
 * whatever {@link Behaviour} it was given (endless bodies, trickles, resets, garbage). It counts the
 * connections, the bytes it managed to send, and the connections it saw closed by the bridge.
 */
final class RawStub implements AutoCloseable {

    /** What to do with one connection once its request head was read. */
    @FunctionalInterface
    interface Behaviour {
        void serve(Socket socket, String requestHead, RawStub stub) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-stub");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedByPeer = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    private final boolean http;

    RawStub(Behaviour behaviour) throws IOException {
        this(true, behaviour);
    }

    /** With {@code http} false the behaviour starts at once, without reading a request head (e.g. for TLS). */
    RawStub(boolean http, Behaviour behaviour) throws IOException {
        this.http = http;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> accept(behaviour));
    }

    URI url(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    int closedByPeer() {
        return closedByPeer.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    /** Writes and counts; a failed write means the bridge closed the connection. */
    void write(OutputStream out, byte[] bytes) throws IOException {
        try {
            out.write(bytes);
            out.flush();
            bytesSent.addAndGet(bytes.length);
        } catch (SocketException e) {
            closedByPeer.incrementAndGet();
            throw e;
        }
    }

    void write(OutputStream out, String text) throws IOException {
        write(out, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void accept(Behaviour behaviour) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket, behaviour));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, Behaviour behaviour) {
        try (socket) {
            socket.setSoTimeout(60_000);
            behaviour.serve(socket, http ? readHead(socket.getInputStream()) : "", this);
        } catch (IOException e) {
            // the bridge went away: counted by write()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && head.size() < 65_536) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
