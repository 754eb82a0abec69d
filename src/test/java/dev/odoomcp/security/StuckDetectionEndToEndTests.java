package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.FakeOdooDatasets;
import dev.odoomcp.testing.McpClient;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A tenant's Odoo whose name takes forever to resolve (its DNS server never answers in time), end
 * to end: the JDK's name lookup cannot be interrupted, so the worker stays stuck in it past the
 * deadline, and the request must end at the deadline anyway. Protocol detection used to hold a
 * lock through that lookup which the request thread then needed to finish the request, so the
 * request, and its in-flight slot, waited for the lookup. The stub resolver answers only
 * {@value #SLOW_HOST} (with 127.0.0.1) and IP literals; no real DNS is asked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "odoo.allow-private-networks=true",
            "odoo.allow-http=true",
            "odoo.allowed-hosts=127.0.0.1," + StuckDetectionEndToEndTests.SLOW_HOST,
            "mcp.request-timeout=2s"
        })
class StuckDetectionEndToEndTests {

    static final String SLOW_HOST = "slow-dns.test";

    @LocalServerPort
    int port;

    @Autowired
    TenantCallGuard guard;

    @Autowired
    SlowDns dns;

    /** Blocks lookups of {@link #SLOW_HOST} until released, deaf to interrupts like the JDK's resolver. */
    static final class SlowDns implements GuardedDnsResolver.NameLookup {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger stuck = new AtomicInteger();

        @Override
        public InetAddress[] lookup(String host) throws UnknownHostException {
            if (host.equals("127.0.0.1")) {
                return new InetAddress[] {InetAddress.getLoopbackAddress()};
            }
            if (!host.equals(SLOW_HOST)) {
                throw new UnknownHostException(host + " (this test resolves no other name)");
            }
            stuck.incrementAndGet();
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        released.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                stuck.decrementAndGet();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        }

        int stuck() {
            return stuck.get();
        }

        void release() {
            released.countDown();
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        SlowDns slowDns() {
            return new SlowDns();
        }
    }

    @Test
    void theDeadlineEndsTheRequestWhileDetectionIsStuckInANameLookup() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.builder()
                .version("18.0")
                .database("acme", FakeOdooDatasets.demoCompany("acme", "admin", HostileOdooEndToEndTests.KEY))
                .start()) {
            URI url = URI.create("http://" + SLOW_HOST + ":" + odoo.port());
            McpClient bridge = McpClient.at(port);
            CompletableFuture<McpClient.Reply> call = CompletableFuture.supplyAsync(() -> bridge.callTool(
                    "count_records", "{\"model\":\"res.partner\"}", HostileOdooEndToEndTests.tenant(url)));
            try {
                McpClient.Reply reply = call.get(20, TimeUnit.SECONDS);
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.isToolError()).as(reply.body()).isTrue();
                assertThat(reply.text()).contains("did not finish within 2 s");
                assertThat(dns.stuck())
                        .as("the worker is still inside the lookup")
                        .isEqualTo(1);
            } finally {
                dns.release();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> guard.running() == 0);
        }
    }
}
