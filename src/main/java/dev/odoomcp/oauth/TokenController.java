package dev.odoomcp.oauth;

import dev.odoomcp.oauth.CredentialCheck.Outcome;
import dev.odoomcp.oauth.CredentialCheck.Refused;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.security.TenantIds;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint (RFC 6749 §3.2 as OAuth 2.1 profiles it): {@code authorization_code} with the PKCE
 * verifier, exact redirect URI, same client and RFC 8707 resource; {@code refresh_token} with rotation and a
 * live re-check of the Odoo key, failing with {@code invalid_grant} only when Odoo definitely refuses it (a
 * slow or unreachable Odoo does not log the user out). Every refusal is an RFC 6749 §5.2 error, never a 500.
 */
@RestController
class TokenController {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final boolean enabled;
    private final OAuthClients clients;
    private final OAuthTokens tokens;
    private final UsedOnce used;
    private final CredentialCheck check;
    private final TenantIds tenantIds;
    private final TokenSealer sealer;
    private final Duration refreshCap;
    private final OAuthMetrics metrics;

    TokenController(
            OAuthProperties properties,
            OAuthClients clients,
            OAuthTokens tokens,
            UsedOnce used,
            CredentialCheck check,
            TenantIds tenantIds,
            TokenSealer sealer,
            OAuthMetrics metrics) {
        this.metrics = metrics;
        this.enabled = properties.enabled();
        this.clients = clients;
        this.tokens = tokens;
        this.used = used;
        this.check = check;
        this.tenantIds = tenantIds;
        this.sealer = sealer;
        this.refreshCap = properties.refreshMaxLifetime();
    }

    @PostMapping(OAuthUrls.TOKEN_PATH)
    ResponseEntity<Object> token(HttpServletRequest request) {
        if (!enabled) {
            return ResponseEntity.notFound().build();
        }
        String event = "token";
        try {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw OAuthException.invalidRequest("Send the token request as application/x-www-form-urlencoded.");
            }
            for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                if (p.getValue().length > 1) {
                    throw OAuthException.invalidRequest("The parameter " + p.getKey() + " was sent more than once.");
                }
            }
            String grantType = request.getParameter("grant_type");
            event = "refresh_token".equals(grantType) ? "refresh" : "token";
            OAuthClient client = authenticate(request);
            if ("authorization_code".equals(grantType)) {
                ResponseEntity<Object> answer = issued(exchangeCode(request, client));
                metrics.record(event, "ok");
                return answer;
            }
            if ("refresh_token".equals(grantType)) {
                ResponseEntity<Object> answer = issued(refresh(request, client));
                metrics.record(event, "ok");
                return answer;
            }
            throw new OAuthException(
                    grantType == null ? "invalid_request" : "unsupported_grant_type",
                    grantType == null
                            ? "grant_type is missing."
                            : "grant_type must be authorization_code or refresh_token.",
                    400);
        } catch (OAuthException e) {
            metrics.record(event, e.error());
            return OAuthResponses.error(e);
        }
    }

    private OAuthTokens.Issued exchangeCode(HttpServletRequest request, OAuthClient client) {
        OAuthTokens.Code code;
        try {
            code = tokens.openCode(required(request, "code"));
        } catch (TokenRefusedException e) {
            throw OAuthException.invalidGrant(e.getMessage() + " Start the authorization again.");
        }
        if (!code.grant().clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant("The authorization code was issued to another client.");
        }
        if (!code.redirectUri().equals(request.getParameter("redirect_uri"))) {
            throw OAuthException.invalidGrant(
                    "redirect_uri must be exactly the one sent to the authorization endpoint.");
        }
        String verifier = required(request, "code_verifier");
        if (!VERIFIER.matcher(verifier).matches() || !Secrets.same(Secrets.digest(verifier), code.codeChallenge())) {
            throw OAuthException.invalidGrant("The PKCE code_verifier does not match the code_challenge.");
        }
        checkResource(request, code.grant());
        if (!used.firstUseOfCode(code.id())) {
            throw OAuthException.invalidGrant(
                    "The authorization code was already used; start the authorization again.");
        }
        return tokens.issue(code.grant());
    }

    private OAuthTokens.Issued refresh(HttpServletRequest request, OAuthClient client) {
        OAuthTokens.Refresh refresh;
        try {
            refresh = tokens.openRefresh(required(request, "refresh_token"));
        } catch (TokenRefusedException e) {
            throw OAuthException.invalidGrant(e.getMessage() + " Connect again.");
        }
        Grant grant = refresh.grant();
        if (!grant.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant("The refresh token was issued to another client.");
        }
        checkResource(request, grant);
        if (!sealer.now().isBefore(grant.consentedAt().plus(refreshCap))) {
            throw OAuthException.invalidGrant(
                    "This connection has reached its maximum age (OAUTH_REFRESH_MAX_LIFETIME); " + "connect again.");
        }
        if (!used.firstUseOfRefreshToken(refresh.id())) {
            throw OAuthException.invalidGrant(
                    "The refresh token was already used (each one is good once); connect " + "again.");
        }
        Outcome parsed = check.parse(grant.odoo()::header);
        if (parsed instanceof Refused) {
            throw OAuthException.invalidGrant("This bridge may no longer connect to that Odoo; connect again.");
        }
        OdooCredentials credentials = ((CredentialCheck.Accepted) parsed).credentials();
        Outcome live =
                check.stillAccepted(credentials, "oauth:" + tenantIds.of(credentials.url(), credentials.database()));
        if (live instanceof Refused) {
            throw OAuthException.invalidGrant("Odoo no longer accepts the API key of this connection (revoked or "
                    + "expired); connect again with a new key.");
        }
        // Accepted, or Odoo could not be asked: a slow or unreachable Odoo is no reason to log the user out.
        return tokens.issue(grant);
    }

    private void checkResource(HttpServletRequest request, Grant grant) {
        String resource = request.getParameter("resource");
        if (resource != null && !resource.equals(grant.resource())) {
            throw OAuthException.invalidTarget(
                    "resource " + resource + " is not the resource this grant is for (" + grant.resource() + ").");
        }
    }

    /** The client, authenticated as it registered: a secret (Basic or post) for confidential ones, none for public. */
    private OAuthClient authenticate(HttpServletRequest request) {
        String clientId = request.getParameter("client_id");
        String secret = request.getParameter("client_secret");
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(authorization.substring(6).strip());
            if (clientId != null && !clientId.equals(pair[0])) {
                throw OAuthException.invalidClient("client_id in the body differs from the one in Authorization.");
            }
            clientId = pair[0];
            secret = pair[1];
        }
        OAuthClient client = clients.resolve(clientId);
        if (client.confidential()) {
            if (secret == null || !Secrets.same(Secrets.digest(secret), client.secretDigest())) {
                throw OAuthException.invalidClient("Client authentication failed: wrong or missing client_secret.");
            }
        } else if (secret != null) {
            throw OAuthException.invalidClient(
                    "This client registered as public (token_endpoint_auth_method none); " + "send no client_secret.");
        }
        return client;
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("no colon");
            }
            return new String[] {
                java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient(
                    "The Authorization header is not valid HTTP Basic client authentication.");
        }
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw OAuthException.invalidRequest(name + " is missing.");
        }
        return value;
    }

    private static ResponseEntity<Object> issued(OAuthTokens.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("refresh_token", issued.refreshToken());
        return OAuthResponses.json(200, body);
    }
}
