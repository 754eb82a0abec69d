package dev.odoomcp.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.odoomcp.security.GuardedDnsResolver;
import dev.odoomcp.security.TargetAddressPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** The shared transport on its own: per-host slots, no cookies, no compression request, no credentials kept. */
class OdooHttpTests {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension slow = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static OdooHttp http(int perHost, Duration queueTimeout) {
        return http(perHost, queueTimeout, 10);
    }

    private static OdooHttp http(int perHost, Duration queueTimeout, int maxConnections) {
        return http(perHost, queueTimeout, maxConnections, null);
    }

    private static OdooHttp http(int perHost, Duration queueTimeout, int maxConnections, DataSize budget) {
        OdooProperties props = new OdooProperties(
                List.of(),
                true,
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                DataSize.ofKilobytes(64),
                budget,
                perHost,
                queueTimeout,
                maxConnections,
                null,
                null,
                null,
                null);
        return new OdooHttp(props, new GuardedDnsResolver(new TargetAddressPolicy(true)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + wm.getPort() + path);
    }

    @Test
    void aBusyHostMakesFurtherRequestsWaitThenFailClearly() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(3000)));
        try (OdooHttp http = http(1, Duration.ofMillis(200))) {
            CompletableFuture<HttpReply> first = CompletableFuture.supplyAsync(() -> http.get(uri("/slow"), Map.of()));
            String origin = "http://127.0.0.1:" + wm.getPort();
            while (http.inFlight(origin) == 0 && !first.isDone()) {
                Thread.onSpinWait();
            }
            OdooException e = catchThrowableOfType(OdooException.class, () -> http.get(uri("/slow"), Map.of()));
            assertThat(e.kind()).isEqualTo(OdooErrorKind.TIMEOUT);
            assertThat(e.getMessage()).contains("Too many requests").contains(origin);
            assertThat(first.get().status()).isEqualTo(200);
            assertThat(http.inFlight(origin)).isZero();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/slow")));
    }

    @Test
    void aSlowHostCannotTakeTheConnectionsOfAnother() throws Exception {
        // Two loopback Odoos, distinct hosts by port. Before shares, the slow one took all 4 connections and the
        // fast one waited for the pool, then was told its Odoo "did not answer in time".
        slow.stubFor(get(urlPathEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(5000)));
        wm.stubFor(get(urlPathEqualTo("/fast"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        String slowOrigin = "http://127.0.0.1:" + slow.getPort();
        try (OdooHttp http = http(4, Duration.ofSeconds(2), 4)) {
            List<CompletableFuture<Object>> slowCalls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slowCalls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.get(URI.create(slowOrigin + "/slow"), Map.of());
                    } catch (OdooException e) {
                        return e;
                    }
                }));
            }
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> slow.getAllServeEvents().size() >= 2);
            assertThat(http.get(uri("/fast"), Map.of()).text()).isEqualTo("ok");
            assertThat(http.inFlight(slowOrigin)).isEqualTo(2);
            List<Object> outcomes =
                    slowCalls.stream().map(CompletableFuture::join).toList();
            assertThat(outcomes).filteredOn(HttpReply.class::isInstance).hasSize(2);
            assertThat(outcomes)
                    .filteredOn(OdooException.class::isInstance)
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(((OdooException) e).getMessage())
                            .contains("its share of the bridge's connections"));
        }
    }

    @Test
    void answersAreChargedToTheMemoryBudgetUntilTheirCallEnds() {
        // 64 KiB cap: the smallest budget allowed is 11 x 64 KiB, exactly one largest JSON answer
        wm.stubFor(get(urlPathEqualTo("/big"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("\"" + "z".repeat(60 * 1024) + "\"")));
        wm.stubFor(get(urlPathEqualTo("/chunked"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withChunkedDribbleDelay(4, 1)
                        .withHeader("Content-Type", "application/json")
                        .withBody("\"" + "y".repeat(60 * 1024) + "\"")));
        try (OdooHttp http = http(4, Duration.ofSeconds(1), 10, DataSize.ofKilobytes(11 * 64))) {
            AnswerBudget budget = http.budget();
            assertThat(budget.capacity()).isEqualTo(11 * 64 * 1024);
            budget.within(() -> {
                assertThat(http.get(uri("/big"), Map.of()).body()).hasSizeGreaterThan(60 * 1024);
                assertThat(budget.used()).isGreaterThan(10L * 60 * 1024); // still charged: the caller parses it now
                OdooException full = catchThrowableOfType(OdooException.class, () -> http.get(uri("/big"), Map.of()));
                assertThat(full.kind()).isEqualTo(OdooErrorKind.BRIDGE_BUSY);
                assertThat(full.getMessage()).contains("ODOO_ANSWER_MEMORY_BUDGET");
                OdooException chunked =
                        catchThrowableOfType(OdooException.class, () -> http.get(uri("/chunked"), Map.of()));
                assertThat(chunked.kind()).isEqualTo(OdooErrorKind.BRIDGE_BUSY);
                return null;
            });
            assertThat(budget.used()).isZero();
            assertThat(http.get(uri("/chunked"), Map.of()).body()).hasSizeGreaterThan(60 * 1024);
            assertThat(budget.used()).isZero();
        }
    }

    @Test
    void cookiesAreNotKeptAndCompressionIsNotRequested() {
        wm.stubFor(get(urlPathEqualTo("/set"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Set-Cookie", "session_id=tenant-a-session; Path=/")
                        .withBody("x")));
        wm.stubFor(get(urlPathEqualTo("/next"))
                .willReturn(aResponse().withStatus(200).withBody("y")));
        try (OdooHttp http = http(4, Duration.ofSeconds(1))) {
            http.get(uri("/set"), Map.of());
            http.get(uri("/next"), Map.of());
        }
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/next"))).get(0).containsHeader("Cookie"))
                .isFalse();
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/next"))).get(0).containsHeader("Accept-Encoding"))
                .isFalse();
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeReading() {
        wm.stubFor(get(urlPathEqualTo("/big"))
                .willReturn(aResponse().withStatus(200).withBody("z".repeat(100 * 1024))));
        try (OdooHttp http = http(4, Duration.ofSeconds(1))) {
            OdooException e = catchThrowableOfType(OdooException.class, () -> http.get(uri("/big"), Map.of()));
            assertThat(e.kind()).isEqualTo(OdooErrorKind.RESPONSE_TOO_LARGE);
            // the pool is still usable afterwards
            wm.stubFor(get(urlPathEqualTo("/small"))
                    .willReturn(aResponse().withStatus(200).withBody("ok")));
            assertThat(http.get(uri("/small"), Map.of()).text()).isEqualTo("ok");
        }
    }
}
