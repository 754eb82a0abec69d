package dev.odoomcp.security;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat drains a request body the application left unread (up to {@code maxSwallowSize}, 2 MB by
 * default) before it closes or reuses the connection, at whatever pace the client sends it: a client
 * refused by {@link RequestBodyFilter} for trickling its body would keep its connection (and, on
 * platform threads, a worker) for as long as it keeps trickling. With nothing to swallow, Tomcat
 * closes the connection at the next byte after the answer. Only refused requests leave a body
 * unread: {@link RequestBodyFilter} reads every body it lets through. Spring Boot's
 * {@code server.tomcat.max-swallow-size} ignores 0, so this customizer runs after Boot's own.
 */
@Component
class EdgeConnector implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(0);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
