package dev.odoomcp.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs one tool call within the fairness limits, then on a thread of its own under the total
 * deadline ({@code MCP_REQUEST_TIMEOUT}). Admission, in order: the client's own budget (its
 * access-token name, else its address); then, for credentials Odoo has not accepted recently, a
 * budget of their own per credentials and per client, with one such call per credentials at a time
 * (the others wait for its login, then count as verified); then the tenant's budget, charged only for
 * verified credentials, so junk keys aimed at a company's public URL and database never spend its
 * budget. A call over a concurrency cap waits briefly ({@code MCP_QUEUE_TIMEOUT}) before it is
 * refused. When the deadline passes, the worker is interrupted and its Odoo requests are aborted
 * through {@link OutboundAborter}, so no thread stays behind waiting on a slow or hostile server.
 * Every refusal is reported to the {@link LimitListener}, if there is one.
 *
 * <p>With a shared {@link LimitBackend} (Redis), the tenant's rate and running calls and the client's
 * rate hold for the whole cluster; the client's running calls and the unverified budgets stay each
 * instance's own: the first guard the instance's threads and connections, the second are tied to
 * this instance's memory of which credentials Odoo accepted.
 */
@Component
public class TenantCallGuard {

    private enum Gate {
        NEW,
        RUNNING,
        CANCELLED
    }

    private final KeyedLimiter clients;
    private final KeyedLimiter unverifiedCredentials;
    private final KeyedLimiter unverifiedClients;
    private final KeyedLimiter tenants;
    private final Duration timeout;
    private final OutboundAborter aborter;
    private final LimitListener listener;
    private final ThreadFactory threads = WorkerThreads.factory();
    private final AtomicInteger running = new AtomicInteger();

    @Autowired
    TenantCallGuard(
            RequestLimitProperties limits,
            ObjectProvider<OutboundAborter> aborter,
            ObjectProvider<LimitListener> listener,
            ObjectProvider<LimitBackend> backend) {
        this(
                limits,
                aborter.getIfAvailable(() -> worker -> {}),
                listener.getIfAvailable(() -> reason -> {}),
                backend.getIfAvailable(LocalLimitBackend::new));
    }

    TenantCallGuard(RequestLimitProperties limits, OutboundAborter aborter, LimitListener listener) {
        this(limits, aborter, listener, new LocalLimitBackend());
    }

    TenantCallGuard(
            RequestLimitProperties limits, OutboundAborter aborter, LimitListener listener, LimitBackend backend) {
        Duration wait = limits.queueTimeout();
        int keys = limits.maxTrackedTenants();
        this.clients = new KeyedLimiter(
                new KeyedLimiter.Kind(
                        "this client",
                        LimitReason.CLIENT_RATE,
                        LimitReason.CLIENT_CONCURRENCY,
                        "MCP_CLIENT_RATE_PER_MINUTE",
                        limits.clientRatePerMinute(),
                        limits.clientMaxConcurrent(),
                        limits.clientMaxConcurrent()),
                wait,
                keys,
                "client",
                backend,
                LimitBackend.Shared.RATE);
        // One unverified call per credentials at a time: its login decides for the ones queued behind it.
        this.unverifiedCredentials = new KeyedLimiter(
                new KeyedLimiter.Kind(
                        "these credentials, which Odoo has not " + "accepted yet",
                        LimitReason.UNVERIFIED_RATE,
                        LimitReason.UNVERIFIED_RATE,
                        "MCP_UNVERIFIED_RATE_PER_MINUTE",
                        limits.unverifiedRatePerMinute(),
                        1,
                        limits.clientMaxConcurrent()),
                wait,
                keys);
        this.unverifiedClients = new KeyedLimiter(
                new KeyedLimiter.Kind(
                        "this client's calls with credentials Odoo " + "has not accepted yet",
                        LimitReason.UNVERIFIED_RATE,
                        LimitReason.UNVERIFIED_RATE,
                        "MCP_UNVERIFIED_RATE_PER_MINUTE",
                        limits.unverifiedRatePerMinute(),
                        Math.min(limits.clientMaxConcurrent(), 8),
                        limits.clientMaxConcurrent()),
                wait,
                keys);
        this.tenants = new KeyedLimiter(
                new KeyedLimiter.Kind(
                        "this Odoo database",
                        LimitReason.TENANT_RATE,
                        LimitReason.TENANT_CONCURRENCY,
                        "MCP_TENANT_RATE_PER_MINUTE",
                        limits.tenantRatePerMinute(),
                        limits.tenantMaxConcurrent(),
                        limits.tenantMaxConcurrent() * 4),
                wait,
                keys,
                "tenant",
                backend,
                LimitBackend.Shared.RATE_AND_RUNNING);
        this.timeout = limits.requestTimeout();
        this.aborter = aborter;
        this.listener = listener;
    }

