package dev.odoomcp.odoo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Odoo client factory (and the JVM deserialization wall) into the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OdooProperties.class)
class OdooConfiguration {

    @Bean(destroyMethod = "close")
    DefaultOdooClientFactory odooClientFactory(OdooProperties properties, ObjectProvider<OdooCallListener> listener) {
        DeserializationWall.install();
        return new DefaultOdooClientFactory(properties, listener.getIfAvailable(() -> OdooCallListener.NONE));
    }
}
