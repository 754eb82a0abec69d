package dev.odoomcp.oauth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells who a client id is. An {@code https} client id is a Client ID Metadata Document (the MCP
 * 2025-11-25 preferred way): fetched through the guarded client, checked, and cached. Any other client id
 * must be one this bridge issued at Dynamic Client Registration (RFC 7591): the registered metadata sealed,
 * so registering stores nothing and any replica recognises it. Everything else is {@code invalid_client}.
 */
final class OAuthClients {

    static final Duration REGISTRATION_LIFETIME = Duration.ofDays(365);
    private static final Duration FAILURE_TTL = Duration.ofSeconds(30);
    private static final int MAX_CLIENT_ID = 512;

    /** Where metadata documents come from: {@link ClientMetadataFetcher} in production. */
    interface DocumentSource {
        /**
         * @throws OAuthException {@code invalid_client} saying why the document could not be fetched
         */
        byte[] fetch(URI url);
    }

    private final DocumentSource fetcher;
    private final TokenSealer sealer;
    private final ClientMetadataRules rules;
    private final JsonMapper json;
    private final Cache<String, OAuthClient> documents;
    private final Cache<String, OAuthException> failures;

    OAuthClients(
            DocumentSource fetcher, TokenSealer sealer, RedirectPolicy redirects, JsonMapper json, Duration cacheTtl) {
        this.fetcher = fetcher;
        this.sealer = sealer;
        this.rules = new ClientMetadataRules(redirects);
        this.json = json;
        this.documents = Caffeine.newBuilder()
                .maximumSize(2_000)
                .expireAfterWrite(cacheTtl)
                .build();
        this.failures = Caffeine.newBuilder()
                .maximumSize(2_000)
                .expireAfterWrite(FAILURE_TTL)
                .build();
    }

