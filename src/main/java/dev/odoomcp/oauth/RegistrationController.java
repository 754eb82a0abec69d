package dev.odoomcp.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic Client Registration (RFC 7591), for clients that do not use Client ID Metadata Documents yet. The
 * client id returned is the registered metadata sealed, so nothing is stored, registering twice is harmless,
 * and any replica accepts it. A client that asks for {@code client_secret_post} or {@code client_secret_basic}
 * gets a secret, shown once; only its digest is sealed in the client id.
 */
@RestController
class RegistrationController {

    private static final int MAX_BODY = 8 * 1024;

    private final boolean enabled;
    private final OAuthClients clients;
    private final JsonMapper json;
    private final ConsentThrottle throttle;
    private final OAuthMetrics metrics;

    RegistrationController(
            OAuthProperties properties,
            OAuthClients clients,
            JsonMapper json,
            ConsentThrottle throttle,
            OAuthMetrics metrics) {
        this.enabled = properties.enabled();
        this.clients = clients;
        this.json = json;
        this.throttle = throttle;
        this.metrics = metrics;
    }

    @PostMapping(OAuthUrls.REGISTER_PATH)
    ResponseEntity<Object> register(HttpServletRequest request) throws IOException {
        if (!enabled) {
            return ResponseEntity.notFound().build();
        }
        long wait = throttle.chargeRegistration(request.getRemoteAddr());
        if (wait > 0) {
            metrics.record("register", "limited");
            return OAuthResponses.limited(wait, "Too many registrations from this address; retry in " + wait + " s.");
        }
        try {
            OAuthClients.Registration registration = clients.register(body(request));
            OAuthClient client = registration.client();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("client_id", client.clientId());
            answer.put("client_id_issued_at", registration.issuedAt());
            if (registration.secret() != null) {
                answer.put("client_secret", registration.secret());
                answer.put("client_secret_expires_at", 0);
            }
            answer.put("client_name", client.name());
            answer.put("redirect_uris", client.redirectUris());
            answer.put("token_endpoint_auth_method", client.authMethod());
            answer.put("grant_types", java.util.List.of("authorization_code", "refresh_token"));
            answer.put("response_types", java.util.List.of("code"));
            metrics.record("register", "ok");
            return OAuthResponses.json(201, answer);
        } catch (OAuthException e) {
            metrics.record("register", e.error());
            return OAuthResponses.error(e);
        }
    }

    @RequestMapping(
            path = {OAuthUrls.REGISTER_PATH, OAuthUrls.TOKEN_PATH},
            method = RequestMethod.OPTIONS)
    ResponseEntity<Object> preflight() {
        return enabled ? OAuthResponses.preflight() : ResponseEntity.notFound().build();
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new OAuthException("invalid_client_metadata", "Send the client metadata as application/json.", 400);
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new OAuthException(
                    "invalid_client_metadata",
                    "The registration request is larger than " + MAX_BODY / 1024 + " KB.",
                    400);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new OAuthException(
                        "invalid_client_metadata",
                        "The registration request is larger than " + MAX_BODY / 1024 + " KB.",
                        400);
            }
            return json.readTree(bytes);
        } catch (JacksonException e) {
            throw new OAuthException("invalid_client_metadata", "The registration request is not valid JSON.", 400);
        }
    }
}
