package dev.odoomcp.testing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Thread-safe, append-only record of the calls a {@link FakeOdoo} received. */
final class CallLog {

    private final ConcurrentLinkedQueue<FakeOdoo.Call> calls = new ConcurrentLinkedQueue<>();

    void add(FakeOdoo.Call call) {
        calls.add(call);
    }

    List<FakeOdoo.Call> all() {
        return List.copyOf(calls);
    }

    List<FakeOdoo.Call> to(String model, String method) {
        return calls.stream()
                .filter(c -> Objects.equals(c.model(), model) && Objects.equals(c.method(), method))
                .toList();
    }

    void clear() {
        calls.clear();
    }
}
