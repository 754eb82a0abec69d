package dev.odoomcp.tools;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.security.LimitBackend;
import dev.odoomcp.security.Sealer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals what proves that a user confirmed one exact call, and checks it when it comes back. A sealed
 * value binds the Odoo database (tenant), the caller (a hash of the credentials, never the key), the tool,
 * a SHA-256 of the canonical arguments, an expiry and a nonce; it opens on any replica with the same key
 * set, and its nonce is spent once ({@link LimitBackend#firstUse}: on Redis for the whole cluster).
 */
final class ConfirmationSeal {

    /** The two sealed values; their JWE types differ, so a pending question never passes as a confirmation. */
    enum Kind {
        /** Given to the assistant with a preview; coming back, it says the user agreed. */
        TOKEN("odoomcp-confirm+jwe", "confirmation token", "confirmation_token"),
        /** The {@code requestState} of a question the client asks the user (2026-07-28); only the answer confirms. */
        STATE("odoomcp-confirm-state+jwe", "confirmation state", "requestState");

        final JOSEObjectType type;
        final String what;
        final String parameter;

        Kind(String type, String what, String parameter) {
            this.type = new JOSEObjectType(type);
            this.what = what;
            this.parameter = parameter;
        }
    }

    /** What a sealed value is bound to; two calls with equal bindings are the same change by the same caller. */
    record Binding(String tenant, String principal, String tool, String arguments) {

        static Binding of(String tool, ObjectNode arguments, OdooCredentials credentials, JsonMapper json) {
            String tenant =
                    digest(credentials.url().toString().toLowerCase(Locale.ROOT) + "\n" + credentials.database());
            return new Binding(
                    tenant,
                    digest(credentials.fingerprint()),
                    tool,
                    digest(json.writeValueAsString(canonical(arguments))));
        }
    }

    /** A sealed value and until when it is good. */
    record Issued(String value, Instant expiresAt) {}

    private static final String SCOPE = "confirmation";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sealer sealer;
    private final LimitBackend used;
    private final Duration ttl;

    ConfirmationSeal(Sealer sealer, LimitBackend used, Duration ttl) {
        this.sealer = sealer;
        this.used = used;
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    Issued seal(Kind kind, Binding binding) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("ten", binding.tenant())
                .subject(binding.principal())
                .claim("tool", binding.tool())
                .claim("args", binding.arguments())
                .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(nonce))
                .build();
        String value = sealer.seal(kind.type, claims, ttl);
        return new Issued(value, sealer.now().plus(ttl));
    }

    /**
     * Opens {@code value} and checks it against the call it comes with.
     *
     * @return its nonce, to {@link #spend} just before the change is made
     * @throws ToolInputException saying why it is refused and what to do (nothing has been sent to Odoo)
     */
    String verify(Kind kind, String value, Binding expected) {
        JWTClaimsSet claims;
        try {
            claims = sealer.open(kind.type, value);
        } catch (Sealer.Refused e) {
            throw refused(
                    kind,
                    expected.tool(),
                    switch (e.reason()) {
                        case EXPIRED -> "has expired (it is valid for " + human(ttl) + ")";
                        case UNKNOWN_KEY ->
                            "was sealed by another server or with a retired key (operators: give every "
                                    + "replica the same ODOO_MCP_CONFIRM_KEYS)";
                        case WRONG_TYPE ->
                            Kind.TOKEN.type.equals(e.actualType()) || Kind.STATE.type.equals(e.actualType())
                                    ? "is not a " + kind.what + " (pass each value only where it was given)"
                                    : "is not one this server issued";
                        default -> "is not valid (altered, truncated or not issued by this server)";
                    });
        }
        try {
            String nonce = claims.getJWTID();
            if (nonce == null) {
                throw refused(kind, expected.tool(), "is not valid (altered, truncated or not issued by this server)");
            }
            if (!expected.tenant().equals(claims.getStringClaim("ten"))) {
                throw refused(kind, expected.tool(), "was issued for another Odoo database");
            }
            if (!expected.principal().equals(claims.getSubject())) {
                throw refused(kind, expected.tool(), "was issued to another user or API key");
            }
            String tool = claims.getStringClaim("tool");
            if (!expected.tool().equals(tool)) {
                throw refused(
                        kind,
                        expected.tool(),
                        "was issued for the tool " + ToolArguments.abbreviate(String.valueOf(tool)) + ", not "
                                + expected.tool());
            }
            if (!expected.arguments().equals(claims.getStringClaim("args"))) {
                throw refused(
                        kind,
                        expected.tool(),
                        "was issued for other arguments: call again with exactly the "
                                + "arguments the preview showed");
            }
            return nonce;
        } catch (ParseException e) {
            throw refused(kind, expected.tool(), "is not valid (altered, truncated or not issued by this server)");
        }
    }

    /**
     * Spends a verified value's nonce.
     *
     * @throws ToolInputException when it was spent already (a replay)
     */
    void spend(Kind kind, String nonce, String tool) {
        if (!used.firstUse(SCOPE, nonce, ttl.plusSeconds(30))) {
            throw refused(kind, tool, "was already used: each confirmation is good for one call");
        }
    }

    private static ToolInputException refused(Kind kind, String tool, String why) {
        return new ToolInputException("The " + kind.what + " " + why + ". Nothing was changed in Odoo. To go ahead, "
                + "call " + tool + " again without " + kind.parameter + ": the user is asked to confirm again.");
    }

    /** The JSON with every object's keys in order, so that equal arguments digest alike however they were written. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(canonical(item)));
            return array;
        }
        return node;
    }

    /** "5 minutes", "90 seconds". */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + (seconds == 60 ? " minute" : " minutes") : seconds + " seconds";
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