    /**
     * The client this id names.
     *
     * @throws OAuthException {@code invalid_client} saying what is wrong with it
     */
    OAuthClient resolve(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw OAuthException.invalidClient("client_id is missing.");
        }
        if (clientId.startsWith("https://")) {
            return document(clientId);
        }
        if (!TokenSealer.looksSealed(clientId)) {
            throw OAuthException.invalidClient("Unknown client_id: use an https URL of a client metadata document, or "
                    + "register at the registration_endpoint first.");
        }
        try {
            return registered(clientId, sealer.open(TokenKind.CLIENT, clientId));
        } catch (TokenRefusedException e) {
            throw OAuthException.invalidClient(
                    "This client registration is no longer valid (" + e.getMessage() + "); register again.");
        }
    }

    /** Whether resolving this client id costs nothing: a registration, or a document fetched (or refused) recently. */
    boolean known(String clientId) {
        return clientId == null
                || !clientId.startsWith("https://")
                || documents.getIfPresent(clientId) != null
                || failures.getIfPresent(clientId) != null;
    }

    private OAuthClient document(String clientId) {
        OAuthClient cached = documents.getIfPresent(clientId);
        if (cached != null) {
            return cached;
        }
        OAuthException failed = failures.getIfPresent(clientId);
        if (failed != null) {
            throw failed;
        }
        try {
            OAuthClient client = parseDocument(clientId, fetcher.fetch(documentUrl(clientId)));
            documents.put(clientId, client);
            return client;
        } catch (OAuthException e) {
            failures.put(clientId, e);
            throw e;
        }
    }

    private static URI documentUrl(String clientId) {
        try {
            URI uri = new URI(clientId);
            String path = uri.getRawPath();
            if (clientId.length() > MAX_CLIENT_ID
                    || uri.getHost() == null
                    || path == null
                    || path.isEmpty()
                    || path.equals("/")
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null
                    || path.contains("/./")
                    || path.contains("/../")
                    || path.endsWith("/.")
                    || path.endsWith("/..")) {
                throw invalidDocumentUrl(clientId);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalidDocumentUrl(clientId);
        }
    }

    private OAuthClient parseDocument(String clientId, byte[] body) {
        JsonNode doc;
        try {
            doc = json.readTree(body);
        } catch (JacksonException e) {
            throw badDocument(clientId, "it is not valid JSON");
        }
        if (doc == null || !doc.isObject()) {
            throw badDocument(clientId, "it is not a JSON object");
        }
        if (!clientId.equals(doc.path("client_id").asString(null))) {
            throw badDocument(clientId, "its client_id is not exactly the URL it was fetched from");
        }
        if (doc.has("client_secret") || doc.has("client_secret_expires_at")) {
            throw badDocument(clientId, "it contains a client secret, which a public document must not");
        }
        String method = doc.path("token_endpoint_auth_method").asString(OAuthClient.NONE);
        if (!OAuthClient.NONE.equals(method)) {
            throw badDocument(
                    clientId,
                    "it asks for token_endpoint_auth_method '" + method
                            + "'; this bridge accepts only 'none' (public clients with PKCE) from metadata documents");
        }
        rules.checkGrantTypes(doc, problem -> badDocument(clientId, problem));
        List<String> uris = rules.redirectUris(doc, problem -> badDocument(clientId, problem));
        return new OAuthClient(
                clientId,
                ClientMetadataRules.name(doc, URI.create(clientId).getHost()),
                uris,
                OAuthClient.NONE,
                null,
                true);
    }

    /**
     * Registers a client (RFC 7591): checks its metadata and seals it into the client id.
     *
     * @return the registration response's fields
     * @throws OAuthException {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    Registration register(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw metadataError("The registration request must be a JSON object.");
        }
        List<String> uris =
                rules.redirectUris(request, problem -> new OAuthException("invalid_redirect_uri", problem, 400));
        rules.checkGrantTypes(request, OAuthClients::metadataError);
        String method = request.path("token_endpoint_auth_method").asString(OAuthClient.SECRET_BASIC);
        if (!List.of(OAuthClient.NONE, OAuthClient.SECRET_POST, OAuthClient.SECRET_BASIC)
                .contains(method)) {
            throw metadataError("token_endpoint_auth_method '" + method + "' is not supported; use none, "
                    + "client_secret_post or client_secret_basic.");
        }
        String name = ClientMetadataRules.name(request, OAuthClient.hostOf(uris.get(0)));
        String secret = OAuthClient.NONE.equals(method) ? null : Secrets.newSecret();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("redirect_uris", uris)
                .claim("client_name", name)
                .claim("auth", method);
        if (secret != null) {
            claims.claim("secret_sha256", Secrets.digest(secret));
        }
        String clientId = sealer.seal(TokenKind.CLIENT, claims.build(), REGISTRATION_LIFETIME);
        return new Registration(
                new OAuthClient(clientId, name, uris, method, secret == null ? null : Secrets.digest(secret), false),
                secret,
                sealer.now().getEpochSecond());
    }

    /** A registration's outcome: the client and, for a confidential one, its secret (shown once, never kept). */
    record Registration(OAuthClient client, String secret, long issuedAt) {

        @Override
        public String toString() {
            return "Registration[client=" + client + ", secret=" + (secret == null ? "none" : "***") + "]";
        }
    }

    private OAuthClient registered(String clientId, JWTClaimsSet claims) {
        try {
            List<String> uris = claims.getStringListClaim("redirect_uris");
            String method = claims.getStringClaim("auth");
            if (uris == null || uris.isEmpty() || method == null) {
                throw OAuthException.invalidClient("This client registration is incomplete; register again.");
            }
            return new OAuthClient(
                    clientId,
                    claims.getStringClaim("client_name"),
                    uris,
                    method,
                    claims.getStringClaim("secret_sha256"),
                    false);
        } catch (ParseException e) {
            throw OAuthException.invalidClient("This client registration is incomplete; register again.");
        }
    }

    private static OAuthException invalidDocumentUrl(String clientId) {
        return OAuthException.invalidClient(
                "client_id '" + (clientId.length() > 100 ? clientId.substring(0, 100) + "…" : clientId)
                        + "' is not a valid client metadata document URL (https, with a path, at most "
                        + MAX_CLIENT_ID + " characters).");
    }

    private static OAuthException badDocument(String clientId, String why) {
        return OAuthException.invalidClient(
                "The application's client metadata document at " + clientId + " is not acceptable: " + why + ".");
    }

    private static OAuthException metadataError(String description) {
        return new OAuthException("invalid_client_metadata", description, 400);
    }
}
