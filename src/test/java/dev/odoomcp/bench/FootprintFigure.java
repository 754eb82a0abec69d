package dev.odoomcp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 4, start-up: time from process start to the first healthy {@code /health}, as shipped
 * (the Boot jar), from the extracted jar, and from the extracted jar with a JDK 25 AOT cache
 * trained by one start that exits after the context refresh. RSS rows come from {@link Bench}.
 */
final class FootprintFigure {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final BenchConfig config;
    private final BenchTable table;

    FootprintFigure(BenchConfig config, BenchTable table) {
        this.config = config;
        this.table = table;
    }

    void startUp() throws Exception {
        Stats plain = time("plain", config.server(), List.of());
        addStartRow("start-up to healthy /health, " + (config.jar() == null ? "class path" : "java -jar"), plain);
        if (config.jar() == null || Machine.feature(config.server().java()) < 25) {
            table.add(6, "start-up with AOT cache", "n/a (needs the Boot jar and JDK 25)", "", null);
            return;
        }
        Path extracted = extract();
        ServerProcess.Launch fromExtracted =
                new ServerProcess.Launch(config.server().java(), List.of("-jar", extracted.toString()));
        addStartRow("start-up, extracted jar", time("extracted", fromExtracted, List.of()));
        Path cache = config.workDir().resolve("bridge.aot");
        Files.deleteIfExists(cache);
        try (ServerProcess training = ServerProcess.start(
                fromExtracted,
                List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"),
                Bench.SERVER_ENV,
                config.workDir().resolve("aot-training.log"))) {
            training.awaitExit(START_TIMEOUT);
        }
        if (!Files.exists(cache)) {
            table.add(6, "start-up, extracted jar + AOT cache", "n/a (training made no cache)", "", null);
            return;
        }
        addStartRow(
                "start-up, extracted jar + AOT cache", time("aot", fromExtracted, List.of("-XX:AOTCache=" + cache)));
    }

    private void addStartRow(String measure, Stats stats) {
        table.add(6, measure, stats);
        table.add(6, "  median vs target", BenchTable.ms(stats.median()) + " ms", "≤ 1500 ms", stats.median() <= 1500);
    }

    private Stats time(String name, ServerProcess.Launch launch, List<String> jvm) throws Exception {
        long[] nanos = new long[config.startupRuns()];
        for (int i = 0; i < nanos.length; i++) {
            try (ServerProcess server = ServerProcess.start(
                    launch, jvm, Bench.SERVER_ENV, config.workDir().resolve("start-" + name + "-" + i + ".log"))) {
                nanos[i] = server.awaitHealthy(START_TIMEOUT).toNanos();
            }
        }
        return Stats.ofNanos(nanos);
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}: the layout Spring Boot recommends for CDS/AOT. */
    private Path extract() throws Exception {
        Path dir = config.workDir().resolve("extracted");
        List<String> command = new ArrayList<>(List.of(
                config.server().java().toString(),
                "-Djarmode=tools",
                "-jar",
                config.jar().toString(),
                "extract",
                "--force",
                "--destination",
                dir.toString()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(config.workDir().resolve("extract.log").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("Extracting " + config.jar() + " failed; see extract.log");
        }
        return dir.resolve(config.jar().getFileName());
    }
}
