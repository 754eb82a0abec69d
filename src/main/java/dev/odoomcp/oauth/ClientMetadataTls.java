package dev.odoomcp.oauth;

import javax.net.ssl.SSLContext;

/**
 * The TLS trust used to fetch Client ID Metadata Documents. Production has none of these beans and uses the
 * JVM's trust store; tests give one trusting their own loopback HTTPS server.
 *
 * @param context the SSL context to connect with
 */
public record ClientMetadataTls(SSLContext context) {}
