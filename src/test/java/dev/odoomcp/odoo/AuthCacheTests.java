package dev.odoomcp.odoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins: once per credentials even under concurrency, and never one tenant waiting on another's. */
class AuthCacheTests {

    private final AuthCache cache = new AuthCache(OdooProperties.defaults());
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    private static OdooCredentials creds(String key) {
        return new OdooCredentials(URI.create("https://erp.example.com"), "acme", "admin", key, Optional.empty());
    }

    /** A login that blocks until the test releases it, counting its calls. */
    private Supplier<Long> slowLogin(AtomicInteger calls, CountDownLatch entered) {
        return () -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OdooFaultTranslator.cancelled("https://erp.example.com");
            }
            return 7L;
        };
    }

    @Test
    void aSlowLoginOfOneTenantDoesNotHoldUpAnothersFirstLogin() throws Exception {
        // Keys that share a hash bin of the cache's map at any table size up to 1024: a login run inside the map's
        // compute() held that bin's lock, so the second tenant's first login waited for the first tenant's Odoo.
        List<OdooCredentials> pair = sameBin();
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(
                () -> cache.uid(pair.get(0), OdooProtocol.XMLRPC, slowLogin(new AtomicInteger(), entered)), threads);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Long> other =
                CompletableFuture.supplyAsync(() -> cache.uid(pair.get(1), OdooProtocol.XMLRPC, () -> 9L), threads);
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(9L);
        assertThat(slow).isNotDone();
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
    }

    @Test
    void concurrentFirstCallsWithTheSameCredentialsLogInOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        List<CompletableFuture<Long>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CompletableFuture<Long> result = new CompletableFuture<>();
            Thread t = new Thread(
                    () -> result.complete(cache.uid(creds("same"), OdooProtocol.XMLRPC, slowLogin(calls, entered))));
            callers.add(t);
            results.add(result);
            t.start();
        }
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        // all eight are parked: one inside the login, seven waiting for it
        await().atMost(Duration.ofSeconds(10))
                .until(() -> callers.stream()
                                .filter(t ->
                                        t.getState() == Thread.State.WAITING || t.getState() == Thread.State.BLOCKED)
                                .count()
                        == 8);
        release.countDown();
        for (CompletableFuture<Long> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
        }
        assertThat(calls).hasValue(1);
        assertThat(cache.uid(creds("same"), OdooProtocol.XMLRPC, () -> 99L)).isEqualTo(7L);
    }

    @Test
    void aRefusedLoginIsRememberedAndAFailedOneIsNot() {
        OdooException refused = catchThrowableOfType(
                OdooException.class,
                () -> cache.uid(creds("bad"), OdooProtocol.XMLRPC, () -> {
                    throw OdooFaultTranslator.loginRefused("acme");
                }));
        assertThat(refused.kind()).isEqualTo(OdooErrorKind.AUTHENTICATION_FAILED);
        OdooException again =
                catchThrowableOfType(OdooException.class, () -> cache.uid(creds("bad"), OdooProtocol.XMLRPC, () -> 1L));
        assertThat(again.getMessage()).contains("without asking Odoo");

        catchThrowableOfType(
                OdooException.class,
                () -> cache.uid(creds("flaky"), OdooProtocol.XMLRPC, () -> {
                    throw OdooFaultTranslator.transportFailure(
                            new java.io.IOException("reset"), "https://erp.example.com");
                }));
        assertThat(cache.uid(creds("flaky"), OdooProtocol.XMLRPC, () -> 5L)).isEqualTo(5L);
    }

    @Test
    void aWaiterWhoseCallIsCancelledStopsWaiting() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Long> leader = CompletableFuture.supplyAsync(
                () -> cache.uid(creds("k"), OdooProtocol.JSON2, slowLogin(new AtomicInteger(), entered)), threads);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<OdooException> waiter = new CompletableFuture<>();
        Thread t = new Thread(() -> waiter.complete(
                catchThrowableOfType(OdooException.class, () -> cache.uid(creds("k"), OdooProtocol.JSON2, () -> 1L))));
        t.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> t.getState() == Thread.State.WAITING);
        t.interrupt();
        assertThat(waiter.get(10, TimeUnit.SECONDS).kind()).isEqualTo(OdooErrorKind.TIMEOUT);
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(7L);
    }

    private static List<OdooCredentials> sameBin() {
        OdooCredentials first = creds("key-0");
        int bin = spread(AuthCache.key(first, OdooProtocol.XMLRPC).hashCode()) & 1023;
        for (int i = 1; ; i++) {
            OdooCredentials other = creds("key-" + i);
            if ((spread(AuthCache.key(other, OdooProtocol.XMLRPC).hashCode()) & 1023) == bin) {
                return List.of(first, other);
            }
        }
    }

    /** ConcurrentHashMap's bin hash. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) & 0x7fffffff;
    }
}
