package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InFlightLimitFilterTests {

    private final List<LimitReason> refusals = new CopyOnWriteArrayList<>();
    private final InFlightLimitFilter filter =
            new InFlightLimitFilter(new RequestLimitProperties(null, null, 2, null, null), refusals::add);

    @Test
    void pastTheCapARequestGets503WithRetryAfterAndAJsonRpcError() throws Exception {
        MockHttpServletResponse third = new MockHttpServletResponse();
        // the first two requests are still being served while the third arrives
        FilterChain innermost = (req, res) -> filter.doFilter(mcp(), third, (q, r) -> {
            throw new AssertionError("the third request must not reach the endpoint");
        });
        FilterChain second = (req, res) -> filter.doFilter(mcp(), new MockHttpServletResponse(), innermost);
        filter.doFilter(mcp(), new MockHttpServletResponse(), second);

        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        JsonNode body = JsonMapper.builder().build().readTree(third.getContentAsByteArray());
        assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(body.path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(body.path("error").path("message").asString())
                .contains("MCP_MAX_IN_FLIGHT")
                .contains("retry in 1 s");
        assertThat(refusals).containsExactly(LimitReason.IN_FLIGHT);
        assertThat(filter.inFlight()).isZero();
    }

    @Test
    void slotsAreGivenBackEvenWhenTheEndpointFails() throws Exception {
        for (int i = 0; i < 5; i++) {
            try {
                filter.doFilter(mcp(), new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the failure is the container's to answer
            }
        }
        assertThat(filter.inFlight()).isZero();
    }

    @Test
    void otherPathsAreNotCounted() throws Exception {
        MockHttpServletRequest health = new MockHttpServletRequest("GET", "/actuator/health");
        health.setServletPath("/actuator/health");
        assertThat(filter.shouldNotFilter(health)).isTrue();
        assertThat(filter.shouldNotFilter(mcp())).isFalse();
    }

    /** As the container hands it over: the path decoded and normalised in {@code servletPath}. */
    private static MockHttpServletRequest mcp() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/m%63p");
        request.setServletPath("/mcp");
        return request;
    }
}
