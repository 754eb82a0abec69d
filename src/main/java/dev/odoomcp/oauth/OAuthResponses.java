package dev.odoomcp.oauth;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The JSON answers of the token and registration endpoints: never cached, readable by web clients. */
final class OAuthResponses {

    private OAuthResponses() {}

    static ResponseEntity<Object> json(int status, Object body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("Access-Control-Allow-Origin", "*")
                .body(body);
    }

    /** RFC 6749 §5.2 error response. */
    static ResponseEntity<Object> error(OAuthException e) {
        ResponseEntity<Object> answer =
                json(e.status(), Map.of("error", e.error(), "error_description", e.getMessage()));
        if (e.status() == 401) {
            return ResponseEntity.status(401)
                    .headers(answer.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"")
                    .body(answer.getBody());
        }
        return answer;
    }

    /** Too many requests from one address: 429 with {@code Retry-After}. */
    static ResponseEntity<Object> limited(long retryAfterSeconds, String description) {
        return ResponseEntity.status(429)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Access-Control-Allow-Origin", "*")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(Map.of("error", "slow_down", "error_description", description));
    }

    /** CORS preflight for web clients (no cookies are involved on these endpoints). */
    static ResponseEntity<Object> preflight() {
        return ResponseEntity.noContent()
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type, Authorization, MCP-Protocol-Version")
                .header("Access-Control-Max-Age", "600")
                .build();
    }
}
