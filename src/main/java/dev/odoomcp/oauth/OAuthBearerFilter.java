package dev.odoomcp.oauth;

import dev.odoomcp.odoo.OdooClientFactory;
import dev.odoomcp.odoo.OdooCredentials;
import dev.odoomcp.odoo.OdooException;
import dev.odoomcp.security.AccessTokenFilter;
import dev.odoomcp.security.EdgeOrder;
import dev.odoomcp.security.EdgePaths;
import dev.odoomcp.security.TenantIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource-server side of OAuth mode, on {@code /mcp}. The rule that keeps the two kinds of bearer apart:
 * an {@code Authorization: Bearer} value shaped as one of this bridge's sealed tokens (a five-part JWE whose
 * {@code typ} is ours) is an OAuth token and must open as a valid access token for this resource; a request
 * with Odoo credentials headers is header mode and left to {@link AccessTokenFilter} exactly as without OAuth;
 * otherwise the bearer value must be one of the operator's access tokens ({@code MCP_ACCESS_TOKEN(S)}), or the
 * request gets {@code 401 invalid_token} with the challenge. A request with neither a bearer value nor Odoo credentials headers is
 * challenged with {@code WWW-Authenticate: Bearer resource_metadata=...}, which starts the client's OAuth
 * flow; one with {@code X-Odoo-Url/-Db/-Username/-Api-Key} is never challenged (header mode, exactly as without OAuth).
 */
@Component
@Order(EdgeOrder.OAUTH_BEARER)
class OAuthBearerFilter extends OncePerRequestFilter {

    private final boolean enabled;
    private final OAuthTokens tokens;
    private final OAuthUrls urls;
    private final OdooClientFactory odoo;
    private final TenantIds tenantIds;
    private final JsonMapper json;
    private final AccessTokenFilter operatorTokens;
    private final OAuthMetrics metrics;

    OAuthBearerFilter(
            OAuthProperties properties,
            OAuthTokens tokens,
            OAuthUrls urls,
            OdooClientFactory odoo,
            TenantIds tenantIds,
            JsonMapper json,
            AccessTokenFilter operatorTokens,
            OAuthMetrics metrics) {
        this.operatorTokens = operatorTokens;
        this.metrics = metrics;
        this.enabled = properties.enabled();
        this.tokens = tokens;
        this.urls = urls;
        this.odoo = odoo;
        this.tenantIds = tenantIds;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !EdgePaths.isMcp(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String bearer = bearer(request);
        if (bearer != null && TokenSealer.looksSealed(bearer)) {
            OAuthCaller caller;
            try {
                Grant grant = tokens.openAccess(bearer, urls.resource(request));
                OdooCredentials credentials = odoo.credentialsFrom(grant.odoo()::header);
                caller = new OAuthCaller(
                        credentials,
                        grant.readOnly(),
                        "oauth:" + tenantIds.of(credentials.url(), credentials.database()));
            } catch (TokenRefusedException e) {
                metrics.record("bearer", e.reason().name());
                challenge(request, response, e.getMessage());
                return;
            } catch (OdooException e) {
                metrics.record("bearer", "odoo_not_allowed");
                challenge(
                        request,
                        response,
                        "The Odoo this token connects is no longer allowed by this bridge; connect " + "again.");
                return;
            }
            request.setAttribute(OAuthCallers.ATTRIBUTE, caller);
            request.setAttribute(AccessTokenFilter.AUTHENTICATED_ELSEWHERE, "oauth");
            chain.doFilter(request, response);
            return;
        }
        if (hasOdooHeaders(request)) {
            chain.doFilter(request, response); // header mode, exactly as without OAuth: never challenged
            return;
        }
        if (bearer == null) {
            metrics.record("bearer", "challenged");
            challenge(request, response, null);
            return;
        }
        if (operatorTokens.match(bearer) == null) {
            metrics.record("bearer", "not_ours");
            challenge(
                    request,
                    response,
                    "The bearer token is neither an access token of this bridge nor the " + "operator's access token.");
            return;
        }
        chain.doFilter(request, response);
    }

    private void challenge(HttpServletRequest request, HttpServletResponse response, String problem)
            throws IOException {
        StringBuilder header = new StringBuilder("Bearer resource_metadata=\"")
                .append(urls.resourceMetadata(request))
                .append('"');
        String message;
        if (problem != null) {
            header.append(", error=\"invalid_token\", error_description=\"")
                    .append(quotable(problem))
                    .append('"');
            message = problem + " The client should refresh the token or connect again.";
        } else {
            message = "This bridge needs you to connect: add it as a connector (OAuth), or send your Odoo credentials "
                    + "in the X-Odoo-Url, X-Odoo-Db, X-Odoo-Username and X-Odoo-Api-Key headers.";
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", header.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        var body = json.createObjectNode().put("jsonrpc", "2.0").putNull("id");
        body.putObject("error").put("code", -32600).put("message", message);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : ' ');
        }
        return out.toString();
    }

    static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = authorization.substring(7).strip();
            return value.isEmpty() ? null : value;
        }
        return null;
    }

    /** Header-mode credentials (any of them: a partial set gets its precise error from the tools, not a challenge). */
    private static boolean hasOdooHeaders(HttpServletRequest request) {
        for (String name : new String[] {
            OdooCredentials.URL_HEADER,
            OdooCredentials.DB_HEADER,
            OdooCredentials.USERNAME_HEADER,
            OdooCredentials.API_KEY_HEADER
        }) {
            if (request.getHeader(name) != null) {
                return true;
            }
        }
        return false;
    }
}
