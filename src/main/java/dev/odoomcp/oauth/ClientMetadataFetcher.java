package dev.odoomcp.oauth;

import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one Client ID Metadata Document over the SSRF-guarded path the Odoo client uses: names resolve
 * only through {@link GuardedDnsResolver} (so a client id can never make the bridge reach its loopback, the
 * cloud metadata service or a private network unless the operator allows private networks), https only, no
 * redirects, no cookies, no connection reuse, short timeouts, and at most 16 KB read.
 */
final class ClientMetadataFetcher implements OAuthClients.DocumentSource, AutoCloseable {

    static final int MAX_BYTES = 16 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CloseableHttpClient client;

    ClientMetadataFetcher(GuardedDnsResolver resolver, SSLContext tls) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(2)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(TIMEOUT))
                                .setSocketTimeout(Timeout.of(TIMEOUT))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(TIMEOUT))
                        .setConnectionRequestTimeout(Timeout.of(TIMEOUT))
                        .setRedirectsEnabled(false)
                        .build())
                // A document is fetched once per cache period: a fresh connection each time, never a pooled one
                // the other side may have closed meanwhile (no automatic retry would hide that).
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setUserAgent("odoo-mcp-bridge")
                .build();
    }

    /**
     * The document's bytes.
     *
     * @throws OAuthException {@code invalid_client} saying why the document could not be fetched
     */
    @Override
    public byte[] fetch(URI url) {
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/json");
        try {
            return client.execute(get, response -> {
                if (response.getCode() != 200) {
                    throw failed(
                            url,
                            "it answered HTTP " + response.getCode()
                                    + (response.getCode() / 100 == 3 ? " (redirects are not followed)" : ""));
                }
                HttpEntity entity = response.getEntity();
                if (entity == null || entity.getContentLength() > MAX_BYTES) {
                    get.cancel();
                    throw failed(url, "it is empty or larger than " + MAX_BYTES / 1024 + " KB");
                }
                try (InputStream in = entity.getContent()) {
                    byte[] body = in.readNBytes(MAX_BYTES + 1);
                    if (body.length > MAX_BYTES) {
                        get.cancel();
                        throw failed(url, "it is larger than " + MAX_BYTES / 1024 + " KB");
                    }
                    return body;
                }
            });
        } catch (OAuthException e) {
            throw e;
        } catch (TargetRefusedException e) {
            throw failed(url, e.getMessage());
        } catch (SSLException e) {
            throw failed(url, "the TLS connection failed (certificate or protocol problem)");
        } catch (IOException | RuntimeException e) {
            throw failed(url, "the connection failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static OAuthException failed(URI url, String why) {
        return OAuthException.invalidClient("The application's client metadata document at " + url
                + " could not be fetched: " + why + ". The application's publisher must fix it; nothing was granted.");
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
