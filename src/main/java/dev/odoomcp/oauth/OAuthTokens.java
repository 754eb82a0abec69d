package dev.odoomcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Issues and opens the grant-carrying values: authorization codes, access tokens and refresh tokens, each
 * a {@link Grant} sealed as its own kind with its own lifetime. A refresh token never outlives the absolute
 * cap counted from the consent ({@code OAUTH_REFRESH_MAX_LIFETIME}); an access token is accepted only for
 * the resource it was issued for.
 */
final class OAuthTokens {

    /** A code opened at the token endpoint, with what it is bound to. */
    record Code(Grant grant, String redirectUri, String codeChallenge, String id) {}

    /** A refresh token opened at the token endpoint. */
    record Refresh(Grant grant, String id) {}

    /** A token response's values. */
    record Issued(String accessToken, long expiresIn, String refreshToken) {

        @Override
        public String toString() {
            return "Issued[accessToken=***, expiresIn=" + expiresIn + ", refreshToken=***]";
        }
    }

    private final TokenSealer sealer;
    private final Duration codeLifetime;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;
    private final Duration refreshCap;

    OAuthTokens(TokenSealer sealer, OAuthProperties properties) {
        this.sealer = sealer;
        this.codeLifetime = properties.codeLifetime();
        this.accessLifetime = properties.accessTokenLifetime();
        this.refreshLifetime = properties.refreshTokenLifetime();
        this.refreshCap = properties.refreshMaxLifetime();
    }

    String code(Grant grant, String redirectUri, String codeChallenge) {
        JWTClaimsSet claims = grant.into(new JWTClaimsSet.Builder())
                .jwtID(Secrets.newSecret())
                .claim("redirect_uri", redirectUri)
                .claim("code_challenge", codeChallenge)
                .build();
        return sealer.seal(TokenKind.CODE, claims, codeLifetime);
    }

    Code openCode(String value) {
        JWTClaimsSet claims = sealer.open(TokenKind.CODE, value);
        try {
            String redirectUri = claims.getStringClaim("redirect_uri");
            String challenge = claims.getStringClaim("code_challenge");
            if (redirectUri == null || challenge == null || claims.getJWTID() == null) {
                throw incomplete();
            }
            return new Code(Grant.from(claims), redirectUri, challenge, claims.getJWTID());
        } catch (ParseException e) {
            throw incomplete();
        }
    }

    Issued issue(Grant grant) {
        String access = sealer.seal(
                TokenKind.ACCESS, grant.into(new JWTClaimsSet.Builder()).build(), accessLifetime);
        Instant cap = grant.consentedAt().plus(refreshCap);
        String refresh = sealer.seal(
                TokenKind.REFRESH,
                grant.into(new JWTClaimsSet.Builder())
                        .jwtID(Secrets.newSecret())
                        .expirationTime(Date.from(cap))
                        .build(),
                refreshLifetime);
        return new Issued(access, accessLifetime.toSeconds(), refresh);
    }

    Refresh openRefresh(String value) {
        JWTClaimsSet claims = sealer.open(TokenKind.REFRESH, value);
        if (claims.getJWTID() == null) {
            throw incomplete();
        }
        return new Refresh(Grant.from(claims), claims.getJWTID());
    }

    /**
     * Opens an access token presented at {@code resource}.
     *
     * @throws TokenRefusedException also when it was issued for another resource
     */
    Grant openAccess(String value, String resource) {
        Grant grant = Grant.from(sealer.open(TokenKind.ACCESS, value));
        if (!grant.resource().equals(resource)) {
            throw new TokenRefusedException(
                    TokenRefusedException.Reason.WRONG_AUDIENCE,
                    "The access token was issued " + "for another resource (" + grant.resource() + "), not " + resource
                            + "; connect again.");
        }
        return grant;
    }

    private static TokenRefusedException incomplete() {
        return new TokenRefusedException(
                TokenRefusedException.Reason.MALFORMED, "The token's contents are incomplete.");
    }
}
