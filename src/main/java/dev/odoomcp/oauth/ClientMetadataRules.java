package dev.odoomcp.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The checks both kinds of client metadata pass, a fetched Client ID Metadata Document and a Dynamic Client
 * Registration request (RFC 7591 §2): redirect URIs by {@link RedirectPolicy}, only the code and refresh
 * grants, only the {@code code} response type, and a displayable name.
 */
final class ClientMetadataRules {

    private static final int MAX_NAME = 80;

    private final RedirectPolicy redirects;

    ClientMetadataRules(RedirectPolicy redirects) {
        this.redirects = redirects;
    }

    List<String> redirectUris(JsonNode doc, Function<String, OAuthException> error) {
        JsonNode node = doc.get("redirect_uris");
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > 10) {
            throw error.apply("redirect_uris must list 1 to 10 URLs.");
        }
        List<String> uris = new ArrayList<>();
        for (JsonNode uri : node) {
            String text = uri.isString() ? uri.asString() : null;
            String problem = redirects.problemWith(text);
            if (problem != null) {
                throw error.apply("Redirect URI refused: " + problem + ".");
            }
            uris.add(text);
        }
        return uris;
    }

    void checkGrantTypes(JsonNode doc, Function<String, OAuthException> error) {
        JsonNode grants = doc.get("grant_types");
        if (grants != null) {
            boolean code = false;
            for (JsonNode grant : grants) {
                String g = grant.asString("");
                if (!g.equals("authorization_code") && !g.equals("refresh_token")) {
                    throw error.apply(
                            "grant type '" + g + "' is not supported; use authorization_code and " + "refresh_token.");
                }
                code |= g.equals("authorization_code");
            }
            if (!code) {
                throw error.apply("grant_types must include authorization_code.");
            }
        }
        JsonNode responses = doc.get("response_types");
        if (responses != null) {
            for (JsonNode type : responses) {
                if (!"code".equals(type.asString(""))) {
                    throw error.apply("response type '" + type.asString("") + "' is not supported; use code.");
                }
            }
        }
    }

    static String name(JsonNode doc, String fallback) {
        String name = doc.path("client_name").asString("").strip();
        // No control or format characters (a right-to-left override could make "Claude" of "edualC").
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        if (name.isEmpty()) {
            return fallback;
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
    }
}
