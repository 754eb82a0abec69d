package dev.odoomcp.oauth;

import dev.odoomcp.oauth.CredentialCheck.Accepted;
import dev.odoomcp.oauth.CredentialCheck.Field;
import dev.odoomcp.oauth.CredentialCheck.Outcome;
import dev.odoomcp.oauth.CredentialCheck.Refused;
import dev.odoomcp.oauth.CredentialCheck.Unavailable;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.security.AccessTokenFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization endpoint. {@code GET} checks the request (client, exact redirect URI, PKCE S256, RFC 8707
 * resource) and shows the consent page; {@code POST} is the page's form: it checks the CSRF binding, the
 * limits, the operator's access code when required, then the Odoo credentials live, and sends the user back
 * with a sealed code. Until the client and redirect URI are known good, errors are shown here and never
 * redirected (RFC 6749 §4.1.2.1), so the endpoint cannot be used as an open redirector.
 */
@RestController
class AuthorizeController {

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_STATE = 1024;

    private final boolean enabled;
    private final boolean askAccessToken;
    private final OAuthClients clients;
    private final RedirectPolicy redirects;
    private final OAuthUrls urls;
    private final TokenSealer sealer;
    private final OAuthTokens tokens;
    private final CredentialCheck check;
    private final ConsentThrottle throttle;
    private final AccessTokenFilter accessTokens;
    private final OAuthMetrics metrics;

    AuthorizeController(
            OAuthProperties properties,
            OAuthClients clients,
            RedirectPolicy redirects,
            OAuthUrls urls,
            TokenSealer sealer,
            OAuthTokens tokens,
            CredentialCheck check,
            ConsentThrottle throttle,
            AccessTokenFilter accessTokens,
            OAuthMetrics metrics) {
        this.metrics = metrics;
        this.enabled = properties.enabled();
        this.askAccessToken = properties.requiresAccessToken(accessTokens.configured());
        this.clients = clients;
        this.redirects = redirects;
        this.urls = urls;
        this.sealer = sealer;
        this.tokens = tokens;
        this.check = check;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
    }

    @GetMapping(OAuthUrls.AUTHORIZE_PATH)
    ResponseEntity<String> start(HttpServletRequest request) {
        if (!enabled) {
            return ResponseEntity.notFound().build();
        }
        ConsentText text = ConsentText.forRequest(request);
        String duplicated = duplicated(request);
        if (duplicated != null) {
            return problem(
                    text,
                    "badclient.title",
                    text.get("badclient.body", "The parameter " + duplicated + " was sent more than once."));
        }
        String clientId = request.getParameter("client_id");
        if (!clients.known(clientId)) {
            long wait = throttle.chargeFetch(request.getRemoteAddr());
            if (wait > 0) {
                metrics.record("authorize", "limited");
                return ConsentResponses.page(
                        429,
                        ConsentPage.message(
                                text, text.get("badclient.title"), text.get("error.limited", Long.toString(wait))),
                        null,
                        null);
            }
        }
        OAuthClient client;
        try {
            client = clients.resolve(clientId);
        } catch (OAuthException e) {
            metrics.record("authorize", "invalid_client");
            return problem(text, "badclient.title", text.get("badclient.body", e.getMessage()));
        }
        String redirectUri = request.getParameter("redirect_uri");
        if (redirectUri == null && client.redirectUris().size() == 1) {
            redirectUri = client.redirectUris().get(0);
        }
        if (!redirects.matches(client.redirectUris(), redirectUri)) {
            metrics.record("authorize", "invalid_redirect_uri");
            return problem(text, "badclient.title", text.get("badredirect.body"));
        }
        String state = request.getParameter("state");
        String issuer = urls.issuer(request);
        String refusal = refusal(request, state);
        if (refusal != null) {
            String error = refusal.startsWith("resource")
                    ? "invalid_target"
                    : refusal.startsWith("response_type") ? "unsupported_response_type" : "invalid_request";
            metrics.record("authorize", error);
            return ConsentResponses.redirectError(redirectUri, error, refusal, state, issuer);
        }
        String nonce = ConsentResponses.nonce(request);
        if (nonce == null) {
            nonce = Secrets.newSecret();
        }
        AuthorizationRequest txn = new AuthorizationRequest(
                client.clientId(),
                client.name(),
                redirectUri,
                state,
                request.getParameter("code_challenge"),
                urls.resource(request),
                Secrets.digest(nonce));
        String sealed = sealer.seal(TokenKind.CONSENT, txn.claims(), ConsentResponses.CONSENT_LIFETIME);
        String html = ConsentPage.form(
                text,
                new ConsentPage.View(
                        sealed,
                        client.name(),
                        OAuthClient.hostOf(redirectUri),
                        null,
                        null,
                        null,
                        false,
                        askAccessToken,
                        ConsentPage.noErrors(),
                        null));
        metrics.record("authorize", "ok");
        return ConsentResponses.page(200, html, redirectUri, ConsentResponses.cookie(nonce, secure(request)));
    }

