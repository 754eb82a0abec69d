package dev.odoomcp.oauth;

import java.net.URI;
import java.util.List;

/**
 * An application that asks for access, as its client id tells: from its Client ID Metadata Document (the
 * client id is the document's https URL) or sealed in the client id this bridge issued at registration.
 *
 * @param clientId the client id exactly as the application sends it
 * @param name what the consent page calls it (the application's own claim: the page also shows the host
 *        that will receive the user, which is what really identifies it)
 * @param redirectUris where it may send the user back, matched exactly
 * @param authMethod {@code none}, {@code client_secret_post} or {@code client_secret_basic}
 * @param secretDigest base64url SHA-256 of the client secret for a confidential registered client, else null
 * @param metadataDocument the client id is a metadata document URL
 */
record OAuthClient(
        String clientId,
        String name,
        List<String> redirectUris,
        String authMethod,
        String secretDigest,
        boolean metadataDocument) {

    static final String NONE = "none";
    static final String SECRET_POST = "client_secret_post";
    static final String SECRET_BASIC = "client_secret_basic";

    OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }

    boolean confidential() {
        return secretDigest != null;
    }

    /** The host of a redirect URI, for the consent page's "you will be sent back to". */
    static String hostOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public String toString() {
        return "OAuthClient[name=" + name + ", redirectUris=" + redirectUris + ", authMethod=" + authMethod
                + ", metadataDocument=" + metadataDocument + "]";
    }
}
