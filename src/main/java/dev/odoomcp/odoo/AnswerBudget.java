package dev.odoomcp.odoo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The heap all tenants' Odoo answers may take at once while they are buffered, parsed and
 * converted ({@code ODOO_ANSWER_MEMORY_BUDGET}). Exists because each answer alone is capped but
 * their sum was not: a dozen concurrent 20 MB answers, parsed into trees several times their size,
 * ended the JVM ({@code -XX:+ExitOnOutOfMemoryError}). An answer that does not fit is refused at
 * once, with a clear error, instead of waiting (waiting readers holding half-read answers could
 * block each other for good).
 *
 * <p>Each buffered byte is charged at what it may become: measured, a JSON
 * answer's tree takes up to 10.1 times its bytes on JDK 17 (an array of short strings; 5.7 for a real
 * {@code fields_get}), an XML-RPC answer's values plus their JSON copy up to 2.8 times; the
 * buffer itself counts once more. Charges are held by the calling thread (one thread runs one
 * tool call) until its outermost {@link #within} ends, so an answer stays charged until the Odoo
 * client has handed on its result.
 */
final class AnswerBudget {

    /** Heap per buffered byte of an answer that is parsed as JSON: tree plus buffer. */
    static final int JSON_EXPANSION = 11;
    /** Heap per buffered byte of an XML-RPC answer: parsed values, their JSON copy, buffer. */
    static final int XML_EXPANSION = 4;

    /** What one thread holds; touched by that thread only. */
    private static final class Scope {
        int depth;
        long held;
    }

    private final long capacity;
    private final AtomicLong used = new AtomicLong();
    private final Map<Thread, Scope> scopes = new ConcurrentHashMap<>();

    AnswerBudget(long capacity) {
        this.capacity = capacity;
    }

    long capacity() {
        return capacity;
    }

    /** Charged now, all threads together; zero when no answer is being read or parsed. */
    long used() {
        return used.get();
    }

    /** Runs {@code work}; what it reserves is released when the outermost {@code within} of this thread ends. */
    <T> T within(Supplier<T> work) {
        Thread self = Thread.currentThread();
        Scope scope = scopes.computeIfAbsent(self, t -> new Scope());
        scope.depth++;
        try {
            return work.get();
        } finally {
            if (--scope.depth == 0) {
                scopes.remove(self);
                used.addAndGet(-scope.held);
            }
        }
    }

    /**
     * Charges {@code cost} bytes to this thread's scope.
     *
     * @return false, charging nothing, when the budget cannot hold them now
     */
    boolean reserve(long cost) {
        Scope scope = scopes.get(Thread.currentThread());
        if (scope == null) {
            throw new IllegalStateException("AnswerBudget.reserve outside within()");
        }
        long now;
        do {
            now = used.get();
            if (now + cost > capacity) {
                return false;
            }
        } while (!used.compareAndSet(now, now + cost));
        scope.held += cost;
        return true;
    }
}
