package dev.odoomcp.odoo;

import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetAddressPolicy;
import java.net.InetAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Odoo client factory (and the JVM deserialization wall) into the application. Name
 * lookups go to the system resolver unless a {@link GuardedDnsResolver.NameLookup} bean exists
 * (tests use one to play a slow DNS server; the SSRF check applies either way).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OdooProperties.class)
class OdooConfiguration {

    @Bean(destroyMethod = "close")
    DefaultOdooClientFactory odooClientFactory(
            OdooProperties properties,
            ObjectProvider<OdooCallListener> listener,
            ObjectProvider<GuardedDnsResolver.NameLookup> lookup) {
        DeserializationWall.install();
        GuardedDnsResolver resolver = new GuardedDnsResolver(
                new TargetAddressPolicy(properties.allowPrivateNetworks()),
                lookup.getIfAvailable(() -> InetAddress::getAllByName));
        return new DefaultOdooClientFactory(properties, resolver, listener.getIfAvailable(() -> OdooCallListener.NONE));
    }
}
