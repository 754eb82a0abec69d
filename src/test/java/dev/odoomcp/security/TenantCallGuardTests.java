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
        return new TenantCallGuard(new RequestLimitProperties(perMinute, 2, null, timeout, null), aborted::add,
                refusals::add);
    }

    @Test
    void returnsTheResultAndRethrowsTheWorksOwnExceptions() {
        TenantCallGuard guard = guard(100, Duration.ofSeconds(30));
        assertThat(guard.call("t", () -> "done")).isEqualTo("done");
        IllegalStateException failure = new IllegalStateException("tool failed");
        assertThatThrownBy(() -> guard.call("t", () -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(guard.running()).isZero();
        assertThat(refusals).isEmpty();
    }

    @Test
    void runsTheWorkOnAThreadOfItsOwn() {
        TenantCallGuard guard = guard(100, Duration.ofSeconds(30));
        Thread caller = Thread.currentThread();
        assertThat(guard.call("t", Thread::currentThread)).isNotSameAs(caller);
    }

    @Test
    void pastTheDeadlineTheWorkerIsInterruptedAndItsRequestsAborted() throws InterruptedException {
        TenantCallGuard guard = guard(100, Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        assertThatThrownBy(() -> guard.call("t", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                finished.countDown();
            }
            return null;
        })).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.reason()).isEqualTo(LimitReason.DEADLINE);
            assertThat(e.getMessage()).startsWith("The call did not finish within 200 ms");
        });
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(aborted).hasSize(1);
        assertThat(refusals).containsExactly(LimitReason.DEADLINE);
        await().atMost(Duration.ofSeconds(10)).until(() -> guard.running() == 0);
        // the tenant's concurrency permits came back: two more calls may run together
        assertThat(guard.call("t", () -> guard.call("t", () -> "nested"))).isEqualTo("nested");
    }

    @Test
    void aRefusedCallNeverRunsAndIsReported() {
        TenantCallGuard guard = guard(1, Duration.ofSeconds(30));
        guard.call("t", () -> 1);
        AtomicBoolean ran = new AtomicBoolean();
        assertThatThrownBy(() -> guard.call("t", () -> ran.getAndSet(true)))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.reason()).isEqualTo(LimitReason.TENANT_RATE));
        assertThat(ran).isFalse();
        assertThat(refusals).containsExactly(LimitReason.TENANT_RATE);
        assertThat(guard.call("other", () -> "fine")).isEqualTo("fine");
    }
}
