package dev.odoomcp.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the body of every {@code POST /mcp} before the request may take an in-flight slot, so that a
 * client trickling its body holds nothing but its own connection, and within three limits:
 * its size ({@code MCP_MAX_REQUEST_SIZE}, HTTP 413), the total time to send it
 * ({@code MCP_REQUEST_BODY_TIMEOUT}, HTTP 408, connection closed), and the bytes of all bodies held at
 * once ({@code MCP_MAX_REQUEST_BYTES_IN_FLIGHT}, HTTP 503 + {@code Retry-After}), so that many large
 * bodies together cannot exhaust the heap. The bytes are reserved before the first one is read and
 * given back when the answer has been written; the body is handed on through {@link BufferedBody}.
 */
@Component
@Order(EdgeOrder.REQUEST_BODY)
class RequestBodyFilter extends OncePerRequestFilter {

    private static final int CHUNK = 16 * 1024;

    private final int maxBytes;
    private final int budgetBytes;
    private final Duration timeout;
    private final Semaphore budget;
    private final LimitListener listener;

    @Autowired
    RequestBodyFilter(RequestBodyProperties properties, ObjectProvider<LimitListener> listener) {
        this(properties, listener.getIfAvailable(() -> reason -> {}));
    }

    RequestBodyFilter(RequestBodyProperties properties, LimitListener listener) {
        this.maxBytes = (int) properties.maxRequestSize().toBytes();
        this.budgetBytes = (int) properties.maxRequestBytesInFlight().toBytes();
        this.timeout = properties.requestBodyTimeout();
        this.budget = new Semaphore(budgetBytes);
        this.listener = listener;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && EdgePaths.isMcp(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(response);
            return;
        }
        int held = declared >= 0 ? (int) declared : maxBytes;
        if (!budget.tryAcquire(held)) {
            listener.refused(LimitReason.REQUEST_BYTES);
            JsonRpcErrorResponse.busy(
                    response,
                    "The bridge is already holding its maximum of " + budgetBytes
                            + " bytes of request bodies (MCP_MAX_REQUEST_BYTES_IN_FLIGHT); retry in "
                            + JsonRpcErrorResponse.RETRY_AFTER_SECONDS + " s.");
            return;
        }
        try {
            byte[] body;
            try {
                body = read(request.getInputStream(), declared, System.nanoTime() + timeout.toNanos());
            } catch (BodyTimeout | IOException e) {
                if (!(e instanceof BodyTimeout || causedByTimeout(e))) {
                    throw (IOException) e;
                }
                listener.refused(LimitReason.BODY_TIMEOUT);
                response.setHeader("Connection", "close");
                JsonRpcErrorResponse.write(
                        response,
                        HttpServletResponse.SC_REQUEST_TIMEOUT,
                        JsonRpcErrorResponse.INVALID_REQUEST,
                        "The request body did not arrive within " + timeout.toMillis()
                                + " ms (MCP_REQUEST_BODY_TIMEOUT); send the whole body at once.");
                return;
            }
            if (body == null) {
                tooLarge(response);
                return;
            }
            budget.release(held - body.length);
            held = body.length;
            BufferedBody.attach(request, body);
            chain.doFilter(request, response);
        } finally {
            budget.release(held);
        }
    }

    /** The connector's own idle timeout on a read (Tomcat wraps it in a ClientAbortException). */
    private static boolean causedByTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body, or null when it is larger than allowed. Checks the deadline after every read: a read
     * itself blocks at most the connector's idle timeout ({@code server.tomcat.connection-timeout}).
     */
    private byte[] read(InputStream in, long declared, long deadline) throws IOException, BodyTimeout {
        if (declared >= 0) {
            byte[] body = new byte[(int) declared];
            int filled = 0;
            int n;
            while (filled < body.length && (n = in.read(body, filled, Math.min(CHUNK, body.length - filled))) > 0) {
                filled += n;
                checkDeadline(deadline);
            }
            return filled == body.length ? body : Arrays.copyOf(body, filled);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1L - body.size()))) > 0) {
            body.write(chunk, 0, n);
            if (body.size() > maxBytes) {
                return null;
            }
            checkDeadline(deadline);
        }
        return body.toByteArray();
    }

    private static void checkDeadline(long deadline) throws BodyTimeout {
        if (System.nanoTime() - deadline > 0) {
            throw new BodyTimeout();
        }
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        JsonRpcErrorResponse.write(
                response,
                HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                JsonRpcErrorResponse.INVALID_REQUEST,
                "The request body is larger than " + maxBytes
                        + " bytes, the limit this server accepts (MCP_MAX_REQUEST_SIZE).");
    }

    /** Bytes in the budget not reserved now (for tests). */
    int availableBytes() {
        return budget.availablePermits();
    }

    private static final class BodyTimeout extends Exception {
        BodyTimeout() {
            super(null, null, false, false);
        }
    }
}
