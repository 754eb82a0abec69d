package dev.odoomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TenantCallGuardTests {

    private final List<Thread> aborted = new CopyOnWriteArrayList<>();
    private final List<LimitReason> refusals = new CopyOnWriteArrayList<>();

    private TenantCallGuard guard(int perMinute, Duration timeout) {
        return new TenantCallGuard(
                new RequestLimitProperties(perMinute, 2, null, timeout, null), aborted::add, refusals::add);
    }

    /** A call of a known-good caller of {@code tenant}. */
    private static CallKeys keys(String tenant) {
        return new CallKeys(tenant, "credentials-of-" + tenant, "ip:127.0.0.1", () -> true);
    }

    @Test
    void returnsTheResultAndRethrowsTheWorksOwnExceptions() {
        TenantCallGuard guard = guard(100, Duration.ofSeconds(30));
        assertThat(guard.call(keys("t"), () -> "done")).isEqualTo("done");
        IllegalStateException failure = new IllegalStateException("tool failed");
        assertThatThrownBy(() -> guard.call(keys("t"), () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(guard.running()).isZero();
        assertThat(refusals).isEmpty();
    }

    @Test
    void runsTheWorkOnAThreadOfItsOwn() {
        TenantCallGuard guard = guard(100, Duration.ofSeconds(30));
        Thread caller = Thread.currentThread();
        assertThat(guard.call(keys("t"), Thread::currentThread)).isNotSameAs(caller);
    }

    @Test
    void pastTheDeadlineTheWorkerIsInterruptedAndItsRequestsAborted() throws InterruptedException {
        TenantCallGuard guard = guard(100, Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        assertThatThrownBy(() -> guard.call(keys("t"), () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    } finally {
                        finished.countDown();
                    }
                    return null;
                }))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LimitReason.DEADLINE);
                    assertThat(e.getMessage()).startsWith("The call did not finish within 200 ms");
                });
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(aborted).hasSize(1);
        assertThat(refusals).containsExactly(LimitReason.DEADLINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> guard.running() == 0);
        // the tenant's concurrency permits came back: two more calls may run together
        assertThat(guard.call(keys("t"), () -> guard.call(keys("t"), () -> "nested")))
                .isEqualTo("nested");
    }

    @Test
    void aRefusedCallNeverRunsAndIsReported() {
        TenantCallGuard guard = guard(1, Duration.ofSeconds(30));
        guard.call(keys("t"), () -> 1);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> guard.call(keys("t"), () -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> assertThat(e.reason()).isEqualTo(LimitReason.TENANT_RATE));
        assertThat(ran).isFalse();
        assertThat(refusals).containsExactly(LimitReason.TENANT_RATE);
        assertThat(guard.call(keys("other"), () -> "fine")).isEqualTo("fine");
    }

    @Test
    void callsWithUnverifiedCredentialsNeverSpendTheTenantsBudget() {
        // tenant: 2 calls a minute; unverified: 120 a minute per client and per credentials (the default)
        TenantCallGuard guard = guard(2, Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            CallKeys junk = new CallKeys("acme", "junk-key-" + i, "ip:203.0.113.9", () -> false);
            assertThat(guard.call(junk, () -> "refused by Odoo, say")).isNotNull();
        }
        // the company's own users still have their whole budget
        assertThat(guard.call(keys("acme"), () -> 1)).isEqualTo(1);
        assertThat(guard.call(keys("acme"), () -> 2)).isEqualTo(2);
        assertThatThrownBy(() -> guard.call(keys("acme"), () -> 3))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> assertThat(e.reason()).isEqualTo(LimitReason.TENANT_RATE));
    }

    @Test
    void oneClientRotatingCredentialsRunsOutOfItsOwnUnverifiedBudget() {
        TenantCallGuard guard = new TenantCallGuard(
                new RequestLimitProperties(1000, 8, null, Duration.ofSeconds(30), null, Duration.ZERO, null, null, 5),
                aborted::add,
                refusals::add);
        for (int i = 0; i < 5; i++) {
            int n = i;
            guard.call(new CallKeys("db-" + n, "key-" + n, "ip:203.0.113.9", () -> false), () -> n);
        }
        assertThatThrownBy(() -> guard.call(new CallKeys("db-6", "key-6", "ip:203.0.113.9", () -> false), () -> 6))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LimitReason.UNVERIFIED_RATE);
                    assertThat(e.getMessage()).contains("MCP_UNVERIFIED_RATE_PER_MINUTE");
                });
        // another client is not affected
        assertThat(guard.call(new CallKeys("db-6", "key-6", "ip:198.51.100.7", () -> false), () -> 6))
                .isEqualTo(6);
    }

    @Test
    void oneClientRotatingDatabasesRunsOutOfItsClientBudget() {
        TenantCallGuard guard = new TenantCallGuard(
                new RequestLimitProperties(1000, 8, null, Duration.ofSeconds(30), null, Duration.ZERO, 3, null, null),
                aborted::add,
                refusals::add);
        for (int i = 0; i < 3; i++) {
            guard.call(new CallKeys("db-" + i, "key", "token:acme", () -> true), () -> 0);
        }
        assertThatThrownBy(() -> guard.call(new CallKeys("db-9", "key", "token:acme", () -> true), () -> 0))
                .isInstanceOfSatisfying(
                        LimitExceededException.class,
                        e -> assertThat(e.reason()).isEqualTo(LimitReason.CLIENT_RATE));
        assertThat(guard.call(new CallKeys("db-9", "key", "token:other", () -> true), () -> 1))
                .isEqualTo(1);
    }

    @Test
    void aBurstOfNewCallsLogsInOnceAndTheRestRunAsVerified() throws Exception {
        // the default tenant concurrency (8): a burst of 16 of one company's users must queue, not fail
        TenantCallGuard guard = new TenantCallGuard(
                new RequestLimitProperties(
                        1000, null, null, Duration.ofSeconds(30), null, Duration.ofSeconds(20), null, null, 1),
                aborted::add,
                refusals::add);
        AtomicBoolean loggedIn = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();
        CallKeys fresh = new CallKeys("acme", "new-user", "ip:127.0.0.1", loggedIn::get);
        java.util.concurrent.ExecutorService users = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.CompletableFuture<String>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> guard.call(fresh, () -> {
                        if (!loggedIn.get()) {
                            logins.incrementAndGet();
                            sleep(50);
                            loggedIn.set(true);
                        }
                        sleep(20);
                        return "ok";
                    }),
                    users));
        }
        for (var call : calls) {
            assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        users.shutdownNow();
        // one unverified call at a time per credentials, and only one of them was needed
        assertThat(logins).hasValue(1);
        assertThat(refusals).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
