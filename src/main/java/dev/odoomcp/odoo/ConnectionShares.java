package dev.odoomcp.odoo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bridge's connections to Odoo servers ({@code ODOO_MAX_CONNECTIONS}), shared fairly between
 * the Odoo hosts (origins: scheme, host and port) that tenants name. Exists because one client
 * pointing the bridge at a few slow hosts used to take every pooled connection, and everybody
 * else then waited for the pool and was told, wrongly, that their own Odoo "did not answer in time".
 *
 * <p>A host may hold at most its share: {@code ODOO_MAX_CONCURRENT_PER_HOST}, and never more than
 * {@code total / (active hosts + 1)}, so that room always stays for a host not seen yet. When a
 * connection comes free, the waiting host that holds the fewest goes first. A request that cannot
 * get a connection within {@code ODOO_HOST_QUEUE_TIMEOUT} is refused, saying whether its host had
 * used its share or the bridge as a whole is saturated.
 */
final class ConnectionShares {

    /** One connection slot, held for one request; closing it twice is harmless. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Requests of one host holding or waiting for a slot; guarded by the lock. */
    private static final class Host {
        int held;
        int waiting;
    }

    private final int total;
    private final int perHost;
    private final long waitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    /** Hosts with requests holding or waiting for a slot; none other is kept. */
    private final Map<String, Host> hosts = new HashMap<>();

    private int used;

    ConnectionShares(int total, int perHost, Duration wait) {
        this.total = total;
        this.perHost = perHost;
        this.waitNanos = wait.toNanos();
    }

    /**
     * A slot for a request to {@code origin}, waiting for one at most the queue timeout.
     *
     * @throws OdooException naming the host's share or the bridge's saturation, or the cancellation
     *         when the waiting thread is interrupted (the call's deadline passed)
     */
    Lease acquire(String origin) {
        long deadline = System.nanoTime() + waitNanos;
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OdooFaultTranslator.cancelled(origin);
        }
        try {
            Host host = hosts.computeIfAbsent(origin, k -> new Host());
            host.waiting++;
            boolean taken = false;
            try {
                while (!mayTake(host)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw host.held >= share()
                                ? OdooFaultTranslator.hostShareInUse(origin, share())
                                : OdooFaultTranslator.bridgeSaturated(total);
                    }
                    released.awaitNanos(left);
                }
                host.held++;
                used++;
                taken = true;
            } finally {
                host.waiting--;
                forgetIfIdle(origin, host);
                if (!taken) {
                    released.signalAll(); // a waiter gone may have been first in line
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OdooFaultTranslator.cancelled(origin);
        } finally {
            lock.unlock();
        }
        return new Lease() {
            private boolean open = true;

            @Override
            public void close() {
                if (open) {
                    open = false;
                    release(origin);
                }
            }
        };
    }

    /** Slots held by requests to {@code origin} now; for metrics and tests. */
    int held(String origin) {
        lock.lock();
        try {
            Host host = hosts.get(origin);
            return host == null ? 0 : host.held;
        } finally {
            lock.unlock();
        }
    }

    /** Slots held now, all hosts together. */
    int used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The most one host may hold now: its cap, within an equal split that leaves room for a newcomer. */
    private int share() {
        return Math.max(1, Math.min(perHost, total / (hosts.size() + 1)));
    }

    private boolean mayTake(Host host) {
        if (used >= total || host.held >= share()) {
            return false;
        }
        for (Host other : hosts.values()) {
            if (other != host && other.waiting > 0 && other.held < host.held) {
                return false; // a host holding fewer goes first
            }
        }
        return true;
    }

    private void release(String origin) {
        lock.lock();
        try {
            Host host = hosts.get(origin);
            host.held--;
            used--;
            forgetIfIdle(origin, host);
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void forgetIfIdle(String origin, Host host) {
        if (host.held == 0 && host.waiting == 0) {
            hosts.remove(origin);
        }
    }
}