    @PostMapping(OAuthUrls.AUTHORIZE_PATH)
    ResponseEntity<String> submit(HttpServletRequest request) {
        if (!enabled) {
            return ResponseEntity.notFound().build();
        }
        ConsentText text = ConsentText.forRequest(request);
        AuthorizationRequest txn;
        try {
            txn = AuthorizationRequest.from(sealer.open(TokenKind.CONSENT, request.getParameter("txn")));
        } catch (TokenRefusedException e) {
            metrics.record("consent", "expired");
            return problem(text, "expired.title", text.get("expired.body"));
        }
        String nonce = ConsentResponses.nonce(request);
        if (nonce == null
                || !Secrets.same(Secrets.digest(nonce), txn.nonceDigest())
                || !txn.resource().equals(urls.resource(request))) {
            metrics.record("consent", "csrf");
            return problem(text, "expired.title", text.get("expired.body"));
        }
        String issuer = urls.issuer(request);
        if ("deny".equals(request.getParameter("decision"))) {
            metrics.record("consent", "denied");
            return ConsentResponses.redirectError(
                    txn.redirectUri(), "access_denied", "The user cancelled.", txn.state(), issuer);
        }
        Form form = new Form(
                request.getParameter("odoo_url"),
                request.getParameter("odoo_db"),
                request.getParameter("odoo_login"),
                "on".equals(request.getParameter("read_only")));
        String address = request.getRemoteAddr();
        long wait = throttle.chargeAddress(address);
        if (wait > 0) {
            return again(request, text, txn, form, Map.of(), text.get("error.limited", Long.toString(wait)), 429);
        }
        Map<Field, String> errors = ConsentPage.noErrors();
        String operatorToken = null;
        if (askAccessToken) {
            operatorToken = accessTokens.match(request.getParameter("access_token"));
            if (operatorToken == null) {
                errors.put(Field.ACCESS_TOKEN, text.get("error.token"));
            }
        }
        Outcome parsed = check.parse(header -> {
            String field = ConsentPage.fieldFor(header);
            return field == null ? null : request.getParameter(field);
        });
        if (parsed instanceof Refused refused) {
            errors.put(refused.field(), text.problem(refused));
        }
        if (!errors.isEmpty()) {
            return again(request, text, txn, form, errors, null, 400);
        }
        OdooCredentials credentials = ((Accepted) parsed).credentials();
        wait = throttle.chargeHost(credentials.url().getHost());
        if (wait > 0) {
            return again(request, text, txn, form, Map.of(), text.get("error.limited", Long.toString(wait)), 429);
        }
        Outcome live = check.login(credentials, "ip:" + address);
        if (live instanceof Refused refused) {
            return again(request, text, txn, form, Map.of(refused.field(), text.problem(refused)), null, 400);
        }
        if (live instanceof Unavailable unavailable) {
            String message = "limited".equals(unavailable.problem())
                    ? text.get("error.limited", Long.toString(unavailable.retryAfterSeconds()))
                    : text.get("error.unreachable", unavailable.detail());
            boolean limited = "limited".equals(unavailable.problem());
            return again(
                    request,
                    text,
                    txn,
                    form,
                    limited ? Map.of() : Map.of(Field.URL, message),
                    limited ? message : null,
                    limited ? 429 : 502);
        }
        Grant grant = new Grant(
                Grant.OdooFields.of(credentials),
                txn.clientId(),
                txn.resource(),
                form.readOnly(),
                operatorToken,
                sealer.now());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", tokens.code(grant, txn.redirectUri(), txn.codeChallenge()));
        parameters.put("state", txn.state());
        parameters.put("iss", issuer);
        metrics.record("consent", "ok");
        return ConsentResponses.redirect(
                txn.redirectUri(), parameters, ConsentResponses.expiredCookie(secure(request)));
    }

    /** What the user typed, to fill back in (never the key or the access code). */
    private record Form(String url, String database, String login, boolean readOnly) {}

    private ResponseEntity<String> again(
            HttpServletRequest request,
            ConsentText text,
            AuthorizationRequest txn,
            Form form,
            Map<Field, String> errors,
            String formError,
            int status) {
        metrics.record(
                "consent",
                status == 429
                        ? "limited"
                        : errors.containsKey(Field.ACCESS_TOKEN)
                                ? "access_token"
                                : errors.containsKey(Field.KEY)
                                        ? "key"
                                        : errors.containsKey(Field.DATABASE)
                                                ? "database"
                                                : errors.containsKey(Field.URL) ? "address" : "invalid");
        Map<Field, String> all = ConsentPage.noErrors();
        all.putAll(errors);
        String html = ConsentPage.form(
                text,
                new ConsentPage.View(
                        request.getParameter("txn"),
                        txn.clientName(),
                        OAuthClient.hostOf(txn.redirectUri()),
                        form.url(),
                        form.database(),
                        form.login(),
                        form.readOnly(),
                        askAccessToken,
                        all,
                        formError));
        return ConsentResponses.page(status, html, txn.redirectUri(), null);
    }

    /** Why this (client- and redirect-checked) request cannot go on, or null. */
    private String refusal(HttpServletRequest request, String state) {
        if (!"code".equals(request.getParameter("response_type"))) {
            return "response_type must be code (the authorization code flow with PKCE).";
        }
        String challenge = request.getParameter("code_challenge");
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            return "PKCE is required: send code_challenge (43 characters, base64url of a SHA-256) with "
                    + "code_challenge_method=S256.";
        }
        if (!"S256".equals(request.getParameter("code_challenge_method"))) {
            return "code_challenge_method must be S256.";
        }
        if (state != null && state.length() > MAX_STATE) {
            return "state is longer than " + MAX_STATE + " characters.";
        }
        String resource = request.getParameter("resource");
        if (resource != null && !resource.equals(urls.resource(request))) {
            return "resource " + resource + " is not served here; this bridge is the resource " + urls.resource(request)
                    + ".";
        }
        return null;
    }

    private static String duplicated(HttpServletRequest request) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (p.getValue().length > 1) {
                return p.getKey();
            }
        }
        return null;
    }

    private ResponseEntity<String> problem(ConsentText text, String title, String body) {
        return ConsentResponses.page(400, ConsentPage.message(text, text.get(title), body), null, null);
    }

    private boolean secure(HttpServletRequest request) {
        return urls.base(request).startsWith("https:");
    }
}
