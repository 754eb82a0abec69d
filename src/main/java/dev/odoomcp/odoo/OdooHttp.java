package dev.odoomcp.odoo;

import dev.odoomcp.security.GuardedDnsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client shared by all tenants. It holds no credentials (each request carries
 * its own headers), never follows redirects, never retries, keeps no cookies, asks for no
 * compression, reads at most the configured number of bytes of any answer and charges every
 * answer to the global {@link AnswerBudget}, resolves names only through the SSRF-guarding
 * resolver, and shares its connections fairly between Odoo hosts ({@link ConnectionShares}).
 */
final class OdooHttp implements AutoCloseable {

    /** Answers of unknown length are read in pieces this large, each charged to the budget as it arrives. */
    private static final int CHUNK = 64 * 1024;
    /**
     * Bytes of each of a connection's three buffers (read, line, write). HttpClient's default of 32 KiB
     * made 96 KiB per Odoo connection (a heap dump of a 2,000-call burst); requests are small, an
     * answer's status line and headers fit, and its body is read in large pieces straight past the
     * buffer (see {@link #readCapped}).
     */
    static final int CONNECTION_BUFFER = 4096;

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final long maxResponseBytes;
    private final ConnectionShares shares;
    private final AnswerBudget budget;
    /** The request each thread is executing now, so that a deadline can abort it ({@link #abort(Thread)}). */
    private final Map<Thread, HttpUriRequestBase> executing = new ConcurrentHashMap<>();

    OdooHttp(OdooProperties props, GuardedDnsResolver resolver) {
        this.maxResponseBytes = props.maxResponseSize().toBytes();
        this.shares =
                new ConnectionShares(props.maxConnections(), props.maxConcurrentPerHost(), props.hostQueueTimeout());
        this.budget = new AnswerBudget(props.answerMemoryBudget().toBytes());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setBufferSize(CONNECTION_BUFFER)
                                .build())
                        .build())
                .setMaxConnTotal(props.maxConnections())
                .setMaxConnPerRoute(props.maxConcurrentPerHost())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(props.connectTimeout()))
                        .setSocketTimeout(Timeout.of(props.responseTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(props.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(props.hostQueueTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("odoo-mcp-bridge")
                .build();
    }

    HttpReply get(URI uri, Map<String, String> headers) {
        return send(new HttpGet(uri), headers);
    }

    HttpReply post(URI uri, Map<String, String> headers, byte[] body, ContentType type) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, type));
        return send(post, headers);
    }

    private HttpReply send(HttpUriRequestBase request, Map<String, String> headers) {
        headers.forEach(request::setHeader);
        return budget.within(() -> sendWithin(request, origin(request)));
    }

    private HttpReply sendWithin(HttpUriRequestBase request, String origin) {
        Thread self = Thread.currentThread();
        try (ConnectionShares.Lease lease = shares.acquire(origin)) {
            executing.put(self, request);
            if (self.isInterrupted()) {
                // aborted between two requests of one call: start nothing new
                throw OdooFaultTranslator.cancelled(origin);
            }
            HttpReply reply = client.execute(request, response -> read(response, request));
            if (reply.status() >= 300 && reply.status() < 400) {
                throw OdooFaultTranslator.redirectRefused(reply, origin);
            }
            return reply;
        } catch (OdooException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw OdooFaultTranslator.transportFailure(e, origin);
        } finally {
            executing.remove(self, request);
        }
    }

    /**
     * Aborts the request {@code worker} is executing, if any: its connection is shut down at once
     * and the worker's call fails. The caller interrupts the worker first, so a request the worker
     * was about to start is refused (see {@code send}).
     */
    void abort(Thread worker) {
        HttpUriRequestBase request = executing.get(worker);
        if (request != null) {
            request.cancel();
        }
    }

    /** The memory budget answers are read under; Odoo clients keep their results charged to it. */
    AnswerBudget budget() {
        return budget;
    }

    /** Requests being executed now, all hosts together; for metrics and tests. */
    int executing() {
        return executing.size();
    }

    /** Requests currently holding a slot for this origin ({@code scheme://host:port}); for metrics and tests. */
    int inFlight(String origin) {
        return shares.held(origin);
    }

    private HttpReply read(ClassicHttpResponse response, HttpUriRequestBase request) throws IOException {
        Header type = response.getFirstHeader("Content-Type");
        Header location = response.getFirstHeader("Location");
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readCapped(entity, request, expansion(request));
        return new HttpReply(
                response.getCode(),
                type == null ? null : type.getValue(),
                location == null ? null : location.getValue(),
                body);
    }

    /**
     * Reads at most the cap, charging the memory budget for every chunk before it is read; never
     * buffers more, whatever Content-Length claims. On refusal the connection is dropped: closing
     * the stream normally drains the rest of the body to reuse the connection, and on a hostile
     * endless answer that never ends.
     */
    private byte[] readCapped(HttpEntity entity, HttpUriRequestBase request, int expansion) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxResponseBytes) {
            request.cancel();
            throw OdooFaultTranslator.tooLarge(maxResponseBytes);
        }
        if (declared > 0 && !budget.reserve(declared * expansion)) {
            request.cancel();
            throw OdooFaultTranslator.answerMemoryFull(budget.capacity());
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            if (declared >= 0) {
                // read straight into an array of the declared size: no pieces to copy together
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read < body.length) {
                    body = Arrays.copyOf(body, read);
                }
                if (in.read() != -1) {
                    request.cancel();
                    throw OdooFaultTranslator.tooLarge(maxResponseBytes);
                }
                return body;
            }
            return readChunked(in, request, expansion);
        }
    }

    private byte[] readChunked(InputStream in, HttpUriRequestBase request, int expansion) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        while (true) {
            byte[] chunk = in.readNBytes((int) Math.min(CHUNK, maxResponseBytes + 1 - total));
            if (chunk.length == 0) {
                break;
            }
            total += chunk.length;
            if (total > maxResponseBytes) {
                request.cancel();
                throw OdooFaultTranslator.tooLarge(maxResponseBytes);
            }
            if (!budget.reserve((long) chunk.length * expansion)) {
                request.cancel();
                throw OdooFaultTranslator.answerMemoryFull(budget.capacity());
            }
            chunks.add(chunk);
        }
        byte[] body = new byte[(int) total];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        return body;
    }

    /** What each buffered byte may cost once parsed: XML-RPC answers are parsed as XML, all else as JSON. */
    private static int expansion(HttpUriRequestBase request) {
        HttpEntity sent = request.getEntity();
        String type = sent == null || sent.getContentType() == null ? "" : sent.getContentType();
        return type.startsWith("text/xml") ? AnswerBudget.XML_EXPANSION : AnswerBudget.JSON_EXPANSION;
    }

    private static String origin(HttpUriRequestBase request) {
        try {
            URI uri = request.getUri();
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return "the Odoo server";
        }
    }

    @Override
    public void close() {
        connections.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a pool we no longer use
        }
    }
}
