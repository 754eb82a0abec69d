package dev.odoomcp.security;

import java.time.Duration;
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
 * Runs one tool call for one tenant within the fairness limits: the tenant's rate and concurrency
 * are checked first, then the call runs on a thread of its own under the total deadline
 * ({@code MCP_REQUEST_TIMEOUT}). When the deadline passes, the worker is interrupted and its Odoo
 * requests are aborted through {@link OutboundAborter}, so no thread stays behind waiting on a slow
 * or hostile server. Every refusal is reported to the {@link LimitListener}, if there is one.
 */
@Component
public class TenantCallGuard {

    private enum Gate { NEW, RUNNING, CANCELLED }

    private final TenantLimiter limiter;
    private final Duration timeout;
    private final OutboundAborter aborter;
    private final LimitListener listener;
    private final ThreadFactory threads = WorkerThreads.factory();
    private final AtomicInteger running = new AtomicInteger();

    @Autowired
    TenantCallGuard(RequestLimitProperties limits, ObjectProvider<OutboundAborter> aborter,
            ObjectProvider<LimitListener> listener) {
        this(limits, aborter.getIfAvailable(() -> worker -> { }), listener.getIfAvailable(() -> reason -> { }));
    }

    TenantCallGuard(RequestLimitProperties limits, OutboundAborter aborter, LimitListener listener) {
        this.limiter = new TenantLimiter(limits);
        this.timeout = limits.requestTimeout();
        this.aborter = aborter;
        this.listener = listener;
    }

    /**
     * Runs {@code work} for tenant {@code tenantId} and returns its result; exceptions of the work
     * are rethrown as they are.
     *
     * @throws LimitExceededException when a limit refuses the call or its deadline passes
     */
    public <T> T call(String tenantId, Supplier<T> work) {
        TenantLimiter.Admission admission = limiter.admit(tenantId);
        if (admission instanceof TenantLimiter.Refused refused) {
            listener.refused(refused.reason());
            throw refused.toException();
        }
        TenantLimiter.Admitted admitted = (TenantLimiter.Admitted) admission;
        AtomicReference<Gate> gate = new AtomicReference<>(Gate.NEW);
        AtomicReference<Thread> worker = new AtomicReference<>();
        FutureTask<T> task = new FutureTask<>(() -> {
            worker.set(Thread.currentThread());
            if (!gate.compareAndSet(Gate.NEW, Gate.RUNNING)) {
                return null; // cancelled before it started; the canceller released the permit
            }
            running.incrementAndGet();
            try {
                return work.get();
            } finally {
                running.decrementAndGet();
                admitted.release();
            }
        });
        try {
            threads.newThread(task).start();
        } catch (RuntimeException | OutOfMemoryError e) {
            admitted.release();
            throw new LimitExceededException(LimitReason.IN_FLIGHT, Duration.ofSeconds(1),
                    "The bridge cannot start more work right now; retry in 1 s.");
        }
        return await(task, gate, worker, admitted);
    }

    /** Tool calls running now (all tenants); returns to zero when the server is idle. */
    public int running() {
        return running.get();
    }

    private <T> T await(FutureTask<T> task, AtomicReference<Gate> gate, AtomicReference<Thread> worker,
            TenantLimiter.Admitted admitted) {
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(task, gate, worker, admitted);
            listener.refused(LimitReason.DEADLINE);
            throw new LimitExceededException(LimitReason.DEADLINE, Duration.ZERO, "The call did not finish within "
                    + human(timeout) + " (this bridge's limit for one tool call) and was cancelled. If it was meant to "
                    + "change data, check in Odoo whether it did before retrying; otherwise ask for less (fewer "
                    + "records, a narrower domain) or retry later.");
        } catch (InterruptedException e) {
            cancel(task, gate, worker, admitted);
            Thread.currentThread().interrupt();
            throw new LimitExceededException(LimitReason.DEADLINE, Duration.ofSeconds(1),
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

    private void cancel(FutureTask<?> task, AtomicReference<Gate> gate, AtomicReference<Thread> worker,
            TenantLimiter.Admitted admitted) {
        if (gate.compareAndSet(Gate.NEW, Gate.CANCELLED)) {
            admitted.release();
        }
        task.cancel(true);
        Thread thread = worker.get();
        if (thread != null) {
            // One thread per call: this thread runs nothing else, so aborting by thread is exact.
            aborter.abort(thread);
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
