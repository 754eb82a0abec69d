package dev.odoomcp.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's request executor: a virtual thread per request where the runtime has them (Java 21+),
 * so thousands of requests sleeping in a configured latency cost little; else a cached pool of
 * daemon threads (Java 17).
 */
final class Executors2 {

    private Executors2() {}

    static ExecutorService forManyWaitingRequests() {
        try {
            return (ExecutorService)
                    Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory daemons = r -> {
                Thread t = new Thread(r, "fake-odoo-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            return Executors.newCachedThreadPool(daemons);
        }
    }
}
