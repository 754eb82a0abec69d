package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoomcp.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Redis backend against a real {@code redis-server} on loopback, with two backends standing for
 * two instances: they share buckets and running slots, a crashed holder's slots come back after the
 * lease, Redis stopped means local limits at once (one log line), Redis back means shared again.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisLimitBackendTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private RedisLimitBackend backend(String url, Duration lease) {
        return open(new RedisLimitBackend(
                new RedisLink(new LimitBackendProperties(url, false, TIMEOUT), Duration.ofMillis(200)),
                new TenantIds("redis-tests-hash-key-0123"),
                lease,
                TIMEOUT));
    }

    private static LimitBackend.KeyCounters tenant(LimitBackend backend, String key, int perMinute, int max) {
        return backend.counters("tenant", key, perMinute, max, LimitBackend.Shared.RATE_AND_RUNNING);
    }

    @Test
    void twoInstancesShareOneBucketPerKeyAndOtherKeysAreUntouched() {
        RedisServer redis = open(RedisServer.start());
        LimitBackend a = backend(redis.url(), Duration.ofMinutes(1));
        LimitBackend b = backend(redis.url(), Duration.ofMinutes(1));
        assertThat(a.state()).isEqualTo(LimitBackend.State.REDIS);
        LimitBackend.KeyCounters onA = tenant(a, "t1", 5, 8);
        LimitBackend.KeyCounters onB = tenant(b, "t1", 5, 8);
        int taken = 0;
        for (int i = 0; i < 10; i++) {
            if ((i % 2 == 0 ? onA : onB).tryConsume() == 0) {
                taken++;
            }
        }
        assertThat(taken).isEqualTo(5);
        // 5 per minute: the next call is about 12 s away, on both instances
        assertThat(onA.tryConsume()).isBetween(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(12));
        assertThat(tenant(b, "t2", 5, 8).tryConsume()).isZero();
    }

    @Test
    void aSingleUseIdIsSpentOnceAcrossInstancesAndExpires() throws Exception {
        RedisServer redis = open(RedisServer.start());
        LimitBackend a = backend(redis.url(), Duration.ofMinutes(1));
        LimitBackend b = backend(redis.url(), Duration.ofMinutes(1));
        assertThat(a.firstUse("confirmation", "nonce-1", Duration.ofMinutes(5))).isTrue();
        assertThat(b.firstUse("confirmation", "nonce-1", Duration.ofMinutes(5)))
                .as("a replay to the other instance")
                .isFalse();
        assertThat(a.firstUse("confirmation", "nonce-1", Duration.ofMinutes(5))).isFalse();
        assertThat(b.firstUse("other-scope", "nonce-1", Duration.ofMinutes(5))).isTrue();
        assertThat(b.firstUse("confirmation", "short", Duration.ofMillis(300))).isTrue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!a.firstUse("confirmation", "short", Duration.ofMillis(300)) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(System.nanoTime()).as("the id is forgotten after its ttl").isLessThan(until);
        LocalLimitBackend local = new LocalLimitBackend();
        assertThat(local.firstUse("confirmation", "n", Duration.ofMinutes(1))).isTrue();
        assertThat(local.firstUse("confirmation", "n", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void runningSlotsAreSharedAndAWaiterOnAnotherInstanceGetsAFreedOne() throws Exception {
        RedisServer redis = open(RedisServer.start());
        LimitBackend.KeyCounters onA = tenant(backend(redis.url(), Duration.ofMinutes(1)), "t", 100, 2);
        LimitBackend.KeyCounters onB = tenant(backend(redis.url(), Duration.ofMinutes(1)), "t", 100, 2);
        LimitBackend.Permit first = onA.acquire(Duration.ZERO);
        LimitBackend.Permit second = onA.acquire(Duration.ZERO);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(onB.acquire(Duration.ZERO))
                .as("the cap of 2 holds across instances")
                .isNull();
        CompletableFuture<LimitBackend.Permit> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return onB.acquire(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        first.release();
        LimitBackend.Permit third = waiting.get(30, TimeUnit.SECONDS);
        assertThat(third).isNotNull();
        assertThat(onA.acquire(Duration.ZERO)).isNull();
        second.release();
        third.release();
    }

    @Test
    void slotsOfAnInstanceThatNeverGivesThemBackReturnAfterTheLease() throws Exception {
        RedisServer redis = open(RedisServer.start());
        RedisLimitBackend crashing = backend(redis.url(), Duration.ofSeconds(2));
        LimitBackend.KeyCounters onCrashing = tenant(crashing, "t", 100, 1);
        assertThat(onCrashing.acquire(Duration.ZERO)).isNotNull();
        crashing.close(); // gone without releasing: its lease is all that is left in Redis
        LimitBackend.KeyCounters survivor = tenant(backend(redis.url(), Duration.ofSeconds(2)), "t", 100, 1);
        assertThat(survivor.acquire(Duration.ZERO)).isNull();
        assertThat(survivor.acquire(Duration.ofSeconds(30)))
                .as("free again once the lease ran out")
                .isNotNull();
    }

    @Test
    void redisStoppedMeansLocalLimitsAtOnceWithOneWarningAndRedisBackMeansSharedAgain(CapturedOutput output)
            throws Exception {
        RedisServer redis = open(RedisServer.start());
        RedisLimitBackend backend = backend(redis.url(), Duration.ofMinutes(1));
        LimitBackend.KeyCounters counters = tenant(backend, "t", 3, 1);
        assertThat(counters.tryConsume()).isZero();
        redis.stop();
        await(() -> backend.state() == LimitBackend.State.FALLBACK);
        // local limits: a fresh local bucket of 3, and one running slot
        assertThat(counters.tryConsume()).isZero();
        assertThat(counters.tryConsume()).isZero();
        assertThat(counters.tryConsume()).isZero();
        assertThat(counters.tryConsume()).isPositive();
        LimitBackend.Permit slot = counters.acquire(Duration.ZERO);
        assertThat(slot).isNotNull();
        assertThat(counters.acquire(Duration.ZERO)).isNull();
        slot.release();
        for (int i = 0; i < 50; i++) {
            counters.tryConsume();
        }
        Thread.sleep(600); // a few failed probes: still one line
        assertThat(lines(output, "did not answer")).isEqualTo(1);

        redis.restart();
        await(() -> backend.state() == LimitBackend.State.REDIS);
        assertThat(lines(output, "answers again: the limits are cluster-wide again"))
                .isEqualTo(1);
        // Redis came back empty: a fresh shared bucket of 3
        assertThat(counters.tryConsume()).isZero();
        assertThat(counters.tryConsume()).isZero();
        assertThat(counters.tryConsume()).isZero();
        assertThat(counters.tryConsume()).isPositive();
    }

    @Test
    void aRedisDownAtStartUpIsUsedAsSoonAsItAnswers(CapturedOutput output) throws Exception {
        RedisServer redis = open(RedisServer.start());
        redis.stop();
        RedisLimitBackend backend = backend(redis.url(), Duration.ofMinutes(1));
        assertThat(backend.state()).isEqualTo(LimitBackend.State.FALLBACK);
        assertThat(tenant(backend, "t", 1, 1).tryConsume())
                .as("served under the local limits")
                .isZero();
        assertThat(output.getOut()).contains("does not answer");
        redis.restart();
        await(() -> backend.state() == LimitBackend.State.REDIS);
    }

    @Test
    void redisHoldsOnlyKeyedDigestsNeverTheClientsAddressOrTokenName() {
        RedisServer redis = open(RedisServer.start());
        LimitBackend backend = backend(redis.url(), Duration.ofMinutes(1));
        backend.counters("client", "203.0.113.77", 10, 4, LimitBackend.Shared.RATE)
                .tryConsume();
        backend.counters("client", "token:acme-corp", 10, 4, LimitBackend.Shared.RATE)
                .tryConsume();
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> raw = client.connect()) {
            List<String> keys = raw.sync().keys("*");
            assertThat(keys).hasSize(2).allMatch(k -> k.matches("odoo-mcp:limits:client:[0-9a-f]{32}:rate:10"));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aWrongPasswordIsNeverPrintedAndTheBridgeServesUnderLocalLimits(CapturedOutput output) {
        RedisServer redis = open(RedisServer.startWithPassword("right-password-0451"));
        String url = "redis://default:wrong-password-9132@127.0.0.1:" + redis.port();
        RedisLimitBackend backend = backend(url, Duration.ofMinutes(1));
        assertThat(backend.state()).isEqualTo(LimitBackend.State.FALLBACK);
        assertThat(output.getOut()).contains("does not answer").doesNotContain("wrong-password-9132");
        assertThat(new LimitBackendProperties(url, false, null).toString()).doesNotContain("wrong-password-9132");
    }

    @Test
    void redisWithoutASharedTenantHashKeyStopsTheStart() {
        LimitBackendConfiguration configuration = new LimitBackendConfiguration();
        assertThatThrownBy(() -> configuration.limitBackend(
                        new LimitBackendProperties("redis://127.0.0.1:1", false, null),
                        RequestLimitProperties.defaults(),
                        new TenantIds("")))
                .hasMessageContaining("MCP_TENANT_HASH_KEY");
        assertThat(configuration
                        .limitBackend(
                                LimitBackendProperties.none(), RequestLimitProperties.defaults(), new TenantIds(""))
                        .state())
                .isEqualTo(LimitBackend.State.MEMORY);
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(l -> l.contains(text)).count();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