    /**
     * Runs {@code work} for the caller named by {@code keys} and returns its result; exceptions of the
     * work are rethrown as they are.
     *
     * @throws LimitExceededException when a limit refuses the call or its deadline passes
     */
    public <T> T call(CallKeys keys, Supplier<T> work) {
        List<KeyedLimiter.Admitted> held = admit(keys);
        Runnable release = () -> held.forEach(KeyedLimiter.Admitted::release);
        AtomicReference<Gate> gate = new AtomicReference<>(Gate.NEW);
        AtomicReference<Thread> worker = new AtomicReference<>();
        FutureTask<T> task = new FutureTask<>(() -> {
            worker.set(Thread.currentThread());
            if (!gate.compareAndSet(Gate.NEW, Gate.RUNNING)) {
                return null; // cancelled before it started; the canceller released the permits
            }
            running.incrementAndGet();
            try {
                return work.get();
            } finally {
                running.decrementAndGet();
                release.run();
            }
        });
        try {
            threads.newThread(task).start();
        } catch (RuntimeException | OutOfMemoryError e) {
            release.run();
            throw new LimitExceededException(
                    LimitReason.IN_FLIGHT,
                    Duration.ofSeconds(1),
                    "The bridge cannot start more work right now; retry in 1 s.");
        }
        return await(task, gate, worker, release);
    }

    private List<KeyedLimiter.Admitted> admit(CallKeys keys) {
        List<KeyedLimiter.Admitted> held = new ArrayList<>(3);
        try {
            take(held, clients.admit(keys.clientKey()));
            if (!keys.verified().getAsBoolean()) {
                KeyedLimiter.Admission probation = unverifiedCredentials.admit(keys.credentialsKey(), keys.verified());
                if (!(probation instanceof KeyedLimiter.NotNeeded)) {
                    take(held, probation);
                    take(held, unverifiedClients.admit(keys.clientKey()));
                    return held; // unverified: the tenant's budget is not touched
                }
            }
            take(held, tenants.admit(keys.tenantId()));
            return held;
        } catch (LimitExceededException e) {
            held.forEach(KeyedLimiter.Admitted::release);
            throw e;
        }
    }

    private void take(List<KeyedLimiter.Admitted> held, KeyedLimiter.Admission admission) {
        if (admission instanceof KeyedLimiter.Refused refused) {
            listener.refused(refused.reason());
            throw refused.toException();
        }
        if (admission instanceof KeyedLimiter.Admitted admitted) {
            held.add(admitted);
        }
    }

    /** Tool calls running now (all tenants); returns to zero when the server is idle. */
    public int running() {
        return running.get();
    }

    private <T> T await(
            FutureTask<T> task, AtomicReference<Gate> gate, AtomicReference<Thread> worker, Runnable release) {
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(task, gate, worker, release);
            listener.refused(LimitReason.DEADLINE);
            throw new LimitExceededException(
                    LimitReason.DEADLINE,
                    Duration.ZERO,
                    "The call did not finish within "
                            + KeyedLimiter.human(timeout)
                            + " (this bridge's limit for one tool call) and was cancelled. If it was meant to "
                            + "change data, check in Odoo whether it did before retrying; otherwise ask for less (fewer "
                            + "records, a narrower domain) or retry later.");
        } catch (InterruptedException e) {
            cancel(task, gate, worker, release);
            Thread.currentThread().interrupt();
            throw new LimitExceededException(
                    LimitReason.DEADLINE,
                    Duration.ofSeconds(1),
                    "The call was cancelled because the request was interrupted; retry.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Tool call failed", cause);
        }
    }

    private void cancel(
            FutureTask<?> task, AtomicReference<Gate> gate, AtomicReference<Thread> worker, Runnable release) {
        if (gate.compareAndSet(Gate.NEW, Gate.CANCELLED)) {
            release.run();
        }
        task.cancel(true);
        Thread thread = worker.get();
        if (thread != null) {
            // One thread per call: this thread runs nothing else, so aborting by thread is exact.
            aborter.abort(thread);
        }
    }
}
