package dev.odoomcp.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The discovery documents: RFC 9728 protected resource metadata (at the root and the {@code /mcp}-suffixed
 * path) and RFC 8414 authorization server metadata (also at the OpenID-style path some clients try first).
 * Not found while OAuth is off, so header-mode deployments advertise nothing they cannot do.
 */
@RestController
class MetadataController {

    private final boolean enabled;
    private final OAuthUrls urls;

    MetadataController(OAuthProperties properties, OAuthUrls urls) {
        this.enabled = properties.enabled();
        this.urls = urls;
    }

    @GetMapping({OAuthUrls.PROTECTED_RESOURCE_PATH, OAuthUrls.PROTECTED_RESOURCE_PATH + OAuthUrls.MCP_PATH})
    ResponseEntity<Map<String, Object>> protectedResource(HttpServletRequest request) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resource", urls.resource(request));
        doc.put("authorization_servers", List.of(urls.issuer(request)));
        doc.put("bearer_methods_supported", List.of("header"));
        doc.put("resource_name", "Odoo MCP Bridge");
        return answer(doc);
    }

    @GetMapping({
        OAuthUrls.AUTHORIZATION_SERVER_PATH,
        OAuthUrls.AUTHORIZATION_SERVER_PATH + OAuthUrls.MCP_PATH,
        OAuthUrls.OPENID_CONFIGURATION_PATH,
        OAuthUrls.OPENID_CONFIGURATION_PATH + OAuthUrls.MCP_PATH
    })
    ResponseEntity<Map<String, Object>> authorizationServer(HttpServletRequest request) {
        String issuer = urls.issuer(request);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + OAuthUrls.AUTHORIZE_PATH);
        doc.put("token_endpoint", issuer + OAuthUrls.TOKEN_PATH);
        doc.put("registration_endpoint", issuer + OAuthUrls.REGISTER_PATH);
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put(
                "token_endpoint_auth_methods_supported",
                List.of(OAuthClient.NONE, OAuthClient.SECRET_POST, OAuthClient.SECRET_BASIC));
        doc.put("authorization_response_iss_parameter_supported", true);
        doc.put("client_id_metadata_document_supported", true);
        doc.put("ui_locales_supported", List.of("en", "es"));
        return answer(doc);
    }

    private ResponseEntity<Map<String, Object>> answer(Map<String, Object> doc) {
        if (!enabled) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        // Public documents: any web client may read them; they vary with the host when PUBLIC_BASE_URL is unset.
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .header("Access-Control-Allow-Origin", "*")
                .header("Vary", "Host, X-Forwarded-Host, X-Forwarded-Proto")
                .body(doc);
    }
}
