package dev.odoomcp.security;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat's connector as the edge needs it. First, Tomcat drains a request body the application left unread (up to {@code maxSwallowSize}, 2 MB by
 * default) before it closes or reuses the connection, at whatever pace the client sends it: a client
 * refused by {@link RequestBodyFilter} for trickling its body would keep its connection (and, on
 * platform threads, a worker) for as long as it keeps trickling. With nothing to swallow, Tomcat
 * closes the connection at the next byte after the answer. Only refused requests leave a body
 * unread: {@link RequestBodyFilter} reads every body it lets through. Spring Boot's
 * {@code server.tomcat.max-swallow-size} ignores 0, so this customizer runs after Boot's own.
 *
 * <p>Second, memory per open connection, which decides how many calls fit in the heap at once: a
 * heap dump of 2,000 calls in flight held about 88 KiB of Tomcat buffers per call, allocated whole
 * whether used or not. Three of them are cut here to what an MCP request uses: the socket read and
 * write buffers ({@value #SOCKET_BUFFER} bytes each instead of 8 KiB: a request is a few hundred bytes
 * of JSON, and a response larger than the buffer is simply written in several pieces) and the
 * buffer for the trailer of a chunked request ({@value #MAX_TRAILER} bytes instead of 8 KiB: MCP
 * clients send none), and the response buffer ({@link EdgeProtocol}). Request headers keep Tomcat's
 * 8 KiB (proxies and bearer tokens add up).
 */
@Component
class EdgeConnector implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    /** Bytes of each socket buffer (read and write) of a connection. */
    static final int SOCKET_BUFFER = 2048;
    /** Bytes of the trailer a chunked request may carry. */
    static final int MAX_TRAILER = 512;

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        if (factory instanceof TomcatWebServerFactory tomcat) {
            tomcat.setProtocol(EdgeProtocol.class.getName());
        }
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(0);
                http.setMaxTrailerSize(MAX_TRAILER);
            }
            for (String buffer : new String[] {"socket.appReadBufSize", "socket.appWriteBufSize"}) {
                if (!connector.setProperty(buffer, Integer.toString(SOCKET_BUFFER))) {
                    throw new IllegalStateException("Tomcat did not accept " + buffer);
                }
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
