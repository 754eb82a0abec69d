package dev.odoomcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;

/**
 * One validated authorization request (RFC 6749 §4.1.1 with PKCE and RFC 8707), carried sealed through the
 * consent page as its hidden {@code txn} field together with the digest of the browser's CSRF nonce, so the
 * form cannot be replayed from another browser or altered on the way.
 *
 * @param clientId the application
 * @param clientName what the page calls it
 * @param redirectUri where the user goes back, already matched against the registration
 * @param state the application's state, returned unchanged
 * @param codeChallenge the PKCE S256 challenge
 * @param resource the MCP resource the tokens will be for
 * @param nonceDigest SHA-256 of the consent cookie's nonce
 */
record AuthorizationRequest(
        String clientId,
        String clientName,
        String redirectUri,
        String state,
        String codeChallenge,
        String resource,
        String nonceDigest) {

    JWTClaimsSet claims() {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .claim("client_id", clientId)
                .claim("client_name", clientName)
                .claim("redirect_uri", redirectUri)
                .claim("code_challenge", codeChallenge)
                .audience(resource)
                .claim("nonce_sha256", nonceDigest);
        if (state != null) {
            claims.claim("state", state);
        }
        return claims.build();
    }

    static AuthorizationRequest from(JWTClaimsSet claims) {
        try {
            AuthorizationRequest request = new AuthorizationRequest(
                    claims.getStringClaim("client_id"),
                    claims.getStringClaim("client_name"),
                    claims.getStringClaim("redirect_uri"),
                    claims.getStringClaim("state"),
                    claims.getStringClaim("code_challenge"),
                    claims.getAudience().isEmpty() ? null : claims.getAudience().get(0),
                    claims.getStringClaim("nonce_sha256"));
            if (request.clientId() == null
                    || request.redirectUri() == null
                    || request.codeChallenge() == null
                    || request.resource() == null
                    || request.nonceDigest() == null) {
                throw new TokenRefusedException(
                        TokenRefusedException.Reason.MALFORMED, "The consent form is incomplete.");
            }
            return request;
        } catch (ParseException e) {
            throw new TokenRefusedException(TokenRefusedException.Reason.MALFORMED, "The consent form is incomplete.");
        }
    }
}
