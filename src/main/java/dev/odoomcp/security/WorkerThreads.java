package dev.odoomcp.security;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads for tool calls, one per call: virtual threads where the runtime has them (Java 21+),
 * else daemon platform threads. A fresh thread per call lets a deadline abort exactly that call's
 * network requests; the count of them is bounded by {@code MCP_MAX_IN_FLIGHT}.
 */
final class WorkerThreads {

    private WorkerThreads() {}

    static ThreadFactory factory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            type.getMethod("name", String.class, long.class).invoke(builder, "mcp-tool-", 1L);
            return (ThreadFactory) type.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            AtomicLong count = new AtomicLong();
            return task -> {
                Thread thread = new Thread(task, "mcp-tool-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
