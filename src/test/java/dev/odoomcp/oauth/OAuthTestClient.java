package dev.odoomcp.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain OAuth client and browser for tests, written from the RFCs (not from the server's code): registers,
 * opens the consent page, submits its form with the cookie the page set, follows nothing by itself (every
 * redirect is returned for the test to inspect), and calls {@code /mcp} with a bearer token.
 */
final class OAuthTestClient {

    static final String REDIRECT = "http://127.0.0.1:9/callback";
    private static final Pattern TXN = Pattern.compile("name=\"txn\" value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Where requests go. */
    final String base;
    /** The bridge's public address (PUBLIC_BASE_URL), which names the resource; the same as {@link #base} unless set. */
    final String publicBase;

    OAuthTestClient(int port) {
        this("http://127.0.0.1:" + port);
    }

    OAuthTestClient(String base) {
        this(base, base);
    }

    OAuthTestClient(String base, String publicBase) {
        this.base = base;
        this.publicBase = publicBase;
    }

    /** The same client talking to another replica of the same bridge. */
    OAuthTestClient at(String otherBase) {
        return new OAuthTestClient(otherBase, publicBase);
    }

    /** An HTTP answer. */
    record Answer(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body());
        }
    }

    /** PKCE pair. */
    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Pkce(verifier, s256(verifier));
        }
    }

    /** The consent page as a browser holds it: its sealed transaction and the cookie it set. */
    record Consent(Answer page, String txn, String cookie) {}

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer get(String pathOrUrl, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
                .timeout(Duration.ofSeconds(30))
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer postForm(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Registers a public client (DCR) with the test redirect URI; returns its client id. */
    String register() {
        Answer answer = postJson(
                "/oauth/register",
                "{\"client_name\":\"Test client\",\"redirect_uris\":[\"" + REDIRECT
                        + "\"],\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\","
                        + "\"refresh_token\"],\"response_types\":[\"code\"]}",
                Map.of());
        if (answer.status() != 201) {
            throw new AssertionError("registration failed: " + answer.status() + " " + answer.body());
        }
        return answer.json().get("client_id").asString();
    }

    String authorizeUrl(String clientId, Pkce pkce, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", REDIRECT);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        query.put("state", state);
        query.put("resource", publicBase + "/mcp");
        return "/oauth/authorize?" + form(query);
    }

    Consent openConsent(String authorizeUrl, String language) {
        Answer page = get(authorizeUrl, Map.of("Accept-Language", language));
        Matcher txn = TXN.matcher(page.body());
        String cookie = page.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("odoomcp_consent="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
        return new Consent(page, txn.find() ? txn.group(1) : null, cookie);
    }

    Answer submit(Consent consent, Map<String, String> fields) {
        return submit(consent, fields, Map.of());
    }

    Answer submit(Consent consent, Map<String, String> fields, Map<String, String> headers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("txn", consent.txn());
        form.put("lang", "en");
        form.putAll(fields);
        form.putIfAbsent("decision", "allow");
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (consent.cookie() != null) {
            all.put("Cookie", consent.cookie());
        }
        return postForm("/oauth/authorize", form, all);
    }

    /** Query parameters of a redirect's Location. */
    static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    Answer exchange(String clientId, String code, String verifier) {
        return postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        REDIRECT,
                        "client_id",
                        clientId,
                        "code_verifier",
                        verifier,
                        "resource",
                        publicBase + "/mcp"),
                Map.of());
    }

    Answer refresh(String clientId, String refreshToken) {
        return postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        refreshToken,
                        "client_id",
                        clientId,
                        "resource",
                        publicBase + "/mcp"),
                Map.of());
    }

    /** The whole flow for one user's Odoo; returns the token response. */
    JsonNode connect(String clientId, Map<String, String> odooFields) {
        Pkce pkce = Pkce.create();
        Consent consent = openConsent(authorizeUrl(clientId, pkce, "st-1"), "en");
        Answer submitted = submit(consent, odooFields);
        if (submitted.status() != 303) {
            throw new AssertionError("consent failed: " + submitted.status() + " " + submitted.body());
        }
        Answer token = exchange(clientId, query(submitted.header("Location")).get("code"), pkce.verifier());
        if (token.status() != 200) {
            throw new AssertionError("token failed: " + token.status() + " " + token.body());
        }
        return token.json();
    }

    /** A stateless tools/call with a bearer token. */
    Answer callTool(String bearer, String tool, String argumentsJson, Map<String, String> extra) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}}";
        Map<String, String> headers = new LinkedHashMap<>(Map.of(
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                "2026-07-28",
                "Mcp-Method",
                "tools/call",
                "Mcp-Name",
                tool));
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        headers.putAll(extra);
        return postJson("/mcp", body, headers);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}
