package dev.odoomcp.odoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetRefusedException;

/**
 * The one pooled HTTP client shared by all tenants. It holds no credentials (each request carries
 * its own headers), never follows redirects, never retries, keeps no cookies, asks for no
 * compression, reads at most the configured number of bytes of any answer, resolves names only
 * through the SSRF-guarding resolver, and caps requests in flight per Odoo host.
 */
final class OdooHttp implements AutoCloseable {

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final long maxResponseBytes;
    private final int perHost;
    private final Duration queueTimeout;
    /** Weak values: a host's semaphore lives while some request holds it; bounded by use. */
    private final Cache<String, Semaphore> hostSlots = Caffeine.newBuilder().weakValues().build();
    /** The request each thread is executing now, so that a deadline can abort it ({@link #abort(Thread)}). */
    private final Map<Thread, HttpUriRequestBase> executing = new ConcurrentHashMap<>();

    OdooHttp(OdooProperties props, GuardedDnsResolver resolver) {
        this.maxResponseBytes = props.maxResponseSize().toBytes();
        this.perHost = props.maxConcurrentPerHost();
        this.queueTimeout = props.hostQueueTimeout();
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
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
        String origin = origin(request);
        Semaphore slot = hostSlots.get(origin, k -> new Semaphore(perHost, true));
        acquire(slot, origin);
        Thread self = Thread.currentThread();
        executing.put(self, request);
        try {
            if (self.isInterrupted()) {
                // aborted between two requests of one call: start nothing new
                throw new OdooException(OdooErrorKind.TIMEOUT, "The call to the Odoo at " + origin + " was cancelled.");
            }
            HttpReply reply = client.execute(request, response -> read(response, request));
            if (reply.status() >= 300 && reply.status() < 400) {
                throw redirectRefused(reply, origin);
            }
            return reply;
        } catch (OdooException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw translate(e, origin);
        } finally {
            executing.remove(self, request);
            slot.release();
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

    /** Requests being executed now, all hosts together; for metrics and tests. */
    int executing() {
        return executing.size();
    }

    /** Requests currently holding a slot for this origin ({@code scheme://host:port}); for metrics and tests. */
    int inFlight(String origin) {
        Semaphore slot = hostSlots.getIfPresent(origin);
        return slot == null ? 0 : perHost - slot.availablePermits();
    }

    private void acquire(Semaphore slot, String origin) {
        try {
            if (!slot.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OdooException(OdooErrorKind.TIMEOUT, "Too many requests are already waiting for the Odoo at "
                        + origin + "; try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooException(OdooErrorKind.TIMEOUT, "Interrupted while waiting to reach the Odoo at " + origin + ".");
        }
    }

    private HttpReply read(ClassicHttpResponse response, HttpUriRequestBase request) throws IOException {
        Header type = response.getFirstHeader("Content-Type");
        Header location = response.getFirstHeader("Location");
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readCapped(entity, request);
        return new HttpReply(response.getCode(), type == null ? null : type.getValue(),
                location == null ? null : location.getValue(), body);
    }

    /** Reads at most the cap; never buffers more, whatever Content-Length claims. */
    private byte[] readCapped(HttpEntity entity, HttpUriRequestBase request) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxResponseBytes) {
            request.cancel(); // or closing the response would drain the declared length
            throw tooLarge();
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] body = in.readNBytes((int) maxResponseBytes);
            if (body.length == maxResponseBytes && in.read() != -1) {
                // Closing the stream normally drains the rest of the body to reuse the connection:
                // on a hostile endless answer that never ends. Drop the connection first.
                request.cancel();
                throw tooLarge();
            }
            return body;
        }
    }

    private static OdooException redirectRefused(HttpReply reply, String origin) {
        String target = "";
        try {
            URI to = URI.create(reply.location().strip());
            if (to.getScheme() != null && to.getRawAuthority() != null) {
                target = " to " + to.getScheme() + "://" + to.getRawAuthority();
            }
        } catch (IllegalArgumentException ignored) {
            // an unparsable Location is simply not shown
        }
        return new OdooException(OdooErrorKind.TARGET_REFUSED, "The server at " + origin + " answered with a redirect (HTTP "
                + reply.status() + target + "); redirects are not followed. Set X-Odoo-Url to the final address of your Odoo"
                + " (for example https:// instead of http://, or the canonical host name).");
    }

    private OdooException tooLarge() {
        return new OdooException(OdooErrorKind.RESPONSE_TOO_LARGE, "Odoo's answer is larger than the "
                + (maxResponseBytes / 1024) + " KiB limit; ask for fewer records or fields (use limit, fields) and try again.");
    }

    private static OdooException translate(Exception e, String origin) {
        if (e instanceof TargetRefusedException) {
            return new OdooException(OdooErrorKind.TARGET_REFUSED, e.getMessage());
        }
        if (e instanceof ConnectTimeoutException) {
            return new OdooException(OdooErrorKind.TIMEOUT, "Could not connect to " + origin
                    + " in time; check X-Odoo-Url and that the server is up.");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new OdooException(OdooErrorKind.TIMEOUT, "The Odoo at " + origin
                    + " did not answer in time; try a smaller request (fewer records, a narrower domain) or retry later.");
        }
        if (e instanceof UnknownHostException) {
            return new OdooException(OdooErrorKind.UNREACHABLE, "Host of " + origin + " could not be resolved; check X-Odoo-Url.");
        }
        if (e instanceof SSLException) {
            return new OdooException(OdooErrorKind.UNREACHABLE, "TLS connection to " + origin
                    + " failed (certificate or protocol problem); check X-Odoo-Url.");
        }
        if (e instanceof HttpHostConnectException) {
            return new OdooException(OdooErrorKind.UNREACHABLE, "Could not connect to " + origin
                    + "; check X-Odoo-Url and that the server is up.");
        }
        return new OdooException(OdooErrorKind.UNREACHABLE, "The connection to " + origin
                + " failed before a complete answer arrived (" + e.getClass().getSimpleName() + "); retry later.");
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
