package dev.odoomcp.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How the MCP layer learns that a request is an OAuth one: {@link OAuthBearerFilter} leaves the opened
 * access token's caller in a request attribute, and {@code CallerResolver} asks here, so credentials come
 * from exactly one place per request and handlers never see a token.
 */
@Component
public class OAuthCallers {

    static final String ATTRIBUTE = OAuthCallers.class.getName() + ".caller";

    /** The caller a valid bearer access token carried, if this request had one. */
    public Optional<OAuthCaller> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof OAuthCaller caller ? Optional.of(caller) : Optional.empty();
    }
}
