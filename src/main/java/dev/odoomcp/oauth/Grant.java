package dev.odoomcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.odoomcp.odoo.OdooCredentials;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one user consented to, as sealed inside their codes and tokens: the Odoo they connected (URL,
 * database, login, API key, protocol), the application (client id) and resource the grant is for, whether
 * they asked for read-only, the operator access token they presented (its name only) and when they
 * consented (the refresh cap counts from it). {@link #toString()} never shows the key.
 *
 * @param odoo the Odoo credentials, as the consent page validated them
 * @param clientId the application's client id
 * @param resource the MCP resource the tokens are for (their audience)
 * @param readOnly the user ticked "read-only"
 * @param operatorToken name of the operator's access token given on the consent page, or null
 * @param consentedAt when the user passed the consent page
 */
record Grant(
        OdooFields odoo,
        String clientId,
        String resource,
        boolean readOnly,
        String operatorToken,
        Instant consentedAt) {

    /**
     * The Odoo part, kept as the strings the credentials parser reads, so that opening a token runs the
     * same URL checks and allow-lists as a header-mode request.
     */
    record OdooFields(String url, String database, String login, String apiKey, String protocol) {

        static OdooFields of(OdooCredentials credentials) {
            return new OdooFields(
                    credentials.url().toString(),
                    credentials.database(),
                    credentials.username(),
                    credentials.apiKey(),
                    credentials
                            .protocol()
                            .map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                            .orElse(null));
        }

        /** Looks a credentials header up, as {@code OdooClientFactory.credentialsFrom} expects. */
        String header(String name) {
            if (OdooCredentials.URL_HEADER.equalsIgnoreCase(name)) {
                return url;
            }
            if (OdooCredentials.DB_HEADER.equalsIgnoreCase(name)) {
                return database;
            }
            if (OdooCredentials.USERNAME_HEADER.equalsIgnoreCase(name)) {
                return login;
            }
            if (OdooCredentials.API_KEY_HEADER.equalsIgnoreCase(name)) {
                return apiKey;
            }
            if (OdooCredentials.PROTOCOL_HEADER.equalsIgnoreCase(name)) {
                return protocol;
            }
            return null;
        }

        @Override
        public String toString() {
            return "OdooFields[url=" + url + ", database=" + database + ", login=" + login + ", apiKey=***]";
        }
    }

    /** Adds this grant to a claims set being built (audience, subject, and the private claims). */
    JWTClaimsSet.Builder into(JWTClaimsSet.Builder claims) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", odoo.url());
        fields.put("db", odoo.database());
        if (odoo.login() != null) {
            fields.put("login", odoo.login());
        }
        fields.put("key", odoo.apiKey());
        if (odoo.protocol() != null) {
            fields.put("protocol", odoo.protocol());
        }
        claims.audience(resource)
                .claim("client_id", clientId)
                .claim("odoo", fields)
                .claim("ro", readOnly)
                .claim("auth_time", consentedAt.getEpochSecond());
        if (operatorToken != null) {
            claims.claim("op", operatorToken);
        }
        return claims;
    }

    /**
     * Reads a grant back from opened claims.
     *
     * @throws TokenRefusedException (malformed) when a claim is missing or of the wrong type
     */
    static Grant from(JWTClaimsSet claims) {
        try {
            Map<String, Object> odoo = claims.getJSONObjectClaim("odoo");
            Long authTime = claims.getLongClaim("auth_time");
            Boolean readOnly = claims.getBooleanClaim("ro");
            String url = string(odoo, "url");
            String db = string(odoo, "db");
            String key = string(odoo, "key");
            String clientId = claims.getStringClaim("client_id");
            if (url == null
                    || db == null
                    || key == null
                    || clientId == null
                    || authTime == null
                    || claims.getAudience().size() != 1) {
                throw malformed();
            }
            return new Grant(
                    new OdooFields(url, db, string(odoo, "login"), key, string(odoo, "protocol")),
                    clientId,
                    claims.getAudience().get(0),
                    Boolean.TRUE.equals(readOnly),
                    claims.getStringClaim("op"),
                    Instant.ofEpochSecond(authTime));
        } catch (ParseException | ClassCastException | NullPointerException e) {
            throw malformed();
        }
    }

    Optional<String> operatorTokenName() {
        return Optional.ofNullable(operatorToken);
    }

    private static String string(Map<String, Object> map, String name) {
        Object value = map == null ? null : map.get(name);
        if (value != null && !(value instanceof String)) {
            throw malformed();
        }
        return (String) value;
    }

    private static TokenRefusedException malformed() {
        return new TokenRefusedException(
                TokenRefusedException.Reason.MALFORMED, "The token's contents are incomplete; connect again.");
    }
}
