package dev.odoomcp.oauth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;

/**
 * What the authorization endpoint answers a browser: the consent page with headers that keep it out of
 * frames and caches and let it post only to itself (and, through the redirect that follows, to the
 * application's own origin); the redirect back with {@code code}, {@code state} and RFC 9207 {@code iss};
 * and the CSRF cookie, {@code HttpOnly}, {@code SameSite=Strict}, scoped to the endpoint.
 */
final class ConsentResponses {

    static final String COOKIE = "odoomcp_consent";
    static final Duration CONSENT_LIFETIME = Duration.ofMinutes(10);

    private ConsentResponses() {}

    static ResponseEntity<String> page(int status, String html, String redirectUri, ResponseCookie cookie) {
        String formAction = "'self'" + (redirectUri == null ? "" : " " + origin(redirectUri));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src " + ConsentPage.STYLE_HASH + "; form-action " + formAction
                                + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
        if (cookie != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return answer.body(html);
    }

    static ResponseEntity<String> redirect(String redirectUri, Map<String, String> parameters, ResponseCookie cookie) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.indexOf('?') < 0 ? '?' : '&');
        boolean first = true;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            location.append(first ? "" : "&")
                    .append(p.getKey())
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            first = false;
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(303)
                .header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer");
        if (cookie != null) {
            answer.header(HttpHeaders.SET_COOKIE, cookie.toString());
        }
        return answer.build();
    }

    /** The error redirect of RFC 6749 §4.1.2.1, with {@code state} and {@code iss}. */
    static ResponseEntity<String> redirectError(
            String redirectUri, String error, String description, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", state);
        parameters.put("iss", issuer);
        return redirect(redirectUri, parameters, null);
    }

    static ResponseCookie cookie(String nonce, boolean secure) {
        return ResponseCookie.from(COOKIE, nonce)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path(OAuthUrls.AUTHORIZE_PATH)
                .maxAge(CONSENT_LIFETIME)
                .build();
    }

    static ResponseCookie expiredCookie(boolean secure) {
        return ResponseCookie.from(COOKIE, "")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path(OAuthUrls.AUTHORIZE_PATH)
                .maxAge(0)
                .build();
    }

    /** The browser's consent nonce, when it has a well-formed one. */
    static String nonce(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())
                        && cookie.getValue() != null
                        && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
