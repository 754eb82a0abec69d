package dev.odoomcp.oauth;

import dev.odoomcp.odoo.OdooClientFactory;
import dev.odoomcp.odoo.OdooProperties;
import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetAddressPolicy;
import dev.odoomcp.security.TenantCallGuard;
import dev.odoomcp.security.TenantIds;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires OAuth mode. The beans exist whether or not it is on (the endpoints answer 404 and the filter stands
 * aside while {@code OAUTH_TOKEN_KEYS} is unset), so there is one code path to test.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OAuthProperties.class, PublicUrlProperties.class})
class OAuthConfiguration {

    @Bean
    TokenSealer oauthTokenSealer(OAuthProperties properties) {
        return new TokenSealer(properties.keys(), Clock.systemUTC());
    }

    @Bean
    OAuthTokens oauthTokens(TokenSealer sealer, OAuthProperties properties) {
        return new OAuthTokens(sealer, properties);
    }

    @Bean(destroyMethod = "close")
    ClientMetadataFetcher clientMetadataFetcher(OdooProperties odoo, ObjectProvider<ClientMetadataTls> tls)
            throws NoSuchAlgorithmException {
        SSLContext context = tls.getIfAvailable() == null
                ? SSLContext.getDefault()
                : tls.getObject().context();
        return new ClientMetadataFetcher(
                new GuardedDnsResolver(new TargetAddressPolicy(odoo.allowPrivateNetworks())), context);
    }

    @Bean
    OAuthClients oauthClients(
            ClientMetadataFetcher fetcher,
            TokenSealer sealer,
            RedirectPolicy redirects,
            JsonMapper json,
            OAuthProperties properties) {
        return new OAuthClients(fetcher, sealer, redirects, json, properties.clientMetadataCacheTtl());
    }

    @Bean
    UsedOnce oauthUsedOnce(OAuthProperties properties) {
        return new UsedOnce(properties.codeLifetime(), properties.refreshTokenLifetime());
    }

    @Bean
    CredentialCheck oauthCredentialCheck(OdooClientFactory odoo, TenantCallGuard guard, TenantIds tenantIds) {
        return new CredentialCheck(odoo, guard, tenantIds);
    }

    @Bean
    ConsentThrottle oauthConsentThrottle(OAuthProperties properties) {
        return new ConsentThrottle(properties.consentRatePerMinute(), properties.consentHostRatePerMinute());
    }
}
