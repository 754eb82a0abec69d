package dev.odoomcp.tools;

import dev.odoomcp.testing.DatabaseSpec;
import dev.odoomcp.testing.FakeOdoo;
import dev.odoomcp.testing.McpClient;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/** One running {@link FakeOdoo} per {@link Flavor}, started together for a test class and closed after it. */
final class Fakes implements AutoCloseable {

    private final Map<Flavor, FakeOdoo> running = new EnumMap<>(Flavor.class);

    static Fakes start() {
        return start(spec -> {});
    }

    /** Every flavor, each with the demo company plus {@code extra}. */
    static Fakes start(Consumer<DatabaseSpec> extra) {
        Fakes fakes = new Fakes();
        for (Flavor flavor : Flavor.values()) {
            fakes.running.put(flavor, flavor.start(extra));
        }
        return fakes;
    }

    /** Every flavor, each with the demo company plus what {@code extra} gives for that flavor. */
    static Fakes perFlavor(java.util.function.Function<Flavor, Consumer<DatabaseSpec>> extra) {
        Fakes fakes = new Fakes();
        for (Flavor flavor : Flavor.values()) {
            fakes.running.put(flavor, flavor.start(extra.apply(flavor)));
        }
        return fakes;
    }

    FakeOdoo get(Flavor flavor) {
        return running.get(flavor);
    }

    McpClient client(int port, Flavor flavor) {
        return flavor.client(port, get(flavor));
    }

    @Override
    public void close() {
        running.values().forEach(FakeOdoo::close);
    }
}
